package dev.hwgrade.grade.expression;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Products of letters written straight after a slash in plain text, {@code t/RC}, {@code v^2/gR}:
 * by the rules of precedence {@code (t/R)·C}, but meant, as a TA reads them, as {@code t/(RC)}.
 * This gives the answer's text with such products grouped into their denominators, for a second
 * reading. A number before the letters ({@code 1/2x}) is left to precedence ({@code x/2}), as
 * calculators read it.
 */
final class SlashProducts {
  /** Two to four letters (each with an optional subscript) right after '/', then no more. */
  private static final Pattern LETTERS =
      Pattern.compile(
          "/((?:[A-Za-z](?:_\\{[A-Za-z0-9]+\\}|_[A-Za-z0-9])?){2,4})(?![A-Za-z0-9_({^\\\\!'])");

  /** Letters that spell a function or a word, not a product. */
  private static final Set<String> WORDS =
      Set.of(
          "sin", "cos", "tan", "sec", "csc", "cot", "log", "ln", "lg", "exp", "sinh", "cosh",
          "tanh", "max", "min", "det", "tr", "arg", "deg", "rad", "sqrt", "mod", "gcd", "lcm");

  /** The text regrouped. */
  record Reading(String text) {}

  private SlashProducts() {}

  /** The answer with every product after a slash grouped; null when it has none. */
  static Reading grouped(String cleaned) {
    if (cleaned == null || cleaned.indexOf('/') < 0) {
      return null;
    }
    Matcher m = LETTERS.matcher(cleaned);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String product = m.group(1);
      String letters = product.replaceAll("_\\{[A-Za-z0-9]+\\}|_[A-Za-z0-9]", "");
      if (WORDS.contains(letters.toLowerCase(java.util.Locale.ROOT))) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      changed = true;
      m.appendReplacement(out, Matcher.quoteReplacement("/(" + product + ")"));
    }
    m.appendTail(out);
    return changed ? new Reading(out.toString()) : null;
  }
}
