package dev.hwgrade.quantity;

import java.util.Locale;
import java.util.Map;

/**
 * Reads one number as models write it, starting at a given position: {@code 1,179,648}, {@code
 * 0.42}, {@code 1.7e15}, {@code 1.7 × 10^{15}}, {@code 10^{30}}, {@code 2^{20}}, {@code 1.7·10¹⁵},
 * {@code 45k}, {@code 1.2B}, {@code 3,400 trillion}, {@code two million}. Text is expected already
 * normalised by {@link TextNormalizer}. A plain scan, no regular expressions, so it is cheap.
 */
public final class NumberReader {
  private NumberReader() {}

  /**
   * A number read from text.
   *
   * @param value the value, scale words and suffixes applied
   * @param start where it starts
   * @param end where it ends
   * @param scaled true when a scale word or suffix ({@code million}, {@code k}) was applied
   * @param significantDigits digits written in the mantissa, leading zeros excepted
   * @param scale the factor of the scale word or suffix, 1 when there was none
   */
  public record Reading(
      double value, int start, int end, boolean scaled, int significantDigits, double scale) {}

  private static final Map<String, Double> SCALE_WORDS =
      Map.ofEntries(
          Map.entry("thousand", 1e3),
          Map.entry("million", 1e6),
          Map.entry("millions", 1e6),
          Map.entry("mil", 1e6),
          Map.entry("mln", 1e6),
          Map.entry("billion", 1e9),
          Map.entry("billions", 1e9),
          Map.entry("bn", 1e9),
          Map.entry("trillion", 1e12),
          Map.entry("trillions", 1e12),
          Map.entry("tn", 1e12),
          Map.entry("quadrillion", 1e15),
          Map.entry("quintillion", 1e18),
          Map.entry("sextillion", 1e21),
          Map.entry("septillion", 1e24));

  private static final Map<String, Double> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("a", 1.0),
          Map.entry("an", 1.0),
          Map.entry("one", 1.0),
          Map.entry("two", 2.0),
          Map.entry("three", 3.0),
          Map.entry("four", 4.0),
          Map.entry("five", 5.0),
          Map.entry("six", 6.0),
          Map.entry("seven", 7.0),
          Map.entry("eight", 8.0),
          Map.entry("nine", 9.0),
          Map.entry("ten", 10.0),
          Map.entry("eleven", 11.0),
          Map.entry("twelve", 12.0),
          Map.entry("twenty", 20.0),
          Map.entry("fifty", 50.0),
          Map.entry("hundred", 100.0),
          Map.entry("a hundred", 100.0));

  /** The factor of a scale word ({@code million} → 1e6), or -1. */
  public static double scaleWord(String word) {
    Double f = SCALE_WORDS.get(word.toLowerCase(Locale.ROOT));
    return f == null ? -1 : f;
  }

  /** Reads a number at {@code i}, or returns null. Never treats a currency sign. */
  public static Reading read(CharSequence s, int i) {
    return read(s, i, false);
  }

  /**
   * Reads a number at {@code i}.
   *
   * @param money true after a currency sign, where {@code m} and a spaced {@code M} mean million
   */
  public static Reading read(CharSequence s, int i, boolean money) {
    int n = s.length();
    if (i >= n) {
      return null;
    }
    char c = s.charAt(i);
    if (Character.isLetter(c)) {
      return readWords(s, i);
    }
    int j = i;
    StringBuilder digits = new StringBuilder(24);
    if (c == '.') {
      if (i + 1 >= n || !isDigit(s.charAt(i + 1))) {
        return null;
      }
    } else if (!isDigit(c)) {
      return null;
    }
    // integer part with optional thousands separators
    int groupStart = j;
    while (j < n && isDigit(s.charAt(j))) {
      digits.append(s.charAt(j++));
    }
    if (j - groupStart <= 3) {
      while (j + 3 < n + 0
          && s.charAt(j) == ','
          && isDigit3(s, j + 1)
          && (j + 4 >= n || !isDigit(s.charAt(j + 4)))) {
        digits.append(s, j + 1, j + 4);
        j += 4;
      }
    }
    if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
      digits.append('.');
      j++;
      while (j < n && isDigit(s.charAt(j))) {
        digits.append(s.charAt(j++));
      }
    }
    String mantissaText = digits.toString();
    double value;
    try {
      value = Double.parseDouble(mantissaText);
    } catch (NumberFormatException e) {
      return null;
    }
    int sig = significant(mantissaText);
    // exponents: 1.7e15, 1.7 × 10^{15}, 10^{30}, 2^{20}, 10¹⁵
    int[] end = new int[1];
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      Integer ex = readSignedInt(s, j + 1, end);
      if (ex != null && (end[0] >= n || !Character.isLetter(s.charAt(end[0])))) {
        value *= Math.pow(10, ex);
        j = end[0];
      }
    } else if (j < n && (s.charAt(j) == '^' || isSuperscript(s.charAt(j)))) {
      Integer ex = power(s, j, end);
      if (ex != null) {
        value = Math.pow(value, ex);
        sig = Math.max(sig, 3);
        j = end[0];
      }
    } else {
      int k = UnitParser.skipSpaces(s, j, 1);
      if (k < n && isTimesSign(s.charAt(k))) {
        int m = UnitParser.skipSpaces(s, k + 1, 1);
        if (m + 1 < n && s.charAt(m) == '1' && s.charAt(m + 1) == '0' && m + 2 < n) {
          Integer ex = power(s, m + 2, end);
          if (ex != null) {
            value *= Math.pow(10, ex);
            j = end[0];
          }
        }
      }
    }
    // scale: 45k, 1.2B, 3 million, 7 B parameters, $45m
    boolean scaled = false;
    double f = -1;
    int scaleEnd = j;
    if (j < n && Character.isLetter(s.charAt(j))) {
      int we = UnitParser.wordEnd(s, j);
      String w = s.subSequence(j, we).toString();
      f = suffix(w, money);
      scaleEnd = we;
      if (f < 0) {
        f = scaleWord(w);
      }
    } else {
      int k = UnitParser.skipSpaces(s, j, 1);
      if (k > j && k < n && Character.isLetter(s.charAt(k))) {
        int we = UnitParser.wordEnd(s, k);
        String w = s.subSequence(k, we).toString();
        f = scaleWord(w);
        if (f < 0
            && w.length() == 1
            && "KMBTkm".indexOf(w.charAt(0)) >= 0
            && (money || countNounFollows(s, we))) {
          f = suffix(w, true);
        }
        scaleEnd = we;
      }
    }
    if (f > 0) {
      value *= f;
      scaled = true;
      j = scaleEnd;
      // a second scale word: "1.7k billion", "3 thousand million"
      int k = UnitParser.skipSpaces(s, j, 1);
      int we = UnitParser.wordEnd(s, k);
      double g = k > j && we > k ? scaleWord(s.subSequence(k, we).toString()) : -1;
      if (g > 0) {
        value *= g;
        f *= g;
        j = we;
      }
    }
    return new Reading(value, i, j, scaled, sig, scaled ? f : 1.0);
  }

  private static Reading readWords(CharSequence s, int i) {
    int we = UnitParser.wordEnd(s, i);
    String w = s.subSequence(i, we).toString().toLowerCase(Locale.ROOT);
    Double v = NUMBER_WORDS.get(w);
    if (v == null) {
      return null;
    }
    int k = UnitParser.skipSpaces(s, we, 1);
    int we2 = UnitParser.wordEnd(s, k);
    if (k == we || we2 == k) {
      return null;
    }
    double f = scaleWord(s.subSequence(k, we2).toString());
    if (f < 0) {
      return null;
    }
    return new Reading(v * f, i, we2, true, 1, f);
  }

  private static double suffix(String w, boolean money) {
    switch (w) {
      case "k":
      case "K":
        return 1e3;
      case "M":
        return 1e6;
      case "m":
        return money ? 1e6 : -1;
      case "B":
      case "b":
      case "bn":
      case "Bn":
        return 1e9;
      case "T":
      case "tn":
        return 1e12;
      default:
        return -1;
    }
  }

  private static boolean countNounFollows(CharSequence s, int we) {
    int k = UnitParser.skipSpaces(s, we, 1);
    int e = UnitParser.wordEnd(s, k);
    if (k == we || e == k) {
      return false;
    }
    Atom a = UnitCatalog.get().lookup(s.subSequence(k, e).toString());
    return a != null && a.countable();
  }

  /** Reads {@code ^{15}}, {@code ^15}, {@code ^-19} or superscript digits at {@code j}. */
  private static Integer power(CharSequence s, int j, int[] end) {
    int n = s.length();
    if (j < n && isSuperscript(s.charAt(j))) {
      int k = j;
      StringBuilder b = new StringBuilder();
      while (k < n && isSuperscript(s.charAt(k))) {
        b.append(fromSuperscript(s.charAt(k++)));
      }
      end[0] = k;
      try {
        return Integer.parseInt(b.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (j >= n || s.charAt(j) != '^') {
      return null;
    }
    int k = j + 1;
    char open = k < n ? s.charAt(k) : ' ';
    char close = open == '{' ? '}' : open == '(' ? ')' : ' ';
    if (close != ' ') {
      k++; // 10^{-3}, 10^(-3)
    }
    Integer v = readSignedInt(s, k, end);
    if (v == null) {
      return null;
    }
    if (close != ' ') {
      if (end[0] >= n || s.charAt(end[0]) != close) {
        return null;
      }
      end[0]++;
    }
    // a right-associative tower (2^3^2) is read by NumericExpression
    return end[0] < n && s.charAt(end[0]) == '^' ? null : v;
  }

  private static Integer readSignedInt(CharSequence s, int k, int[] end) {
    int n = s.length();
    int i = k;
    boolean neg = false;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    int d = i;
    int v = 0;
    while (i < n && isDigit(s.charAt(i))) {
      v = Math.min(v * 10 + (s.charAt(i) - '0'), 99_999); // capped: 1e999999 is simply too large
      i++;
    }
    if (i == d) {
      return null;
    }
    end[0] = i;
    return neg ? -v : v;
  }

  static boolean isTimesSign(char c) {
    return c == '×' || c == '*' || c == '·' || c == '⋅' || c == 'x' || c == 'X';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigit3(CharSequence s, int k) {
    return k + 2 < s.length()
        && isDigit(s.charAt(k))
        && isDigit(s.charAt(k + 1))
        && isDigit(s.charAt(k + 2));
  }

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";

  private static boolean isSuperscript(char c) {
    return SUPERSCRIPTS.indexOf(c) >= 0;
  }

  private static char fromSuperscript(char c) {
    int k = SUPERSCRIPTS.indexOf(c);
    return k < 10 ? (char) ('0' + k) : (k == 10 ? '-' : '+');
  }

  private static int significant(String mantissa) {
    int count = 0;
    boolean leading = true;
    for (int k = 0; k < mantissa.length(); k++) {
      char ch = mantissa.charAt(k);
      if (ch == '.') {
        continue;
      }
      if (leading && ch == '0') {
        continue;
      }
      leading = false;
      count++;
    }
    return Math.max(count, 1);
  }
}
