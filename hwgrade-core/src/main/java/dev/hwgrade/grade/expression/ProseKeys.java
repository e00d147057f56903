package dev.hwgrade.grade.expression;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds expression keys written in words, such as {@code the identity matrix}: read as mathematics,
 * that is the product t·h·e·i·d·…, which no answer matches for the right reason. Words inside
 * {@code \text{…}} are a word answer and stay allowed; so do function names and subscripts.
 */
final class ProseKeys {
  /** Commands with a braced argument that is a name or words, not letters to multiply. */
  private static final Pattern NAMED_ARGUMENT =
      Pattern.compile(
          "\\\\(?:text|textrm|textbf|textit|mathrm|mathbf|mathit|mathsf|mathcal|mathbb|operatorname|mbox|begin|end)\\s*\\{[^{}]*\\}");

  private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+");
  private static final Pattern SUBSCRIPT = Pattern.compile("_\\s*(?:\\{[^{}]*\\}|[A-Za-z0-9])");
  private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{4,}");
  private static final Set<String> NAMES =
      Set.of(
          "infty",
          "infinity",
          "softmax",
          "trace",
          "sqrt",
          "cbrt",
          "diag",
          "rank",
          "sign",
          "floor",
          "ceil",
          "sigma",
          "relu",
          "argmax",
          "argmin",
          "asin",
          "acos",
          "atan",
          "asinh",
          "acosh",
          "atanh",
          "alpha",
          "beta",
          "gamma",
          "delta",
          "epsilon",
          "varepsilon",
          "zeta",
          "theta",
          "vartheta",
          "iota",
          "kappa",
          "lambda",
          "omega",
          "upsilon",
          "varphi",
          "emptyset",
          "varnothing",
          "imath",
          "jmath",
          "nabla",
          "partial",
          "hbar");

  private ProseKeys() {}

  /** The first word of {@code key} that is English rather than mathematics; null when none. */
  static String proseWord(String key) {
    String s = NAMED_ARGUMENT.matcher(key).replaceAll(" ");
    s = COMMAND.matcher(s).replaceAll(" ");
    s = SUBSCRIPT.matcher(s).replaceAll(" ");
    Matcher m = LETTERS.matcher(s);
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.equals(lower) && vowels(lower) >= 2 && !isFunctionName(lower)) {
        return word;
      }
    }
    return null;
  }

  private static boolean isFunctionName(String word) {
    if (NAMES.contains(word)) {
      return true;
    }
    // sinh, arcsin, cosec…: a run that starts with a function name the parser reads
    for (String f : new String[] {"arc", "ar", "sin", "cos", "tan", "sec", "csc", "cot", "log"}) {
      if (word.startsWith(f) && word.length() <= f.length() + 4) {
        return true;
      }
    }
    return false;
  }

  private static int vowels(String word) {
    int n = 0;
    for (char c : word.toCharArray()) {
      if ("aeiou".indexOf(c) >= 0) {
        n++;
      }
    }
    return n;
  }
}
