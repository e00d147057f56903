package dev.hwgrade.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every quantity in a text — numbers with their units, money, percentages, ranges — and notes
 * for each how much it reads like a stated result (after {@code =}, {@code ≈}, {@code i.e.}) or
 * like a factor of a written product ({@code 96 × 128}). Numbers that are part of a name ({@code
 * GPT-4}, {@code H200}, {@code fp16}) or an adjective ({@code 16-bit}) are skipped. Stateless and
 * thread-safe; input longer than {@link #MAX_CHARS} is cut to its end.
 */
public final class QuantityScanner {
  /** Longest text read; longer texts keep their last part, where final answers are. */
  public static final int MAX_CHARS = 200_000;

  private static final int MAX_AMOUNTS = 2_000;
  private static final Set<String> STRONG =
      Set.of(
          "altogether",
          "overall",
          "is",
          "are",
          "was",
          "be",
          "equals",
          "gives",
          "yields",
          "so",
          "thus",
          "hence",
          "therefore",
          "i.e.",
          "ie",
          "i.e",
          "total",
          "answer",
          "get",
          "comes",
          "becomes",
          "needs",
          "need",
          "requires",
          "require",
          "takes",
          "costs",
          "totals",
          "reaches",
          "=");
  private static final Set<String> WEAK =
      Set.of(
          "about",
          "around",
          "roughly",
          "approximately",
          "approx",
          "approx.",
          "nearly",
          "almost",
          "estimated",
          "estimate",
          "circa",
          "ca.",
          "order");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern BRACED_POWER = Pattern.compile("\\^\\{([^{}]*)}");

  private final UnitParser units;

  public QuantityScanner(UnitParser units) {
    this.units = units;
  }

  private static final QuantityScanner SHARED = new QuantityScanner(UnitParser.shared());

  /** The shared scanner over the standard units. */
  public static QuantityScanner shared() {
    return SHARED;
  }

  /** A scanned text: its normalised form, the amounts in it, and its sentence starts. */
  public record Scan(String text, List<Amount> amounts, int[] sentenceStarts) {
    /** The index of the sentence holding position {@code pos}. */
    public int sentenceOf(int pos) {
      int lo = 0;
      int hi = sentenceStarts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (sentenceStarts[mid] <= pos) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }
  }

  /** Normalises and scans {@code raw}. */
  public Scan scan(String raw) {
    String r = raw == null ? "" : raw;
    Object[] last = LAST.get();
    if (last != null && last[0] == this && r.equals(last[1])) {
      return (Scan) last[2]; // the grader and its diagnosis read the same answer in turn
    }
    String s = TextNormalizer.normalize(r);
    if (s.length() > MAX_CHARS) {
      s = s.substring(s.length() - MAX_CHARS);
    }
    Scan scan = new Scan(s, List.copyOf(amounts(s)), sentenceStarts(s));
    LAST.set(new Object[] {this, r, scan});
    return scan;
  }

  /** The last text this thread scanned, with its scan: a scan is immutable and may be reused. */
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private List<Amount> amounts(String s) {
    List<Amount> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n && out.size() < MAX_AMOUNTS) {
      char c = s.charAt(i);
      char prev = i > 0 ? s.charAt(i - 1) : ' ';
      boolean digitStart =
          isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)) && !isDigit(prev));
      boolean wordStart = Character.isLetter(c) && !Character.isLetterOrDigit(prev);
      boolean symbolStart = c == '\\' || c == 'π' || c == '√' || c == '(';
      if (!digitStart && !wordStart && !symbolStart) {
        i++;
        continue;
      }
      if (digitStart && partOfName(s, i)) {
        i = skipWord(s, i);
        continue;
      }
      int moneyAt = moneySignBefore(s, i);
      NumberReader.Reading r = null;
      boolean expression = false;
      if (!digitStart && NumericExpression.startsAt(s, i)) {
        // \sqrt{400}, e^{20}, \ln(20), 15/\pi: the value of the expression, never a number inside
        // it
        NumericExpression.Result x = NumericExpression.read(s, i);
        if (x != null && !x.hasValue()) {
          i = Math.max(x.end(), i + 1);
          continue;
        }
        if (x != null) {
          r = asReading(x);
          expression = true;
        }
      }
      if (r == null && !digitStart && !wordStart) {
        i++;
        continue;
      }
      if (r == null) {
        r = NumberReader.read(s, i, moneyAt >= 0);
      }
      if (r == null) {
        i = wordStart ? UnitParser.wordEnd(s, i) : i + 1;
        continue;
      }
      if (digitStart && !r.scaled() && NumericExpression.continuesAt(s, r.end())) {
        // 10!, 2^3^2, 10\sqrt{3}, 4\pi, 15/\pi
        NumericExpression.Result x = NumericExpression.read(s, i);
        if (x != null && x.hasValue() && x.end() > r.end()) {
          r = asReading(x);
          expression = true;
        } else if (x != null && !x.hasValue() && s.charAt(r.end()) != '(') {
          i = Math.max(x.end(), i + 1);
          continue;
        }
      }
      int j = r.end();
      if (j + 1 < n
          && s.charAt(j) == '-'
          && Character.isLetter(s.charAt(j + 1))
          && !r.scaled()
          && !s.startsWith("fold", j + 1)) {
        i = skipWord(s, j + 1); // 16-bit, 3-day: an adjective, not a quantity
        continue;
      }
      double low = r.value();
      int digits = r.significantDigits();
      int signAt = negativeSignBefore(s, moneyAt >= 0 ? moneyAt : r.start());
      if (signAt >= 0) {
        low = -low;
      }
      // fractions: 18/20
      if (!expression
          && j + 1 < n
          && s.charAt(j) == '/'
          && isDigit(s.charAt(j + 1))
          && !r.scaled()) {
        NumberReader.Reading d = NumberReader.read(s, j + 1);
        if (d != null && d.value() != 0 && !Character.isLetter(charAt(s, d.end()))) {
          low = low / d.value();
          j = d.end();
          digits = Math.max(digits, 3);
        }
      }
      Atom prefix = moneyAt >= 0 ? UnitCatalog.get().lookup("$") : null;
      QuantityUnit unit = QuantityUnit.NONE;
      int afterUnit = j;
      int pct = percentAt(s, j);
      if (pct > 0) {
        unit = QuantityUnit.PERCENT;
        afterUnit = pct;
      } else {
        UnitParser.Match m = units.read(s, j, prefix);
        if (m != null) {
          unit = m.unit();
          afterUnit = Math.max(j, m.end());
        }
      }
      int currencyAt = -1;
      if (unit.isNone() && moneyAt < 0) {
        // €2.78, 2.78 €, 300 yen: a currency no unit system reads, kept so that it is not read
        // as the key's dollars
        int[] at = new int[2];
        String currency = foreignCurrency(s, r.start(), afterUnit, at);
        if (currency != null) {
          unit = QuantityUnit.unread(currency);
          afterUnit = Math.max(afterUnit, at[1]);
          currencyAt = at[0];
        }
      }
      double high = low;
      int end = afterUnit;
      int start =
          signAt >= 0 ? signAt : moneyAt >= 0 ? moneyAt : currencyAt >= 0 ? currencyAt : r.start();
      // ranges: 50k–80k, 150,000-200,000 tokens, between 50 and 80 million, 3 to 5 GB
      Range range = range(s, start, r, unit, afterUnit, prefix);
      if (range != null) {
        String w = wordBefore(s, start);
        if (w.equals("between") || w.equals("from")) {
          start = s.lastIndexOf(w.substring(1), start) - 1;
        }
        low = range.lowScale * low;
        high = range.high;
        unit = range.unit;
        end = range.end;
      }
      if (Double.isNaN(low) || Double.isNaN(high)) {
        i = Math.max(end, i + 1);
        continue;
      }
      // 1e999999, \exp(1000): beyond a double, kept as the largest one so it compares as huge
      low = beyondRange(low);
      high = beyondRange(high);
      out.add(
          new Amount(
              low,
              high,
              unit,
              shown(s.substring(start, end)),
              start,
              end,
              relation(s, start),
              operand(s, start, end, unit.isNone()),
              digits));
      i = Math.max(end, i + 1);
    }
    return out;
  }

  private static NumberReader.Reading asReading(NumericExpression.Result x) {
    return new NumberReader.Reading(x.value(), x.start(), x.end(), false, 3, 1.0);
  }

  private static double beyondRange(double v) {
    return Double.isInfinite(v) ? Math.copySign(Double.MAX_VALUE, v) : v;
  }

  /**
   * A minus sign just before {@code at} that makes the number negative, or -1: the sign must start
   * the text or follow a space, bracket or relation, and must not stand between two numbers ({@code
   * 10 - 3} is a subtraction).
   */
  private static int negativeSignBefore(String s, int at) {
    int k = at - 1;
    if (k < 0 || s.charAt(k) != '-') {
      return -1;
    }
    if (k == 0) {
      return k;
    }
    char p = s.charAt(k - 1);
    if (p == '(' || p == '=' || p == '≈' || p == '~' || p == ':' || p == '[') {
      return k;
    }
    if (p == ' ' || p == '\n' || p == '\t') {
      int b = k - 1;
      while (b >= 0 && s.charAt(b) == ' ') {
        b--;
      }
      if (b < 0) {
        return k;
      }
      char q = s.charAt(b);
      if (Character.isLetter(q) && SIGN_AFTER.contains(wordEndingAt(s, b))) {
        return k; // "The work is -4.9 J": a sign after a word of the sentence, not a subtraction
      }
      return Character.isLetterOrDigit(q) || q == ')' || q == '%' || q == '}' ? -1 : k;
    }
    return -1;
  }

  /** Words after which a minus sign is the sign of the value that follows, not a subtraction. */
  private static final java.util.Set<String> SIGN_AFTER =
      java.util.Set.of(
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "equals",
          "equal",
          "of",
          "to",
          "at",
          "about",
          "approximately",
          "around",
          "roughly",
          "nearly",
          "almost",
          "gives",
          "becomes",
          "yields",
          "get",
          "gets",
          "got",
          "obtain",
          "and",
          "or",
          "from",
          "by",
          "then",
          "hence",
          "so",
          "thus",
          "therefore",
          "reaches",
          "as",
          "now",
          "only",
          "just",
          "exactly");

  /** The word, lower-cased, whose last letter is at {@code end}. */
  private static String wordEndingAt(String s, int end) {
    int b = end;
    while (b > 0 && Character.isLetter(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(b, end + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private record Range(double lowScale, double high, QuantityUnit unit, int end) {}

  private Range range(
      String s, int start, NumberReader.Reading first, QuantityUnit unit, int at, Atom prefix) {
    int n = s.length();
    int k = UnitParser.skipSpaces(s, at, 2);
    if (k >= n) {
      return null;
    }
    boolean between = wordBefore(s, start).equals("between");
    boolean from = wordBefore(s, start).equals("from");
    int next;
    char c = s.charAt(k);
    if (c == '–' || c == '—' || (c == '-' && (k == at || charAt(s, k + 1) == ' '))) {
      next = k + 1;
    } else if (startsWithWord(s, k, "to") && !between) {
      next = k + 2;
    } else if (startsWithWord(s, k, "and") && between) {
      next = k + 3;
    } else {
      return null;
    }
    next = UnitParser.skipSpaces(s, next, 2);
    boolean money = false;
    if (next < n && s.charAt(next) == '$') {
      money = true;
      next++;
    }
    if (next >= n || !(isDigit(s.charAt(next)))) {
      return null;
    }
    NumberReader.Reading second = NumberReader.read(s, next, money || prefix != null);
    if (second == null) {
      return null;
    }
    int end = second.end();
    QuantityUnit u2 = QuantityUnit.NONE;
    int pct = percentAt(s, end);
    if (pct > 0) {
      u2 = QuantityUnit.PERCENT;
      end = pct;
    } else {
      UnitParser.Match m =
          units.read(s, end, prefix != null || money ? UnitCatalog.get().lookup("$") : null);
      if (m != null) {
        u2 = m.unit();
        end = Math.max(end, m.end());
      }
    }
    QuantityUnit u = unit;
    if (unit.isNone()) {
      u = u2;
    } else if (!u2.isNone() && !u2.equals(unit)) {
      return null;
    }
    double lowScale = !first.scaled() && second.scaled() ? second.scale() : 1.0;
    double low = first.value() * lowScale;
    boolean dash = c == '-' || c == '–' || c == '—';
    if (second.value() < low
        || (second.value() == low)
        || (dash && !between && !from && second.value() > 1000 * low && !second.scaled())) {
      return null;
    }
    return new Range(lowScale, second.value(), u, end);
  }

  /** The text of an amount as explanations show it: one space between words, {@code 10^15}. */
  private static String shown(String raw) {
    String t = raw.strip();
    if (t.indexOf("  ") >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\t') >= 0) {
      t = SPACES.matcher(t).replaceAll(" ");
    }
    return t.indexOf("^{") >= 0 ? BRACED_POWER.matcher(t).replaceAll("^$1") : t;
  }

  /** A {@code $} (or {@code US$}, {@code USD }) just before position {@code i}, or -1. */
  private static final String CURRENCY_SIGNS = "€£¥₹₩₽";

  private static final Pattern CURRENCY_WORD =
      Pattern.compile("(?i)(euros?|yen|yuan|rupees?|pounds sterling|pesos?)\\b");

  /**
   * A currency other than the dollar written with a number: a sign just before it ({@code €2.78})
   * or just after it ({@code 2.78 €}), or a currency's name after it ({@code 2.78 euros}); null
   * when there is none. {@code at[0]} is set to where a sign written before starts (else -1),
   * {@code at[1]} to the end of the currency.
   */
  private static String foreignCurrency(String s, int numberStart, int after, int[] at) {
    int k = numberStart - 1;
    if (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    at[0] = -1;
    if (k >= 0 && CURRENCY_SIGNS.indexOf(s.charAt(k)) >= 0) {
      at[0] = k;
      at[1] = after;
      return String.valueOf(s.charAt(k));
    }
    int j = after < s.length() && s.charAt(after) == ' ' ? after + 1 : after;
    if (j < s.length() && CURRENCY_SIGNS.indexOf(s.charAt(j)) >= 0) {
      at[1] = j + 1;
      return String.valueOf(s.charAt(j));
    }
    Matcher m = CURRENCY_WORD.matcher(s).region(j, s.length());
    if (j > after && m.lookingAt()) {
      at[1] = m.end();
      return m.group(1);
    }
    return null;
  }

  private static int moneySignBefore(String s, int i) {
    int k = i - 1;
    if (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    if (k >= 0 && s.charAt(k) == '$') {
      return k;
    }
    if (k >= 2 && s.startsWith("USD", k - 2)) {
      return k - 2;
    }
    return -1;
  }

  private static int percentAt(String s, int j) {
    int k = UnitParser.skipSpaces(s, j, 1);
    if (k < s.length() && s.charAt(k) == '%') {
      return k + 1;
    }
    for (String w : new String[] {"percent", "per cent", "pct"}) {
      if (startsWithWord(s, k, w)) {
        return k + w.length();
      }
    }
    return -1;
  }

  /** True when the digit at {@code i} belongs to a name: H200, GPT-4, fp16, v2. */
  private static boolean partOfName(String s, int i) {
    if (i == 0) {
      return false;
    }
    char p = s.charAt(i - 1);
    char pp = i >= 2 ? s.charAt(i - 2) : ' ';
    if (p == 'x') {
      return Character.isLetter(pp); // "2x3" and " x 3" are products, "fx2" is a name
    }
    if (Character.isLetter(p) || p == '_') {
      return true;
    }
    return p == '-' && Character.isLetter(pp);
  }

  private static int skipWord(String s, int i) {
    int k = i;
    while (k < s.length()
        && (Character.isLetterOrDigit(s.charAt(k))
            || s.charAt(k) == '-'
            || s.charAt(k) == '.' && k + 1 < s.length() && isDigit(s.charAt(k + 1)))) {
      k++;
    }
    return Math.max(k, i + 1);
  }

  private static int relation(String s, int start) {
    int k = start - 1;
    int best = 0;
    for (int steps = 0; steps < 3 && k >= 0; steps++) {
      while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '*' || s.charAt(k) == '(')) {
        k--;
      }
      if (k < 0) {
        break;
      }
      char c = s.charAt(k);
      if (c == '=' || c == '≈' || c == '≃' || c == '→' || c == '⇒') {
        return 2;
      }
      if (c == '~') {
        best = Math.max(best, 1);
        k--;
        continue;
      }
      if (c == ':') {
        return Math.max(best, 1);
      }
      if (Character.isLetter(c) || c == '.') {
        int e = k + 1;
        while (k >= 0 && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '.')) {
          k--;
        }
        String w = s.substring(k + 1, e).toLowerCase(Locale.ROOT);
        if (STRONG.contains(w)) {
          return 2;
        }
        if (w.equals("of")) {
          String before = wordBefore(s, k + 1);
          if (before.equals("total") || before.equals("sum")) {
            return 3; // "a total of 2.4 MB" closes a statement's arithmetic
          }
          if (best > 0 || before.equals("order")) {
            best = Math.max(best, 1);
            continue;
          }
          return best;
        }
        if (WEAK.contains(w)) {
          best = Math.max(best, 1);
          continue;
        }
        return best;
      }
      return best;
    }
    return best;
  }

  private static boolean operand(String s, int start, int end, boolean unitless) {
    int n = s.length();
    int k = UnitParser.skipSpaces(s, end, 1);
    if (unitless
        && k < n
        && Character.isLetter(s.charAt(k))
        && (k + 1 >= n || !Character.isLetter(s.charAt(k + 1)))) {
      return true; // a coefficient: 6 N D, 2 k
    }
    if (k < n) {
      char c = s.charAt(k);
      if (c == '×'
          || c == '*'
          || c == '·'
          || c == '⋅'
          || c == '+'
          || c == '/'
          || c == '÷'
          || (c == '-' && k > end && k + 1 < n && s.charAt(k + 1) == ' ') // 1 - 0.349
          || (c == 'x' && (k + 1 >= n || !Character.isLetter(s.charAt(k + 1))))) {
        int m = UnitParser.skipSpaces(s, k + 1, 1);
        if (m < n && (isDigit(s.charAt(m)) || s.charAt(m) == '(' || s.charAt(m) == '$')) {
          return true;
        }
      }
    }
    int b = start - 1;
    while (b >= 0 && (s.charAt(b) == ' ' || s.charAt(b) == '\n')) {
      b--;
    }
    if (b >= 0) {
      char c = s.charAt(b);
      if (c == '×' || c == '*' || c == '·' || c == '⋅' || c == '+' || c == '/' || c == '÷') {
        return true;
      }
      if (c == '-' && b < start - 1 && b >= 1 && s.charAt(b - 1) == ' ') {
        return true; // the 0.349 of 1 - 0.349
      }
      if (c == 'x' && b >= 1 && !Character.isLetter(s.charAt(b - 1))) {
        return true;
      }
    }
    return false;
  }

  private static String wordBefore(String s, int start) {
    int k = start - 1;
    while (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    int e = k + 1;
    while (k >= 0 && Character.isLetter(s.charAt(k))) {
      k--;
    }
    return s.substring(k + 1, e).toLowerCase(Locale.ROOT);
  }

  private static boolean startsWithWord(String s, int k, String w) {
    return s.regionMatches(true, k, w, 0, w.length())
        && (k + w.length() >= s.length() || !Character.isLetter(s.charAt(k + w.length())));
  }

  private static int[] sentenceStarts(String s) {
    int[] starts = new int[16];
    int count = 1; // starts[0] = 0
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ';' || c == '\n' && lineBreakEndsSentence(s, i)) {
        starts = add(starts, count++, i + 1);
      } else if ((c == '.' || c == '!' || c == '?') && i + 2 < n && s.charAt(i + 1) == ' ') {
        char d = s.charAt(i + 2);
        boolean abbreviation = i >= 3 && (s.startsWith("i.e", i - 3) || s.startsWith("e.g", i - 3));
        if (!abbreviation
            && (Character.isUpperCase(d)
                || d == '('
                || d == '*'
                || d == '#'
                || d == '$'
                || d == '-')) {
          starts = add(starts, count++, i + 2);
        }
      }
    }
    return java.util.Arrays.copyOf(starts, count);
  }

  /** {@code a} with {@code v} at {@code at}, grown when full. */
  private static int[] add(int[] a, int at, int v) {
    int[] b = at < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
    b[at] = v;
    return b;
  }

  /**
   * A line break ends a statement after a blank line, after closing punctuation, or before a list
   * item or heading; inside a hard-wrapped sentence ("96 heads ×\n128 dimensions") it does not.
   */
  private static boolean lineBreakEndsSentence(String s, int i) {
    int p = i - 1;
    while (p >= 0 && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\r')) {
      p--;
    }
    if (p < 0 || s.charAt(p) == '\n' || ".!?:;)|*".indexOf(s.charAt(p)) >= 0) {
      return true;
    }
    int q = i + 1;
    while (q < s.length() && (s.charAt(q) == ' ' || s.charAt(q) == '\t')) {
      q++;
    }
    if (q >= s.length()) {
      return true;
    }
    char d = s.charAt(q);
    return d == '\n'
        || d == '-'
        || d == '*'
        || d == '#'
        || d == '|'
        || d == '>'
        || d == '•'
        || Character.isDigit(d)
            && q + 1 < s.length()
            && (s.charAt(q + 1) == '.' || s.charAt(q + 1) == ')');
  }

  private static char charAt(String s, int i) {
    return i < s.length() ? s.charAt(i) : ' ';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
