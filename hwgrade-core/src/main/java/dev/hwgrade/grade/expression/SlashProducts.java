package dev.hwgrade.grade.expression;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Products written straight after a slash in plain text, {@code t/RC}, {@code v^2/gR}, {@code
 * ω/2π}, {@code 1/2π√(LC)}: by the rules of precedence {@code (t/R)·C}, but meant, as a TA reads
 * them, as {@code t/(RC)}. This gives the answer's text with such products grouped into their
 * denominators, for a second reading. A number and one letter ({@code 1/2x}) are left to precedence
 * ({@code x/2}), as calculators read them.
 */
final class SlashProducts {
  private static final String SCRIPTS =
      "(?:_\\{[A-Za-z0-9]+\\}|_[A-Za-z0-9])?(?:\\^\\{[^{}]*\\}|\\^[A-Za-z0-9])?";

  /**
   * A letter, or a Greek letter's command (with the space the cleaner may leave after it), with an
   * optional subscript and power.
   */
  private static final String ATOM =
      "(?:[A-Za-z]" + SCRIPTS + "|\\\\(?!sqrt)[A-Za-z]+(?![A-Za-z])" + SCRIPTS + " ?)";

  /** A square root with its argument. */
  private static final String ROOT = "\\\\sqrt(?:\\([^()]*\\)|\\{[^{}]*\\})";

  /**
   * Right after '/': an optional whole number, then letters, Greek letters and roots written
   * together, then no more ({@code /RC}, {@code /gR}, {@code /2\pi}, {@code /2\pi\sqrt(LC)}).
   */
  private static final Pattern PRODUCT =
      Pattern.compile("/(\\d+)?((?:" + ATOM + "|" + ROOT + ")+)(?![A-Za-z0-9_({^\\\\!'.])");

  private static final Pattern FACTOR = Pattern.compile(ATOM + "|" + ROOT);

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
    Matcher m = PRODUCT.matcher(cleaned);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String number = m.group(1) == null ? "" : m.group(1);
      String factors = m.group(2);
      if (!isProduct(number, factors)) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      changed = true;
      m.appendReplacement(out, Matcher.quoteReplacement("/(" + number + factors + ")"));
    }
    m.appendTail(out);
    return changed ? new Reading(out.toString()) : null;
  }

  /**
   * Whether what follows the slash is a product meant as the denominator: two or more factors
   * ({@code RC}, {@code 4\pi\epsilon_0 r^2}) that do not spell a function's name; a number before
   * one letter only when the letter is a Greek letter or a root ({@code 2\pi}), not {@code 2x}.
   */
  private static boolean isProduct(String number, String factors) {
    Matcher f = FACTOR.matcher(factors);
    int count = 0;
    boolean command = false;
    while (f.find()) {
      count++;
      command |= f.group().startsWith("\\");
    }
    if (number.isEmpty()) {
      String letters = factors.replaceAll("_\\{[A-Za-z0-9]+\\}|_[A-Za-z0-9]", "");
      return count >= 2 && !WORDS.contains(letters.toLowerCase(Locale.ROOT));
    }
    return command || count >= 2;
  }
}
