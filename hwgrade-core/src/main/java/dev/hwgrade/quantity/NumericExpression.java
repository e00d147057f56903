package dev.hwgrade.quantity;

import java.util.Locale;
import java.util.Set;

/**
 * Evaluates a numeric expression written in an answer or a key — {@code \sqrt{400}}, {@code
 * e^{20}}, {@code \ln(20)}, {@code 10!}, {@code 2^3^2}, {@code 15/\pi}, {@code \sin(30°)}, {@code
 * \frac{\sqrt{2}}{2}}, {@code 2\pi \times 10^3} — so that a number inside a function call is never
 * taken for the answer. Arithmetic, right-associative powers, roots, {@code exp}/{@code ln}/{@code
 * log}, trigonometry (radians unless a degree sign follows), factorials, π and e. Text is expected
 * already normalised by {@link TextNormalizer}. Bounded: at most {@link #MAX_CHARS} characters and
 * {@link #MAX_DEPTH} levels of nesting; a value beyond the range of a double is reported as an
 * overflow, never thrown. Stateless and thread-safe.
 */
public final class NumericExpression {
  /** Longest expression read, in characters. */
  public static final int MAX_CHARS = 400;

  /** Deepest nesting of brackets, functions and powers. */
  public static final int MAX_DEPTH = 24;

  private static final int MAX_FACTORIAL = 170; // 171! is beyond a double

  private static final Set<String> FUNCTIONS =
      Set.of(
          "sqrt", "exp", "ln", "log", "lg", "sin", "cos", "tan", "sec", "csc", "cosec", "cot",
          "arcsin", "arccos", "arctan", "asin", "acos", "atan", "sinh", "cosh", "tanh");

  private NumericExpression() {}

  /** What reading an expression gave. */
  public enum Status {
    /** A finite value. */
    VALUE,
    /** A value beyond the range of a double: {@link Result#value()} is ±infinity. */
    OVERFLOW,
    /** A construct that cannot be evaluated (an unknown function, a symbol, a complex value). */
    UNEVALUABLE
  }

  /**
   * An expression read from text.
   *
   * @param status whether it has a value
   * @param value its value (±infinity on overflow, NaN when unevaluable)
   * @param start where it starts
   * @param end where it ends
   * @param problem why it cannot be evaluated, or null
   */
  public record Result(Status status, double value, int start, int end, String problem) {
    public boolean hasValue() {
      return status != Status.UNEVALUABLE;
    }
  }

  /**
   * True when an expression starts at {@code i} that a plain number reader would misread: a
   * function or constant ({@code \sqrt}, {@code \pi}, {@code π}, {@code √}, {@code sqrt(}, {@code
   * e^}), or a bracket closed by a power or factorial ({@code (2^3)^2}).
   */
  public static boolean startsAt(CharSequence s, int i) {
    int n = s.length();
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    if (c == 'π' || c == '√') {
      return true;
    }
    if (c == '\\') {
      String w = word(s, i + 1);
      if (FUNCTIONS.contains(w)
          || w.equals("pi")
          || w.equals("frac")
          || w.equals("dfrac")
          || w.equals("tfrac")
          || w.equals("cfrac")) {
        return true;
      }
      // an unknown function called on something (\Gamma(21)): never read the number inside it
      int after = i + 1 + (w.endsWith("…") ? w.length() - 1 : w.length());
      return w.length() > 0 && after < n && s.charAt(after) == '(';
    }
    if (c == '(') {
      char d = i + 1 < n ? s.charAt(i + 1) : ' ';
      if (!isDigit(d) && d != '-' && d != '(' && d != '\\') {
        return false;
      }
      int close = matching(s, i, '(', ')');
      return close > 0
          && close + 1 < n
          && (s.charAt(close + 1) == '^' || s.charAt(close + 1) == '!');
    }
    if (c == 'e' && i + 1 < n && s.charAt(i + 1) == '^') {
      return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }
    if ("slctaep".indexOf(c) >= 0 && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
      // without allocating: most words here are prose ("the", "cost", "at")
      int len = 0;
      while (i + len < n && len <= 6 && isLower(s.charAt(i + len))) {
        len++;
      }
      if (len < 2 || len > 6) {
        return false;
      }
      char next = i + len < n ? s.charAt(i + len) : ' ';
      if (Character.isLetterOrDigit(next)) {
        return false;
      }
      if (len == 2 && c == 'p' && s.charAt(i + 1) == 'i') {
        return true;
      }
      if ((next == '(' || next == '_' || next == '^') && isFunction(s, i, len)) {
        return true;
      }
      // ln 2: the natural logarithm of the number after it, not that number ("log 100" is left
      // alone: its base is 10, e or 2 by field, and "log" is also a word)
      return next == ' '
          && i + len + 1 < n
          && isDigit(s.charAt(i + len + 1))
          && len == 2
          && c == 'l'
          && s.charAt(i + 1) == 'n';
    }
    return false;
  }

  /**
   * True when the number ending at {@code end} goes on as an expression: a power, a factorial, a
   * degree sign, a bracket, or an operator before a function or constant ({@code 10\sqrt{3}},
   * {@code 15/\pi}, {@code 2 × \sqrt{2}}).
   */
  public static boolean continuesAt(CharSequence s, int end) {
    int n = s.length();
    if (end >= n) {
      return false;
    }
    char c = s.charAt(end);
    if (c == '^' || c == '!' || c == '(') {
      return c != '!' || end + 1 >= n || s.charAt(end + 1) != '=';
    }
    int k = end;
    while (k < n && s.charAt(k) == ' ') {
      k++;
    }
    if (k - end > 1 || k >= n) {
      return false;
    }
    char d = s.charAt(k);
    if ("×*·⋅/÷+-".indexOf(d) >= 0) {
      int m = k + 1;
      while (m < n && s.charAt(m) == ' ') {
        m++;
      }
      return m - k <= 2 && startsAt(s, m);
    }
    return startsAt(s, k);
  }

  /**
   * Reads the expression starting at {@code i}, or returns null when none starts there. The
   * expression ends before the first character that cannot continue it (a unit, a relation, a
   * comma).
   */
  public static Result read(CharSequence s, int i) {
    Parser p = new Parser(s, i);
    try {
      double v = p.expression(0);
      int end = p.lastEnd;
      if (end <= i) {
        return null;
      }
      if (Double.isNaN(v)) {
        return new Result(
            Status.UNEVALUABLE, v, i, end, "it has no real value (" + p.text(i, end) + ")");
      }
      return new Result(Double.isInfinite(v) ? Status.OVERFLOW : Status.VALUE, v, i, end, null);
    } catch (Unevaluable u) {
      int end = Math.max(u.end, p.skipToEnd());
      return new Result(Status.UNEVALUABLE, Double.NaN, i, end, u.getMessage());
    }
  }

  /**
   * The first expression in normalised {@code text} that cannot be evaluated ({@code
   * \\sqrt{f(20)}}, {@code \\Gamma(21)}), or null — to say why a text gives no number.
   */
  public static Result firstUnevaluable(String text) {
    int n = Math.min(text.length(), 200_000);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c == '\\' || c == '√' || Character.isLetter(c) || c == '(') && startsAt(text, i)) {
        Result r = read(text, i);
        if (r != null && !r.hasValue()) {
          return r;
        }
        if (r != null) {
          i = r.end() - 1;
        }
      }
    }
    return null;
  }

  /** A construct the evaluator does not know; carries how far the reading got. */
  private static final class Unevaluable extends Exception {
    private static final long serialVersionUID = 1L;
    final int end;

    Unevaluable(String message, int end) {
      super(message, null, false, false);
      this.end = end;
    }
  }

  private static final class Parser {
    private final CharSequence s;
    private final int start;
    private final int limit;
    private int pos;
    private int lastEnd;

    Parser(CharSequence s, int start) {
      this.s = s;
      this.start = start;
      this.limit = Math.min(s.length(), start + MAX_CHARS);
      this.pos = start;
      this.lastEnd = start;
    }

    String text(int from, int to) {
      return s.subSequence(from, Math.min(to, s.length())).toString();
    }

    /** After a failure inside brackets, the end of the outermost bracket that was open. */
    int skipToEnd() {
      int k = start;
      if (k < limit && (s.charAt(k) == '\\' || Character.isLetter(s.charAt(k)))) {
        k++;
        while (k < limit && Character.isLetter(s.charAt(k))) {
          k++;
        }
      }
      while (k < limit && (s.charAt(k) == '{' || s.charAt(k) == '(' || s.charAt(k) == '[')) {
        char open = s.charAt(k);
        int close = matching(s, k, open, open == '{' ? '}' : open == '(' ? ')' : ']');
        if (close < 0) {
          break;
        }
        k = close + 1;
      }
      return k;
    }

    private char peek() {
      return pos < limit ? s.charAt(pos) : '\0';
    }

    private void spaces() {
      while (pos < limit && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    private Unevaluable fail(String why) {
      return new Unevaluable(why, pos);
    }

    private void depth(int d) throws Unevaluable {
      if (d > MAX_DEPTH) {
        throw fail("it nests more than " + MAX_DEPTH + " levels deep");
      }
    }

    double expression(int d) throws Unevaluable {
      depth(d);
      double v = term(d);
      while (true) {
        int save = pos;
        spaces();
        char c = peek();
        if (c != '+' && c != '-') {
          pos = save;
          return v;
        }
        pos++;
        spaces();
        if (!startsOperand()) {
          pos = save;
          return v;
        }
        double t = term(d);
        v = c == '+' ? v + t : v - t;
      }
    }

    private boolean startsOperand() {
      char c = peek();
      return isDigit(c)
          || c == '.' && pos + 1 < limit && isDigit(s.charAt(pos + 1))
          || c == '('
          || c == '{'
          || startsAt(s, pos);
    }

    double term(int d) throws Unevaluable {
      double v = signed(d);
      while (true) {
        int save = pos;
        spaces();
        char c = peek();
        if (c == '×' || c == '*' || c == '·' || c == '⋅' || c == '/' || c == '÷') {
          pos++;
          spaces();
          if (!startsOperand()) {
            pos = save;
            return v;
          }
          double f = signed(d);
          v = c == '/' || c == '÷' ? v / f : v * f;
          continue;
        }
        // implicit product: 2\pi, 10\sqrt{3}, 2(3), 10 \cos(30°)
        if (pos - save <= 1 && (c == '(' && pos == save || c != '(' && startsAt(s, pos))) {
          int end = lastEnd;
          try {
            v *= signed(d);
            continue;
          } catch (Unevaluable u) {
            if (c != '(') {
              throw u;
            }
            lastEnd = end; // 5(approx.): not a product
          }
        }
        pos = save;
        return v;
      }
    }

    double signed(int d) throws Unevaluable {
      depth(d);
      char c = peek();
      if (c == '-' || c == '+') {
        pos++;
        spaces();
        double v = signed(d + 1);
        return c == '-' ? -v : v;
      }
      return power(d);
    }

    /** A power, right-associative: 2^3^2 is 2^(3^2). */
    double power(int d) throws Unevaluable {
      double base = postfix(d);
      if (peek() == '^' && !degreeSign()) {
        pos++;
        double exponent;
        char c = peek();
        if (isDigit(c)) {
          exponent = digits(); // 10^23: every digit belongs to the exponent
          if (peek() == '^') {
            pos++;
            exponent = Math.pow(exponent, exponentOf(d + 1));
          }
        } else {
          exponent = exponentOf(d + 1);
        }
        return postfixAfter(Math.pow(base, exponent));
      }
      return base;
    }

    private double exponentOf(int d) throws Unevaluable {
      depth(d);
      char c = peek();
      if (c == '-' || c == '+') {
        pos++;
        double v = exponentOf(d + 1);
        return c == '-' ? -v : v;
      }
      if (isDigit(c)) {
        double v = digits();
        if (peek() == '^') {
          pos++;
          return Math.pow(v, exponentOf(d + 1));
        }
        return v;
      }
      return power(d);
    }

    private double digits() {
      int from = pos;
      while (pos < limit && isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos + 1 < limit && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
        pos++;
        while (pos < limit && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      lastEnd = pos;
      return parse(from, pos);
    }

    private boolean degreeSign() {
      return startsWith("^\\circ") || startsWith("^{\\circ}") || startsWith("^{°}");
    }

    private boolean startsWith(String t) {
      return pos + t.length() <= limit && s.subSequence(pos, pos + t.length()).toString().equals(t);
    }

    double postfix(int d) throws Unevaluable {
      return postfixAfter(primary(d));
    }

    private double postfixAfter(double value) throws Unevaluable {
      double v = value;
      while (true) {
        char c = peek();
        if (c == '!' && (pos + 1 >= limit || s.charAt(pos + 1) != '=')) {
          pos++;
          lastEnd = pos;
          v = factorial(v);
        } else if (c == '°') {
          pos++;
          lastEnd = pos;
          v = Math.toRadians(v);
        } else if (degreeSign()) {
          pos = s.charAt(pos + 1) == '{' ? s.toString().indexOf('}', pos) + 1 : pos + 6;
          lastEnd = pos;
          v = Math.toRadians(v);
        } else if (startsWith("\\degree")) {
          pos += 7;
          lastEnd = pos;
          v = Math.toRadians(v);
        } else {
          return v;
        }
      }
    }

    private double factorial(double v) throws Unevaluable {
      if (v < 0 || v != Math.rint(v)) {
        throw fail("the factorial of " + format(v) + " is not defined for a non-integer");
      }
      if (v > MAX_FACTORIAL) {
        return Double.POSITIVE_INFINITY;
      }
      double f = 1;
      for (int k = 2; k <= (int) v; k++) {
        f *= k;
      }
      return f;
    }

    double primary(int d) throws Unevaluable {
      depth(d);
      char c = peek();
      if (isDigit(c) || c == '.' && pos + 1 < limit && isDigit(s.charAt(pos + 1))) {
        return number();
      }
      if (c == '(' || c == '{' || c == '[') {
        char close = c == '(' ? ')' : c == '{' ? '}' : ']';
        pos++;
        spaces();
        double v = expression(d + 1);
        spaces();
        if (peek() != close) {
          throw fail("a bracket is not closed where expected");
        }
        pos++;
        lastEnd = pos;
        return v;
      }
      if (c == 'π') {
        pos++;
        lastEnd = pos;
        return Math.PI;
      }
      if (c == '√') {
        pos++;
        return Math.sqrt(argument(d + 1));
      }
      boolean command = c == '\\';
      int at = command ? pos + 1 : pos;
      String w = word(s, at);
      if (w.isEmpty()) {
        throw fail("'" + (pos < limit ? s.charAt(pos) : ' ') + "' cannot be evaluated");
      }
      pos = at + w.length();
      switch (w) {
        case "pi":
          lastEnd = pos;
          return Math.PI;
        case "e":
          lastEnd = pos;
          return Math.E;
        case "frac":
        case "dfrac":
        case "tfrac":
        case "cfrac":
          {
            double num = braced(d + 1);
            double den = braced(d + 1);
            return num / den;
          }
        case "sqrt":
          {
            if (peek() == '[') {
              pos++;
              double index = expression(d + 1);
              if (peek() != ']') {
                throw fail("a root's index is not closed");
              }
              pos++;
              double x = argument(d + 1);
              if (x < 0 && index == Math.rint(index) && ((long) index) % 2 == 1) {
                return -Math.pow(-x, 1 / index);
              }
              return Math.pow(x, 1 / index);
            }
            return Math.sqrt(argument(d + 1));
          }
        default:
          break;
      }
      if (!FUNCTIONS.contains(w)) {
        int from = command ? at - 1 : at;
        int to = at;
        while (to < limit && Character.isLetter(s.charAt(to))) {
          to++;
        }
        pos = to;
        throw fail(text(from, to) + " is not a number or a function hwgrade evaluates");
      }
      double base = 0;
      if (w.equals("log") && peek() == '_') {
        pos++;
        base = primary(d + 1);
      }
      double exponent = 1;
      if (peek() == '^' && !degreeSign()) {
        pos++;
        exponent = primary(d + 1);
        if (exponent < 0) {
          throw fail(w + "^" + format(exponent) + " is ambiguous (a power or an inverse)");
        }
      }
      double x = argument(d + 1);
      double v = apply(w, x);
      if (base != 0) {
        v = Math.log(x) / Math.log(base);
      }
      return exponent == 1 ? v : Math.pow(v, exponent);
    }

    /** A function's argument: bracketed, or one factor ({@code \ln 2}, {@code \sin 30°}). */
    private double argument(int d) throws Unevaluable {
      spaces();
      char c = peek();
      if (c == '(' || c == '{' || c == '[') {
        return postfix(d);
      }
      if (isDigit(c) || c == '.' || c == '\\' || c == 'π' || c == '√' || Character.isLetter(c)) {
        return power(d);
      }
      throw fail("a function has no argument");
    }

    /** A braced argument, or a single digit as TeX reads it ({@code \frac13}). */
    private double braced(int d) throws Unevaluable {
      spaces();
      if (isDigit(peek())) {
        pos++;
        lastEnd = pos;
        return s.charAt(pos - 1) - '0';
      }
      if (peek() != '{') {
        throw fail("\\frac needs braced numerator and denominator");
      }
      return primary(d);
    }

    private double number() {
      int from = pos;
      while (pos < limit && isDigit(s.charAt(pos))) {
        pos++;
      }
      // thousands separators: 1,000 but not the list 1,2
      while (pos + 3 < limit + 0
          && s.charAt(pos) == ','
          && isDigit(s.charAt(pos + 1))
          && isDigit(s.charAt(pos + 2))
          && isDigit(s.charAt(pos + 3))
          && (pos + 4 >= limit || !isDigit(s.charAt(pos + 4)))
          && pos - from <= 3) {
        pos += 4;
      }
      if (pos + 1 < limit && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
        pos++;
        while (pos < limit && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      int mantissaEnd = pos;
      if (pos < limit && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        int k = pos + 1;
        if (k < limit && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
          k++;
        }
        int digitsFrom = k;
        while (k < limit && isDigit(s.charAt(k))) {
          k++;
        }
        if (k > digitsFrom && (k >= limit || !Character.isLetter(s.charAt(k)))) {
          pos = k;
        }
      }
      lastEnd = pos;
      double m = parse(from, mantissaEnd);
      if (pos == mantissaEnd) {
        return m;
      }
      String ex = s.subSequence(mantissaEnd + 1, pos).toString();
      int digitsStart = ex.startsWith("-") || ex.startsWith("+") ? 1 : 0;
      if (ex.length() - digitsStart > 6) {
        return ex.startsWith("-") ? 0.0 : Double.POSITIVE_INFINITY * Math.signum(m);
      }
      return m * Math.pow(10, Integer.parseInt(ex));
    }

    private double parse(int from, int to) {
      String t = s.subSequence(from, to).toString().replace(",", "");
      return t.length() > 330 ? Double.POSITIVE_INFINITY : Double.parseDouble(t);
    }
  }

  private static double apply(String f, double x) {
    return switch (f) {
      case "exp" -> Math.exp(x);
      case "ln" -> Math.log(x);
      case "log", "lg" -> Math.log10(x);
      case "sin" -> Math.sin(x);
      case "cos" -> Math.cos(x);
      case "tan" -> Math.tan(x);
      case "sec" -> 1 / Math.cos(x);
      case "csc", "cosec" -> 1 / Math.sin(x);
      case "cot" -> 1 / Math.tan(x);
      case "arcsin", "asin" -> Math.asin(x);
      case "arccos", "acos" -> Math.acos(x);
      case "arctan", "atan" -> Math.atan(x);
      case "sinh" -> Math.sinh(x);
      case "cosh" -> Math.cosh(x);
      case "tanh" -> Math.tanh(x);
      default -> Double.NaN;
    };
  }

  private static String word(CharSequence s, int i) {
    int k = i;
    int n = Math.min(s.length(), i + 12);
    while (k < n && s.charAt(k) >= 'a' && s.charAt(k) <= 'z') {
      k++;
    }
    String w = s.subSequence(i, k).toString();
    return k < s.length() && Character.isLetter(s.charAt(k)) ? longWord(s, i) : w;
  }

  private static String longWord(CharSequence s, int i) {
    int k = i;
    while (k < s.length() && k - i < 40 && Character.isLetter(s.charAt(k))) {
      k++;
    }
    return s.subSequence(i, k).toString().toLowerCase(Locale.ROOT) + "…";
  }

  /** The position of the bracket closing the one at {@code i}, within 200 characters, or -1. */
  private static int matching(CharSequence s, int i, char open, char close) {
    int depth = 0;
    int n = Math.min(s.length(), i + 200);
    for (int k = i; k < n; k++) {
      char c = s.charAt(k);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static final String[] FUNCTION_NAMES = FUNCTIONS.toArray(new String[0]);

  private static boolean isFunction(CharSequence s, int i, int len) {
    for (String f : FUNCTION_NAMES) {
      if (f.length() == len && f.charAt(0) == s.charAt(i)) {
        int k = 1;
        while (k < len && f.charAt(k) == s.charAt(i + k)) {
          k++;
        }
        if (k == len) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String format(double v) {
    return Magnitudes.format(v);
  }
}
