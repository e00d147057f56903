package dev.hwgrade.quantity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the LaTeX and Markdown around numbers into plain text the readers understand: {@code
 * \times} → ×, {@code \approx} → ≈, {@code \text{MB}} → MB, {@code \$} → $, {@code 1{,}000} →
 * 1,000, {@code \frac{18}{20}} → 18/20, math delimiters dropped, Unicode minus and spaces unified.
 * Cheap when the text holds no backslash.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  private static final char CURRENCY = '\uE0FF';
  private static final Pattern TEXT_COMMAND =
      Pattern.compile(
          "\\\\(?:text|mathrm|textrm|mbox|operatorname|mathit|textit|textbf|mathbf|rm)\\s*\\{([^{}]*)}");
  private static final Pattern FRAC =
      Pattern.compile("\\\\[dt]?frac\\s*\\{\\s*([0-9.,]+)\\s*}\\s*\\{\\s*([0-9.,]+)\\s*}");
  private static final Pattern BOXED = Pattern.compile("\\\\boxed\\s*\\{");
  private static final Pattern THIN_SPACE_GROUP = Pattern.compile("(\\d)\\\\[,;:! ](\\d{3})");
  private static final Pattern NARROW_SPACE_GROUP =
      Pattern.compile("(\\d)[\u202F\u2009\u00A0](\\d{3})(?!\\d)");
  private static final Pattern PY_POWER =
      Pattern.compile("(?<=[\\d)])\\s*\\*\\*\\s*(?=[-+]?[\\d(])");

  /** The plain form of {@code text}. */
  public static String normalize(String text) {
    return normalize(text, true);
  }

  /** The plain form of a unit phrase, where a bare {@code $} is always the dollar. */
  public static String normalizeUnit(String text) {
    return normalize(text, false);
  }

  private static final String VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";
  private static final String[] VULGAR_DECIMALS = {
    ".5",
    ".333333333333",
    ".666666666667",
    ".25",
    ".75",
    ".2",
    ".4",
    ".6",
    ".8",
    ".166666666667",
    ".833333333333",
    ".125",
    ".375",
    ".625",
    ".875"
  };

  private static String normalize(String text, boolean mathDelimiters) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = withoutFormatCharacters(text);
    if (s.indexOf('\u202F') >= 0 || s.indexOf('\u2009') >= 0 || s.indexOf('\u00A0') >= 0) {
      s = NARROW_SPACE_GROUP.matcher(s).replaceAll("$1$2"); // 1 179 648 with thin spaces
      s = NARROW_SPACE_GROUP.matcher(s).replaceAll("$1$2");
    }
    if (s.indexOf('\\') >= 0) {
      s = latex(s);
    }
    if (s.indexOf('{') >= 0) {
      s = s.replace("{,}", ",");
    }
    if (mathDelimiters && s.indexOf('$') >= 0) {
      s = dollars(s);
    }
    if (s.indexOf("**") >= 0) {
      s = PY_POWER.matcher(s).replaceAll("^"); // 2**3**2 is the tower 2^3^2
      s = s.replace("**", "");
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '−':
          b.append('-');
          break;
        case '∼':
          b.append('~');
          break;
        case '\u00A0':
        case '\u202F':
        case '\u2009':
        case '\u2007':
          b.append(' ');
          break;
        case 'μ':
          b.append('µ');
          break;
        case CURRENCY:
          b.append('$');
          break;
        case '`':
          break;
        default:
          int vulgar = c < '¼' || c > '¾' && (c < '⅐' || c > '⅞') ? -1 : VULGAR.indexOf(c);
          if (vulgar >= 0) {
            // ½ is 0.5 and 1½ is 1.5: the fraction's decimals after the whole number, if any
            if (b.length() == 0 || !Character.isDigit(b.charAt(b.length() - 1))) {
              b.append('0');
            }
            b.append(VULGAR_DECIMALS[vulgar]);
          } else {
            b.append(c);
          }
      }
    }
    String out = b.toString();
    if (out.indexOf('°') >= 0) {
      out = GLUED_DEGREES.matcher(out).replaceAll("·"); // J/g°C is J/(g·°C)
    }
    return out.indexOf('±') >= 0 || out.contains("+/-") ? withoutUncertainty(out) : out;
  }

  /**
   * A measured value with its uncertainty, {@code 2.5 ± 0.1 m/s} or {@code (5.0 ± 0.2) × 10^3}: the
   * value is the figure before the sign. A {@code ±} inside a bracket that is not a measurement
   * ({@code (5 ± 3)/2}, two roots) is left for the readers.
   */
  private static final Pattern UNCERTAINTY =
      Pattern.compile(
          "(\\(\\s*)?(-?\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:±|\\+/-)\\s*\\d[\\d,]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(\\s*\\))?");

  /** A temperature unit glued to the unit before it: {@code J/g°C}, {@code W/m°C}. */
  private static final Pattern GLUED_DEGREES =
      Pattern.compile("(?<=[A-Za-z])(?=°[CF](?![A-Za-z]))");

  private static final Pattern OPERATION_AFTER = Pattern.compile("^\\s*[/^*×·]");

  private static final Pattern POWER_OF_TEN_AFTER = Pattern.compile("^\\s*[×x*·]\\s*10\\b");

  private static String withoutUncertainty(String s) {
    Matcher m = UNCERTAINTY.matcher(s);
    StringBuilder b = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      boolean open = m.group(1) != null;
      boolean close = m.group(3) != null;
      String rest = s.substring(m.end());
      boolean measurement =
          !(open && close)
              || POWER_OF_TEN_AFTER.matcher(rest).find()
              || !OPERATION_AFTER.matcher(rest).find();
      boolean digitBefore = m.start() > 0 && Character.isLetterOrDigit(s.charAt(m.start() - 1));
      if (!measurement || digitBefore) {
        continue;
      }
      b.append(s, last, m.start()).append(open && !close ? "(" + m.group(2) : m.group(2));
      last = m.end();
    }
    return last == 0 ? s : b.append(s.substring(last)).toString();
  }

  /**
   * {@code text} without Unicode format characters (category Cf: zero-width space U+200B, soft
   * hyphen U+00AD, direction marks U+200E/U+200F, word joiner U+2060, byte-order mark U+FEFF…), so
   * that {@code 2\u200b4 GB} reads as 24 GB. Returns {@code text} itself when it holds none.
   */
  public static String withoutFormatCharacters(String text) {
    int n = text.length();
    int k = 0;
    while (k < n && !isFormatOrSurrogate(text.charAt(k))) {
      k++;
    }
    if (k == n) {
      return text;
    }
    StringBuilder b = new StringBuilder(n);
    b.append(text, 0, k);
    while (k < n) {
      int cp = text.codePointAt(k);
      if (Character.getType(cp) != Character.FORMAT) {
        b.appendCodePoint(cp);
      }
      k += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean isFormatOrSurrogate(char c) {
    return c >= '\u00AD' && (Character.getType(c) == Character.FORMAT || Character.isSurrogate(c));
  }

  /** The content of the last {@code \boxed{…}} in {@code text}, or null when there is none. */
  public static String lastBoxed(String text) {
    if (text == null || text.indexOf("\\boxed") < 0) {
      return null;
    }
    Matcher m = BOXED.matcher(text);
    int start = -1;
    while (m.find()) {
      start = m.end();
    }
    if (start < 0) {
      return null;
    }
    int depth = 1;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(start, i);
      }
    }
    return null;
  }

  /**
   * A unit group with braces inside, {@code \mathrm{m\,s^{-2}}}: the plain-text pattern above
   * cannot take nested braces, so the exponents' braces go first.
   */
  private static final Pattern NESTED_UNIT_GROUP =
      Pattern.compile("\\\\(?:mathrm|text|rm|textrm)\\s*\\{((?:[^{}]|\\{[^{}]*})*)}");

  private static final Pattern EXPONENT_BEFORE_UNIT =
      Pattern.compile("(\\^[-+−]?\\d{1,2})(?=[A-Za-zµΩ°])");
  private static final Pattern BRACED_EXPONENT = Pattern.compile("\\^\\{([-+−]?\\d{1,2})}");

  private static String unitGroup(String inner) {
    return BRACED_EXPONENT.matcher(inner).replaceAll("^$1").replace("\\,", " ").replace("\\;", " ");
  }

  /** {@code ^\circ C}, {@code ^{\circ}C}, {@code \degree C} → °C; {@code \Omega} → Ω. */
  private static String degrees(String s) {
    if (s.indexOf("circ") < 0 && s.indexOf("degree") < 0 && s.indexOf("Omega") < 0) {
      return s;
    }
    return s.replace("^{\\circ}", "°")
        .replace("^\\circ", "°")
        .replace("\\degree", "°")
        .replace("\\,\\Omega", " Ω")
        .replace("\\Omega", "Ω")
        .replace("° ", "°")
        .replace("°\\mathrm{C}", "°C")
        .replace("°\\text{C}", "°C")
        .replace("°\\mathrm{F}", "°F")
        .replace("°\\text{F}", "°F")
        .replace("°$C", "°C$")
        .replace("°$F", "°F$");
  }

  private static String latex(String in) {
    String s = in.replace("\\$", String.valueOf(CURRENCY));
    for (int k = 0; k < 6 && hasThinSpace(s); k++) {
      String t = THIN_SPACE_GROUP.matcher(s).replaceAll("$1$2");
      if (t.equals(s)) {
        break;
      }
      s = t;
    }
    s = s.replace("$\\mu$", "µ").replace("$\\mu $", "µ");
    s = s.replace("\\ ", " "); // a LaTeX control space: 8.314\ \text{J mol}^{-1}
    if (s.indexOf("frac") >= 0) {
      s = FRAC.matcher(s).replaceAll("$1/$2");
    }
    s = degrees(s);
    if (hasTextCommand(s)) {
      s =
          NESTED_UNIT_GROUP
              .matcher(s)
              .replaceAll(m -> Matcher.quoteReplacement(unitGroup(m.group(1))));
    }
    for (int k = 0; k < 3 && hasTextCommand(s); k++) {
      String t = TEXT_COMMAND.matcher(s).replaceAll("$1");
      if (t.equals(s)) {
        break;
      }
      s = t;
    }
    if (s.contains("^{")) {
      // \text{J mol}^{-1}\text{K}^{-1}: the unit's exponents outside its text groups
      s = BRACED_EXPONENT.matcher(s).replaceAll("^$1");
      s = EXPONENT_BEFORE_UNIT.matcher(s).replaceAll("$1 ");
    }
    s = s.replace("{,}", ",");
    if (s.indexOf('\\') < 0) {
      return s; // every replacement below starts with a backslash
    }
    s =
        s.replace("\\times", "×")
            .replace("\\cdot", "·")
            .replace("\\approx", "≈")
            .replace("\\pm", "±")
            .replace("\\simeq", "≃")
            .replace("\\sim", "~")
            .replace("\\thickapprox", "≈")
            .replace("\\rightarrow", "→")
            .replace("\\Rightarrow", "→")
            .replace("\\implies", "→")
            .replace("\\to ", "→ ")
            .replace("\\%", "%")
            .replace("\\mu ", "µ")
            .replace("\\mu", "µ")
            .replace("\\,", " ")
            .replace("\\;", " ")
            .replace("\\!", "")
            .replace("\\ ", " ")
            .replace("\\quad", " ")
            .replace("\\left", "")
            .replace("\\right", "")
            .replace("\\le ", "≤ ")
            .replace("\\ge ", "≥ ")
            .replace("\\boxed", "");
    return s;
  }

  /** Whether {@link #THIN_SPACE_GROUP} may match: a backslash space command ({@code \\,}). */
  private static boolean hasThinSpace(String s) {
    for (int i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i + 1)) {
      if (i + 1 < s.length() && ",;:! ".indexOf(s.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #TEXT_COMMAND} or {@link #NESTED_UNIT_GROUP} may match: one of their commands
   * ({@code \\text…}, {@code \\math…}, {@code \\rm}, {@code \\mbox}, {@code \\operatorname}).
   */
  private static boolean hasTextCommand(String s) {
    return s.contains("\\text")
        || s.contains("\\math")
        || s.contains("\\rm")
        || s.contains("\\mbox")
        || s.contains("\\operatorname");
  }

  /**
   * Decides for each bare {@code $} whether it is a currency sign or a math delimiter: a {@code $}
   * before a digit is money unless the stretch up to the next {@code $} on the line looks like
   * mathematics (a caret, braces, a subscript, a times or approximately sign).
   */
  private static String dollars(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    boolean inMath = false;
    int eolAfter = -1; // the next newline at or after the current position, found once per line
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        inMath = false;
      }
      if (c != '$') {
        b.append(c);
        i++;
        continue;
      }
      if (!inMath && afterNumber(s, i)) {
        b.append(CURRENCY); // "5 $/year": a dollar sign written after the amount
        i++;
        continue;
      }
      if (i + 1 < n && s.charAt(i + 1) == '$') {
        b.append(' ');
        i += 2;
        continue;
      }
      int d = i + 1 < n && s.charAt(i + 1) == ' ' ? i + 2 : i + 1;
      boolean digitNext = d < n && (Character.isDigit(s.charAt(d)) || s.charAt(d) == '.');
      if (i >= 2 && s.startsWith("US", i - 2)) {
        b.append(CURRENCY);
        i++;
        continue;
      }
      if (digitNext && !inMath) {
        int close = s.indexOf('$', i + 1);
        if (eolAfter < i) {
          eolAfter = s.indexOf('\n', i + 1);
          if (eolAfter < 0) {
            eolAfter = n;
          }
        }
        int eol = eolAfter == n ? -1 : eolAfter;
        boolean closedOnLine = close > 0 && (eol < 0 || close < eol);
        if (!closedOnLine || !looksLikeMath(s, i + 1, close)) {
          b.append(CURRENCY);
          i++;
          continue;
        }
      }
      inMath = !inMath;
      boolean spaceBefore = b.length() == 0 || b.charAt(b.length() - 1) == ' ';
      boolean spaceAfter = i + 1 >= n || s.charAt(i + 1) == ' ';
      if (!spaceBefore && !spaceAfter) {
        b.append(' ');
      }
      i++;
    }
    return b.toString();
  }

  private static boolean afterNumber(String s, int i) {
    int k = i - 1;
    if (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    if (k >= 1 && "kKMBT".indexOf(s.charAt(k)) >= 0 && Character.isDigit(s.charAt(k - 1))) {
      k--; // 45k $
    }
    boolean digitBefore =
        k >= 0
            && (Character.isDigit(s.charAt(k))
                || s.charAt(k) == '}' && s.lastIndexOf('^', k) > k - 8);
    boolean digitAfter = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
    return digitBefore && !digitAfter;
  }

  private static boolean looksLikeMath(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      // "=" alone is no sign of mathematics: "$1.60/GPU-hr = $1.6 million" is two prices
      if (c == '^' || c == '{' || c == '×' || c == '≈' || c == '_' || c == '·' || c == '°'
          || c == 'Ω') {
        return true;
      }
    }
    // "$5\,\text{N}$" → "$5 N$": a number and a unit closing the pair is mathematics, not a price
    return to - 1 > from && Character.isLetter(s.charAt(to - 1));
  }
}
