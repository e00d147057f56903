package dev.hwgrade.grade.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbols and numbers a text names: variables ({@code k}, {@code W_0}), acronyms ({@code SVD},
 * {@code MAML}), numbers and products of both ({@code 2dr}). A key point that names such things is
 * made only by an answer that names them too, which word statistics miss.
 */
final class Symbols {
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(?:\\d+(?:[.,]\\d+)*[A-Za-z]*|[A-Za-z][A-Za-z0-9]*(?:_\\{?[A-Za-z0-9]+\\}?)?(?:\\^\\{?[A-Za-z0-9]+\\}?)?)");
  private static final Set<String> NOT_SYMBOLS = Set.of("a", "i", "o", "s", "t", "ok", "id");

  private Symbols() {}

  /** The normalised symbols and numbers in a text: lower case, braces, dollars and commas gone. */
  static Set<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    String t = text.replace("$", " ").replaceAll("\\\\(?:mathbf|mathrm|text|operatorname)", "");
    t = t.replace("\\", " ");
    Matcher m = TOKEN.matcher(t);
    while (m.find()) {
      String tok = m.group();
      if (isSymbol(tok)) {
        out.add(normalise(tok));
      }
    }
    return out;
  }

  private static boolean isSymbol(String tok) {
    if (tok.indexOf('_') >= 0 || tok.chars().anyMatch(Character::isDigit)) {
      return true;
    }
    if (tok.length() == 1) {
      return !NOT_SYMBOLS.contains(tok.toLowerCase(Locale.ROOT));
    }
    long upper = tok.chars().filter(Character::isUpperCase).count();
    return upper >= 2;
  }

  private static String normalise(String tok) {
    String s = tok.replaceAll("[{}]", "").toLowerCase(Locale.ROOT);
    if (s.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      s = s.replace(",", "");
    }
    if (s.matches("\\d+\\.\\d*0+")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.replace("_", "");
  }
}
