package dev.hwgrade.latex;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an extracted answer into a canonical string the {@link MathParser} reads: LaTeX wrappers
 * and spacing go ({@code \boxed}, {@code \left}, {@code \text}, {@code \!}), notation becomes one
 * spelling ({@code \dfrac} → {@code \frac}, {@code \leq} → {@code ≤}, {@code \cdot} → {@code *}),
 * thousands separators and trailing unit words are dropped, and a decimal comma becomes a point.
 * Repeating decimals become fractions, binomials one {@code \binom}, {@code \mathbb{R}} the
 * interval {@code (-\infty, \infty)}; a degree sign stays as {@code °}. Words inside {@code
 * \text{}} that are not mathematics are kept between {@link #WORD_OPEN} and {@link #WORD_CLOSE}, so
 * the parser can tell the word {@code odd} from the product {@code o d d}.
 */
public final class LatexCleaner {
  /** Opens a word that is not mathematics. */
  public static final char WORD_OPEN = '\u0001';

  /** Closes a word that is not mathematics. */
  public static final char WORD_CLOSE = '\u0002';

  private static final Set<String> CONNECTORS = Set.of("and", "or", ",", ";", "und", "et");
  private static final Set<String> TEXT_COMMANDS =
      Set.of(
          "text",
          "textbf",
          "textit",
          "textrm",
          "textnormal",
          "mbox",
          "mathrm",
          "mathbf",
          "mathit",
          "operatorname",
          "textsf",
          "mathsf",
          "mathtt",
          "texttt",
          "boldsymbol",
          "bm",
          "mathbb",
          "mathcal",
          "hbox");
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "tr", "Tr", "trace", "det", "sin", "cos", "tan", "log", "ln", "exp", "sec", "csc", "cot",
          "diag", "rank", "sgn", "lcm", "gcd", "softmax", "max", "min");
  private static final List<String[]> REPLACEMENTS =
      List.of(
          new String[] {"\\dfrac", "\\frac"},
          new String[] {"\\tfrac", "\\frac"},
          new String[] {"\\cfrac", "\\frac"},
          new String[] {"\\dbinom", "\\binom"},
          new String[] {"\\tbinom", "\\binom"},
          new String[] {"\\displaystyle", " "},
          new String[] {"\\leqslant", "≤"},
          new String[] {"\\geqslant", "≥"},
          new String[] {"\\leq", "≤"},
          new String[] {"\\geq", "≥"},
          new String[] {"\\le", "≤"},
          new String[] {"\\ge", "≥"},
          new String[] {"\\neq", "≠"},
          new String[] {"\\ne", "≠"},
          new String[] {"\\lt", "<"},
          new String[] {"\\gt", ">"},
          new String[] {"<=", "≤"},
          new String[] {">=", "≥"},
          new String[] {"=<", "≤"},
          new String[] {"=>", "≥"},
          new String[] {"!=", "≠"},
          new String[] {"\\approx", "≈"},
          new String[] {"\\simeq", "≈"},
          new String[] {"\\sim", "≈"},
          new String[] {"\\thickapprox", "≈"},
          new String[] {"\\equiv", "="},
          new String[] {"\\coloneqq", "="},
          new String[] {":=", "="},
          new String[] {"\\in", "∈"},
          new String[] {"\\cup", "∪"},
          new String[] {"\\cap", "∩"},
          new String[] {"\\smallsetminus", "∖"},
          new String[] {"\\setminus", "∖"},
          new String[] {"\\land", "∧"},
          new String[] {"\\wedge", "∧"},
          new String[] {"\\lor", "∨"},
          new String[] {"\\vee", "∨"},
          new String[] {"\\lnot", "¬"},
          new String[] {"\\neg", "¬"},
          new String[] {"\\pm", "±"},
          new String[] {"+-", "±"},
          new String[] {"\\infty", "∞"},
          new String[] {"\\infin", "∞"},
          new String[] {"\\cdot", "*"},
          new String[] {"\\times", "*"},
          new String[] {"\\ast", "*"},
          new String[] {"·", "*"},
          new String[] {"×", "*"},
          new String[] {"⋅", "*"},
          new String[] {"\\div", "/"},
          new String[] {"÷", "/"},
          new String[] {"−", "-"},
          new String[] {"–", "-"},
          new String[] {"\\lbrace", "\\{"},
          new String[] {"\\rbrace", "\\}"},
          new String[] {"\\langle", "("},
          new String[] {"\\rangle", ")"},
          new String[] {"\\lvert", "|"},
          new String[] {"\\rvert", "|"},
          new String[] {"\\vert", "|"},
          new String[] {"\\mid", "|"},
          new String[] {"\\lfloor", "\\floor("},
          new String[] {"\\rfloor", ")"},
          new String[] {"\\lceil", "\\ceil("},
          new String[] {"\\rceil", ")"},
          new String[] {"\\top", "T"},
          new String[] {"\\intercal", "T"},
          new String[] {"\\prime", "'"},
          new String[] {"\\%", "%"},
          new String[] {"\\$", " "},
          new String[] {"\\&", " "},
          new String[] {"\\colon", ":"},
          new String[] {"\\dots", "…"},
          new String[] {"\\ldots", "…"},
          new String[] {"\\cdots", "…"},
          new String[] {"...", "…"},
          new String[] {"∗", "*"},
          new String[] {"√", "\\sqrt"},
          new String[] {"∠", "\\angle "},
          new String[] {"∞", "∞"},
          new String[] {"≦", "≤"},
          new String[] {"≧", "≥"});

  private static final Pattern SIZE_COMMANDS =
      Pattern.compile(
          "\\\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![a-zA-Z])\\s*\\.?");
  private static final Pattern SPACING =
      Pattern.compile(
          "(?<!\\\\)\\\\(?:(?:quad|qquad|enspace|thinspace|hfill|nonumber|notag)|[,;:!> ])|~");

  /**
   * A degree sign, kept as {@code °} so that {@code 30°} can match {@code π/6}; a temperature's
   * goes.
   */
  private static final Pattern DEGREES =
      Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*\\}?|°|\\\\degree(?![a-zA-Z])");

  /** {@code 30 degrees}, {@code 45 deg}: an angle with its unit spelled out. */
  private static final Pattern DEGREE_WORD =
      Pattern.compile("(\\d|\\})\\s*(?:degrees|degree|deg)(?![A-Za-z])(?!\\s*[CF](?![A-Za-z]))");

  /**
   * {@code [A]_0}: a concentration in brackets with a subscript, read as the symbol {@code A_0} (as
   * {@code [A]} alone is read as {@code A}).
   */
  private static final Pattern CONCENTRATION_SUBSCRIPT =
      Pattern.compile("\\[([A-Z][A-Za-z0-9]*)\\]_(\\{[A-Za-z0-9]+\\}|[A-Za-z0-9])");

  /**
   * {@code 50 - j30\,\Omega}, {@code (3 + 4j)\,\Omega}: the ohm after a value at the end is the
   * unit.
   */
  private static final Pattern OHMS =
      Pattern.compile("([\\d)])\\s*(?:\\\\[,;: !]|~|\\s)*(?:\\\\Omega(?![A-Za-z])|Ω)\\s*$");

  private static final Pattern TEMPERATURE =
      Pattern.compile("°\\s*(?:\\\\(?:mathrm|text)\\s*\\{\\s*[CF]\\s*\\}|[CF](?![A-Za-z]))");
  private static final Pattern COMPOSITION = Pattern.compile("\\\\circ(?![a-zA-Z])");
  private static final Pattern THOUSANDS_BRACED =
      Pattern.compile("(\\d)\\s*\\{\\s*,\\s*\\}\\s*(?=\\d{3})");
  private static final Pattern THOUSANDS_TIGHT = Pattern.compile("(\\d),\\\\!\\s*(?=\\d{3})");
  private static final Pattern THOUSANDS =
      Pattern.compile("(?<![\\d.])(\\d{1,3})((?:,\\d{3})+)(?![\\d])");
  private static final Pattern SPACE_THOUSANDS =
      Pattern.compile("^-?\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?$");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("^(-?\\d+),(\\d+)$");
  private static final Pattern PERCENT_WORD =
      Pattern.compile("(?i)(\\d|\\})\\s*(percentage|percent|pct|per cent)\\b");
  private static final Pattern CONNECTOR = Pattern.compile("(?<![A-Za-z\\\\])(?:and|or)(?![a-z])");
  private static final Pattern RELATION_SIGN =
      Pattern.compile("[=<>≤≥≠∈]|\\\\(?:[lg]e|[lg]eq|[lg]t|neq?|in|neg|lnot)(?![a-z])");
  private static final Pattern NOT_WORD = Pattern.compile("(?<![A-Za-z\\\\])not(?=\\s*\\()");
  private static final Pattern TRAILING_WORDS =
      Pattern.compile(
          "([\\w})\\]])\\s++(?:[A-Za-zµ]{3,}+\\.?+\\s*+)++(?:[²³]|\\^\\s*\\{?\\d\\}?)?\\s*$");
  private static final Pattern TEXT_SUBSCRIPT =
      Pattern.compile(
          "_\\s*\\{?\\s*\\\\(?:text|mathrm|textrm|mathit|operatorname|textnormal)\\s*\\{([^{}]*)\\}\\s*\\}?");
  private static final Pattern PLAIN_SUBSCRIPT = Pattern.compile("_([A-Z]{2,}|\\d{2,})(?![a-z])");
  private static final Pattern TRAILING_UNIT_SYMBOL =
      Pattern.compile("(\\d)(\\s*)(?:([A-Za-zµ]+)[²³]|[€£¥$]|USD|EUR)\\s*$");
  private static final Pattern WORD_MARKED =
      Pattern.compile(
          WORD_OPEN + "([^" + WORD_CLOSE + "]*)" + WORD_CLOSE + "(\\s*\\^\\s*\\{?-?\\d\\}?)?");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** {@code x**2} is a power; other double stars are Markdown bold. */
  private static final Pattern PYTHON_POWER = Pattern.compile("(?<=[\\w)])\\*\\*(?=[\\w(])");

  private static final Pattern FRAC_DIGITS = Pattern.compile("\\\\frac\\s*(\\d)\\s*(\\d)");
  private static final Pattern FRAC_FIRST = Pattern.compile("\\\\frac\\s*([a-zA-Z\\d])\\s*\\{");
  private static final Pattern FRAC_SECOND =
      Pattern.compile("\\\\frac\\s*(\\{[^{}]*\\})\\s*([a-zA-Z\\d])");
  private static final Pattern SQRT_CHAR = Pattern.compile("\\\\sqrt\\s*([a-zA-Z\\d])");
  private static final Pattern MARKED_WORD = Pattern.compile("\u0003[^\u0003]*\u0003");
  private static final Pattern HAS_MATH = Pattern.compile("[\\d∞A-Za-z]");
  private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\s,;()]*");

  private static final Pattern LEADING_RELATION = Pattern.compile("^(?:=|≈)\\s*");
  private static final Pattern REPEATING =
      Pattern.compile("(-?)(\\d*)\\.(\\d*)\\\\(?:overline|dot|bar)\\s*\\{?(\\d+)\\}?");

  /** {@code 5\,\mathrm{m}}, {@code 9.8 \text{ m/s}^2}: a unit written after a number. */
  private static final Pattern UNIT_AFTER_NUMBER =
      Pattern.compile(
          "(\\d\\}?)\\s*(?:\\\\[,;: !]|~|\\s)*\\\\(?:mathrm|text|textrm|mbox|textnormal|operatorname)\\s*\\{[\\s~]*([A-Za-zµΩ°][A-Za-zµΩ°/^\\d\\s.*-]*)\\}");

  private static final Set<String> NOT_UNITS = Set.of("e", "i", "d", "and", "or");

  /** {@code {}_6C_3}, {@code _{n}C_{k}}: the binomial coefficient. */
  private static final Pattern PRESCRIPT_CHOOSE =
      Pattern.compile(
          "(?:\\{\\s*\\}|(?<![\\w}]))\\s*_\\s*\\{?\\s*(\\w+)\\s*\\}?\\s*C\\s*_\\s*\\{?\\s*(\\w+)\\s*\\}?");

  /** {@code {6 \choose 3}}: the binomial coefficient in TeX's infix form. */
  private static final Pattern BRACED_CHOOSE =
      Pattern.compile("\\{([^{}]*)\\\\choose(?![a-zA-Z])([^{}]*)\\}");

  private static final Pattern BARE_CHOOSE =
      Pattern.compile("^([^{}]*)\\\\choose(?![a-zA-Z])([^{}]*)$");

  /**
   * The real line, {@code \mathbb{R}} (not a power or subscript of it, such as {@code
   * \mathbb{R}^2}).
   */
  private static final Pattern REALS =
      Pattern.compile(
          "\\\\mathbb\\s*\\{\\s*R\\s*\\}(?!\\s*[\\^_])|^\\s*(?:\\\\text\\{)?\\s*(?i:all real numbers)\\s*\\}?\\s*$");

  /** {@code \mathrm{~cm}}: spacing at the start of a text argument. */
  private static final Pattern LEADING_SPACING = Pattern.compile("^(?:\\s|~|\\\\[,;: !])+");

  /**
   * {@code f(x) = x \text{ for all } x \in \mathbb{R}}: a trailing quantifier only restates the
   * domain.
   */
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "(?:,\\s*)?(?:\\\\(?:text|textrm|mbox|mathrm)\\s*\\{\\s*(?:for all|for every|for each|for any|for|where)(?![A-Za-z])[^{}]*\\}|\\\\forall(?![a-zA-Z])|(?<![A-Za-z])for (?:all|every|each|any)(?![A-Za-z])).*$");

  /** {@code \mathbb{R} \setminus \{1\}}: the real line without one point. */
  private static final Pattern REALS_BUT_ONE =
      Pattern.compile(
          "\\\\mathbb\\s*\\{\\s*R\\s*\\}\\s*(?:\\\\setminus|\\\\smallsetminus|\\\\backslash|\\\\|-)\\s*\\\\\\{\\s*([^{}\\\\,]+?)\\s*\\\\\\}");

  /**
   * {@code 5 cm}, {@code 9.8 m/s^2}: a common unit of two or more letters after a number at the end
   * (one letter, as in {@code 5 m}, may be a variable and stays).
   */
  private static final Pattern SHORT_UNIT =
      Pattern.compile(
          "(\\d)\\s+(?:cm|mm|km|kg|mg|ms|ml|mL|ft|yd|mi|lb|lbs|oz|Hz|kHz|MHz|Pa|kPa|eV|keV|MeV|kJ|kW|kN|mph|kph|mol|m/s|km/h|ft/s)"
              + "(?:\\s*\\^\\s*\\{?-?\\d\\}?|[²³])?\\s*$");

  /**
   * {@code \frac{\pi}{4} + k\pi, k \in \mathbb{Z}}: the integer range of a parameter, at the end.
   */
  private static final Pattern INTEGER_DOMAIN =
      Pattern.compile(
          "(?:,|;|\\\\[,;: ]|\\\\q?quad|\\s)*\\(?\\s*[A-Za-z]\\s*(?:\\\\in|∈)\\s*\\\\mathbb\\s*\\{?\\s*[ZN]\\s*\\}?"
              + "(?:\\s*[\\^_]\\s*\\{?\\s*[+*]\\s*\\}?)?\\s*\\)?\\s*$");

  private LatexCleaner() {}

  private static final String ELLIPSIS = "\\s*(?:\\\\ldots|\\\\dots|\\\\cdots|…|\\.\\.\\.)";

  /** {@code 0.333…}, {@code 0.1666...}: a digit repeated before an ellipsis repeats for ever. */
  private static final Pattern REPEATED_DIGIT_ELLIPSIS =
      Pattern.compile("(\\d*\\.\\d*?)(\\d)\\2+" + ELLIPSIS);

  /** {@code 3.14159…}: other digits before an ellipsis are a truncated decimal. */
  private static final Pattern DECIMAL_ELLIPSIS = Pattern.compile("(\\d\\.\\d+)" + ELLIPSIS);

  /**
   * A decimal ending in an ellipsis: repeating when its last digit repeats, else the digits shown.
   */
  private static String ellipses(String s) {
    if (!s.contains("dots") && !s.contains("…") && !s.contains("...")) {
      return s;
    }
    s = REPEATED_DIGIT_ELLIPSIS.matcher(s).replaceAll("$1$2\\\\overline{$2}");
    return DECIMAL_ELLIPSIS.matcher(s).replaceAll("$1");
  }

  /** Binomial coefficients and the real line in one spelling each. */
  private static String notations(String s) {
    if (s.contains("C")) {
      s = PRESCRIPT_CHOOSE.matcher(s).replaceAll("\\\\binom{$1}{$2}");
    }
    if (s.contains("\\choose")) {
      s = BRACED_CHOOSE.matcher(s).replaceAll("\\\\binom{$1}{$2}");
      s = BARE_CHOOSE.matcher(s).replaceAll("\\\\binom{$1}{$2}");
    }
    if (s.contains("mathbb") || s.contains("real")) {
      s = REALS_BUT_ONE.matcher(s).replaceAll("(-\\\\infty, $1) \\\\cup ($1, \\\\infty)");
      s = REALS.matcher(s).replaceAll("(-\\\\infty, \\\\infty)");
    }
    return s;
  }

  private static String unitAfterNumber(String s) {
    if (!s.contains("\\")) {
      return s;
    }
    Matcher m = UNIT_AFTER_NUMBER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String unit = m.group(2).strip();
      String replacement =
          NOT_UNITS.contains(unit.toLowerCase(Locale.ROOT))
              ? m.group()
              : m.group(1) + " " + WORD_OPEN + unit + WORD_CLOSE;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code 0.1\overline{6}} → {@code \frac{1}{6}}: a repeating decimal is an exact fraction. */
  private static String repeatingDecimals(String s) {
    if (!s.contains("\\overline") && !s.contains("\\dot") && !s.contains("\\bar")) {
      return s;
    }
    Matcher m = REPEATING.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String whole = m.group(2).isEmpty() ? "0" : m.group(2);
      String fixed = m.group(3);
      String repeat = m.group(4);
      if (fixed.length() + repeat.length() > 30) {
        continue;
      }
      // x = whole.fixed(repeat): x * 10^f * (10^r - 1) = whole·fixed·repeat - whole·fixed
      BigInteger withRepeat = new BigInteger(whole + fixed + repeat);
      BigInteger withoutRepeat = new BigInteger(whole + fixed);
      BigInteger numerator = withRepeat.subtract(withoutRepeat);
      BigInteger denominator =
          BigInteger.TEN
              .pow(fixed.length())
              .multiply(BigInteger.TEN.pow(repeat.length()).subtract(BigInteger.ONE));
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(m.group(1) + "\\frac{" + numerator + "}{" + denominator + "}"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The canonical spelling of {@code answer}; never null. */
  public static String clean(String answer) {
    String s = answer.strip();
    s = unwrap(s, "boxed");
    s = unwrap(s, "fbox");
    s = s.replace("\\[", " ").replace("\\]", " ").replace("\\(", " ").replace("\\)", " ");
    s = s.replace("$", " ");
    s = PYTHON_POWER.matcher(s).replaceAll("^");
    s = s.replace("**", " ");
    s = THOUSANDS_TIGHT.matcher(s).replaceAll("$1");
    s = THOUSANDS_BRACED.matcher(s).replaceAll("$1");
    s = SIZE_COMMANDS.matcher(s).replaceAll("");
    s = DEGREE_WORD.matcher(s).replaceAll("$1°");
    s = OHMS.matcher(s).replaceFirst("$1");
    if (s.contains("]_")) {
      s = CONCENTRATION_SUBSCRIPT.matcher(s).replaceAll("$1_$2");
    }
    if (s.contains("circ") || s.contains("°") || s.contains("degree")) {
      s = DEGREES.matcher(s).replaceAll("° ");
      s = TEMPERATURE.matcher(s).replaceAll(" ");
      s = COMPOSITION.matcher(s).replaceAll(" ");
    }
    s = TEXT_SUBSCRIPT.matcher(s).replaceAll("_{$1}");
    s = PLAIN_SUBSCRIPT.matcher(s).replaceAll("_{$1}");
    s = QUALIFIER.matcher(s).replaceFirst("");
    String withoutDomain = INTEGER_DOMAIN.matcher(s).replaceFirst("");
    s = withoutDomain.isBlank() ? s : withoutDomain;
    s = ellipses(s);
    s = repeatingDecimals(s);
    s = notations(s);
    s = unitAfterNumber(s);
    s = textCommands(s);
    for (String[] r : REPLACEMENTS) {
      s = replaceCommand(s, r[0], r[1]);
    }
    s = SPACING.matcher(s).replaceAll(" ");
    s = shortArguments(s);
    s = PERCENT_WORD.matcher(s).replaceAll("$1%");
    s = connectives(s);
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    s = stripTrailing(s);
    s = SHORT_UNIT.matcher(s).replaceFirst("$1");
    s = dropUnitWords(s);
    s = unicodeMath(s);
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    s = LEADING_RELATION.matcher(s).replaceFirst("");
    while (s.endsWith(".") || s.endsWith(",") || s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    s = numberSeparators(s);
    return s;
  }

  /** Greek letters as typed in plain text, and the LaTeX command each stands for. */
  private static final Map<Character, String> GREEK = greek();

  private static Map<Character, String> greek() {
    String[] lower = {
      "alpha",
      "beta",
      "gamma",
      "delta",
      "epsilon",
      "zeta",
      "eta",
      "theta",
      "iota",
      "kappa",
      "lambda",
      "mu",
      "nu",
      "xi",
      "omicron",
      "pi",
      "rho",
      "varsigma",
      "sigma",
      "tau",
      "upsilon",
      "phi",
      "chi",
      "psi",
      "omega"
    };
    Map<Character, String> m = new HashMap<>();
    for (int i = 0; i < lower.length; i++) {
      if (!lower[i].equals("omicron") && !lower[i].equals("varsigma")) {
        m.put((char) ('α' + i), lower[i]);
      }
    }
    m.put('µ', "mu"); // the micro sign
    m.put('ℏ', "hbar");
    m.put('ϵ', "epsilon");
    m.put('ϑ', "vartheta");
    m.put('ϕ', "phi");
    String capitals = "ΓΔΘΛΞΠΣΥΦΨΩ";
    String[] names = {
      "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"
    };
    for (int i = 0; i < names.length; i++) {
      m.put(capitals.charAt(i), names[i]);
    }
    return Map.copyOf(m);
  }

  private static final String VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";
  private static final String[] VULGAR_VALUES = {
    "1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "2/5", "3/5", "4/5", "1/6", "5/6", "1/8", "3/8",
    "5/8", "7/8"
  };
  private static final Pattern VULGAR_FRACTION = Pattern.compile("(\\d*)([" + VULGAR + "])");

  /** {@code ½mv²} as {@code (1/2)mv²}, and {@code 1½} as the mixed number {@code (1+1/2)}. */
  private static String vulgarFractions(String s) {
    Matcher m = VULGAR_FRACTION.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    do {
      String value = VULGAR_VALUES[VULGAR.indexOf(m.group(2))];
      String whole = m.group(1);
      m.appendReplacement(
          out, whole.isEmpty() ? "(" + value + ")" : "(" + whole + "+" + value + ")");
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** Combining accents over a letter ({@code x̄}, {@code p̂}, {@code ẋ}, {@code v⃗}). */
  private static final Map<Character, String> ACCENTS =
      Map.of(
          '\u0304', "bar",
          '\u0305', "bar",
          '\u0302', "hat",
          '\u0307', "dot",
          '\u0308', "ddot",
          '\u20D7', "vec",
          '\u0303', "tilde");

  private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋";
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻";
  private static final String SCRIPT_PLAIN = "0123456789+-";

  /**
   * Mathematics typed in Unicode, as models write it in plain text: {@code ω} as {@code \omega},
   * {@code x²} as {@code x^{2}}, {@code A⁻¹} as {@code A^{-1}}, {@code μ₀} as {@code \mu_{0}}
   * (units after a number are dropped before, so {@code 5 m²} is still a unit).
   */
  static String unicodeMath(String s) {
    s = vulgarFractions(s);
    boolean any = false;
    for (int i = 0; i < s.length() && !any; i++) {
      char c = s.charAt(i);
      any =
          GREEK.containsKey(c)
              || SUBSCRIPTS.indexOf(c) >= 0
              || SUPERSCRIPTS.indexOf(c) >= 0
              || c > 0x7F && Character.isLetter(c)
              || ACCENTS.containsKey(c);
    }
    if (any) {
      // x̄ and ȳ alike: a letter and its accent as separate characters
      s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    }
    if (!any) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    int lastLetter = -1; // where the output of the last letter read starts, for an accent after it
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String accent = ACCENTS.get(c);
      if (accent != null) {
        if (lastLetter >= 0) {
          String letter = out.substring(lastLetter).strip();
          out.setLength(lastLetter);
          out.append('\\').append(accent).append('{').append(letter).append('}');
        }
        lastLetter = -1;
        continue;
      }
      lastLetter = Character.isLetter(c) ? out.length() : -1;
      String name = GREEK.get(c);
      if (name != null) {
        out.append('\\').append(name);
        if (i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))) {
          out.append(' ');
        }
        continue;
      }
      String scripts = SUBSCRIPTS.indexOf(c) >= 0 ? SUBSCRIPTS : SUPERSCRIPTS;
      if (scripts.indexOf(c) < 0) {
        out.append(c);
        continue;
      }
      out.append(scripts == SUBSCRIPTS ? "_{" : "^{");
      while (i < s.length() && scripts.indexOf(s.charAt(i)) >= 0) {
        out.append(SCRIPT_PLAIN.charAt(scripts.indexOf(s.charAt(i))));
        i++;
      }
      out.append('}');
      i--;
    }
    return out.toString();
  }

  /**
   * "and" and "or" as {@code ∧} and {@code ∨}, "not(" as {@code ¬(}: the parser joins conditions
   * with them and reads them as commas between values ({@code 2 or 3} is a list).
   */
  private static String connectives(String s) {
    if (!RELATION_SIGN.matcher(s).find()) {
      return CONNECTOR.matcher(s).replaceAll(" , ");
    }
    if (s.contains("not")) {
      s = NOT_WORD.matcher(s).replaceAll(" ¬ ");
    }
    Matcher m = CONNECTOR.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group().equals("or") ? " ∨ " : " ∧ ");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Removes a command that only wraps its argument: {@code \boxed{x}} → {@code x}. */
  static String unwrap(String s, String command) {
    String open = "\\" + command;
    int at = s.indexOf(open);
    int guard = 0;
    while (at >= 0 && guard++ < 1000) {
      int brace = at + open.length();
      while (brace < s.length() && s.charAt(brace) == ' ') {
        brace++;
      }
      if (brace >= s.length() || s.charAt(brace) != '{') {
        s = s.substring(0, at) + s.substring(at + open.length());
      } else {
        int end = matchingBrace(s, brace);
        String inner = end < 0 ? s.substring(brace + 1) : s.substring(brace + 1, end);
        String rest = end < 0 ? "" : s.substring(end + 1);
        s = s.substring(0, at) + " " + inner + " " + rest;
      }
      at = s.indexOf(open);
    }
    return s;
  }

  /** The index of the brace closing the one at {@code open}, or -1. */
  public static int matchingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        i++;
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String textCommands(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        int j = i + 1;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
          j++;
        }
        String name = s.substring(i + 1, j);
        if (TEXT_COMMANDS.contains(name)) {
          int k = j;
          while (k < s.length() && s.charAt(k) == ' ') {
            k++;
          }
          if (k < s.length() && s.charAt(k) == '{') {
            int end = matchingBrace(s, k);
            String inner = end < 0 ? s.substring(k + 1) : s.substring(k + 1, end);
            out.append(textContent(name, inner));
            i = end < 0 ? s.length() : end + 1;
            continue;
          }
        }
        out.append(s, i, Math.max(j, i + 2 <= s.length() ? i + 2 : j));
        i = Math.max(j, i + 2 <= s.length() ? i + 2 : j);
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String textContent(String command, String inner) {
    String t = LEADING_SPACING.matcher(inner).replaceFirst("").strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return " ";
    }
    if (CONNECTORS.contains(lower)) {
      return lower.equals("and") || lower.equals("or") ? " " + lower + " " : " , ";
    }
    if (FUNCTION_WORDS.contains(t) || Tokenizer.FUNCTIONS.contains(t)) {
      return " \\" + t + " ";
    }
    boolean mathCommand =
        command.startsWith("math") || command.equals("boldsymbol") || command.equals("bm");
    if (mathCommand
        || t.length() == 1
        || t.matches("[-+]?[\\d.,\\s]+|\\(?[A-Za-z]\\)?|[-+*/^()\\d\\s.=]+")) {
      return mathCommand && t.matches("[A-Za-z]{2,}") && !t.equals(t.toUpperCase(Locale.ROOT))
          ? " " + WORD_OPEN + t + WORD_CLOSE + " "
          : " " + t + " ";
    }
    if (t.matches("(?i)(and|or)\\b.*|.*\\b(and|or)")) {
      return " , ";
    }
    return " " + WORD_OPEN + t + WORD_CLOSE + " ";
  }

  private static String replaceCommand(String s, String from, String to) {
    if (s.indexOf(from) < 0) {
      return s; // most of the table is absent from any one answer: no copy
    }
    if (!from.startsWith("\\") || !Character.isLetter(from.charAt(from.length() - 1))) {
      return s.replace(from, to);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int at;
    while ((at = s.indexOf(from, i)) >= 0) {
      int end = at + from.length();
      out.append(s, i, at);
      if (end < s.length() && Character.isLetter(s.charAt(end))) {
        out.append(from);
      } else {
        out.append(' ').append(to);
        if (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
          out.append(' ');
        }
      }
      i = end;
    }
    return out.append(s.substring(i)).toString();
  }

  /**
   * {@code \frac13} → {@code \frac{1}{3}}, {@code \sqrt3} → {@code \sqrt{3}}: one-character
   * arguments.
   */
  private static String shortArguments(String s) {
    if (!s.contains("\\frac") && !s.contains("\\sqrt")) {
      return s;
    }
    s = FRAC_DIGITS.matcher(s).replaceAll("\\\\frac{$1}{$2}");
    s = FRAC_FIRST.matcher(s).replaceAll("\\\\frac{$1}{");
    s = FRAC_SECOND.matcher(s).replaceAll("\\\\frac$1{$2}");
    s = SQRT_CHAR.matcher(s).replaceAll("\\\\sqrt{$1}");
    return s;
  }

  private static String stripTrailing(String s) {
    Matcher m = TRAILING_UNIT_SYMBOL.matcher(s);
    // one letter squared right after a number is mathematics (3x², 3t²), not a unit as in 25 m²
    // and 1,000.99m² (square and cubic metres are the units written so)
    if (m.find()
        && !(m.group(3) != null
            && m.group(3).length() == 1
            && !m.group(3).equals("m")
            && m.group(2).isEmpty())) {
      s = s.substring(0, m.start() + 1);
    }
    return s;
  }

  /** Drops words (marked or plain) that follow a value: units such as {@code cm}, {@code miles}. */
  private static String dropUnitWords(String s) {
    String marked = WORD_MARKED.matcher(s).replaceAll(" \u0003$1\u0003 ");
    String withoutWords = MARKED_WORD.matcher(marked).replaceAll(" ").strip();
    boolean hasMath = HAS_MATH.matcher(withoutWords).find();
    if (hasMath && !PUNCTUATION_ONLY.matcher(withoutWords).matches()) {
      s = WORD_MARKED.matcher(s).replaceAll(" ");
    }
    Matcher m = TRAILING_WORDS.matcher(s);
    if (m.find() && !endsWithFunctionWord(s)) {
      s = s.substring(0, m.start() + 1);
    }
    return s;
  }

  private static boolean endsWithFunctionWord(String s) {
    Matcher w = Pattern.compile("([A-Za-z]+)\\s*$").matcher(s);
    return w.find()
        && (FUNCTION_WORDS.contains(w.group(1))
            || w.group(1).matches("pi|sqrt|inf|infty|infinity"));
  }

  /**
   * Thousands separators go; a lone decimal comma ({@code 1,22}, {@code 0,111}) becomes a point.
   */
  private static String numberSeparators(String s) {
    if (SPACE_THOUSANDS.matcher(s).matches()) {
      return s.replace(" ", "");
    }
    Matcher dc = DECIMAL_COMMA.matcher(s);
    if (dc.matches()) {
      String whole = dc.group(1).replace("-", "");
      boolean thousands =
          dc.group(2).length() == 3 && whole.length() <= 3 && !whole.startsWith("0");
      if (thousands) {
        return dc.group(1) + dc.group(2);
      }
      // "1,22" and "0,111" are decimals; "1,2" is more often a list of two numbers.
      return dc.group(2).length() >= 2 ? dc.group(1) + "." + dc.group(2) : s;
    }
    boolean bracketed = s.matches(".*[(\\[{].*");
    if (!bracketed) {
      Matcher m = THOUSANDS.matcher(s);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(
            out, Matcher.quoteReplacement(m.group(1) + m.group(2).replace(",", "")));
      }
      m.appendTail(out);
      s = out.toString();
    }
    return s;
  }
}
