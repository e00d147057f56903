package dev.hwgrade.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Unit;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.UnitDimension;

/**
 * Reads unit phrases as models write them — {@code MB/token}, {@code sec/token}, {@code $/year},
 * {@code TFLOP/s}, {@code GPU-hours}, {@code MB per token}, {@code per 1M tokens} — into {@link
 * QuantityUnit}s. Tokenising is a cheap scan; the Indriya units are built once per distinct
 * spelling and cached, since building them costs microseconds. Thread-safe.
 */
public final class UnitParser {
  private static final int MAX_CACHE = 20_000;
  private static final int MAX_TERMS = 6;

  private final UnitCatalog catalog;
  private final ConcurrentHashMap<String, QuantityUnit> cache = new ConcurrentHashMap<>();

  public UnitParser(UnitCatalog catalog) {
    this.catalog = catalog;
  }

  private static final UnitParser SHARED = new UnitParser(UnitCatalog.get());

  /** The shared parser over the standard catalog. */
  public static UnitParser shared() {
    return SHARED;
  }

  /** What a read found: the unit and where its phrase ends. */
  public record Match(QuantityUnit unit, int end) {}

  /**
   * Parses a whole unit phrase such as a key's {@code unit: MB/token}.
   *
   * @return the unit, or empty when some part of the phrase is not a known unit
   */
  public Optional<QuantityUnit> parse(String phrase) {
    String p = TextNormalizer.normalizeUnit(phrase).strip();
    if (p.isEmpty()) {
      return Optional.of(QuantityUnit.NONE);
    }
    if (p.equals("%") || p.equalsIgnoreCase("percent")) {
      return Optional.of(QuantityUnit.PERCENT);
    }
    Match m = read(p, 0, null);
    return m != null && m.end() == p.length() ? Optional.of(m.unit()) : Optional.empty();
  }

  /**
   * Reads the unit phrase starting at {@code pos} (after optional spaces).
   *
   * @param prefix a unit written before the number ({@code $} in {@code $45k}), or null
   * @return the unit and the end of its phrase, or null when no unit starts there (and there is no
   *     prefix)
   */
  public Match read(CharSequence s, int pos, Atom prefix) {
    List<Term> terms = new ArrayList<>(4);
    if (prefix != null) {
      terms.add(new Term(prefix, prefix.name(), 1, 1.0, ""));
    }
    int i = pos;
    int lastGood = pos;
    int sign = 1;
    boolean first = true;
    int n = s.length();
    if (i < s.length() && s.charAt(i) == '-' && s.toString().startsWith("fold", i + 1)) {
      i++;
    }
    boolean group = false;
    boolean afterSlash = false;
    while (terms.size() < MAX_TERMS + 1) {
      int j = skipSpaces(s, i, 2);
      if (!first && j < n && s.charAt(j) == '(' && sign < 0 && !group) {
        group = true; // J/(kg·K): everything up to the bracket is below the line
        j++;
      }
      int termSign = sign;
      if (first) {
        int afterPer = perAt(s, j);
        if (afterPer < 0 && prefix != null && isMoney(prefix)) {
          afterPer = forCountAt(s, j);
        }
        if (afterPer > 0) {
          if (prefix == null && terms.isEmpty()) {
            break; // "5 per token" without a unit before it: not a unit phrase of this number
          }
          termSign = -1;
          j = skipSpaces(s, afterPer, 2);
        }
      }
      // optional count inside the phrase: "per 1M tokens", "per million tokens"
      double scale = 1.0;
      String scaleText = "";
      if (termSign < 0) {
        int[] end = new int[1];
        double v = readInlineCount(s, j, end);
        if (v > 0) {
          scale = v;
          scaleText = s.subSequence(j, end[0]).toString().strip() + " ";
          j = skipSpaces(s, end[0], 2);
        }
      }
      int wordEnd = special(s, j);
      Atom atom = null;
      if (wordEnd > j) {
        String word = s.subSequence(j, wordEnd).toString();
        atom = catalog.lookup(word);
        if (atom == null && word.indexOf('-') > 0) {
          wordEnd = j + word.indexOf('-'); // kilowatt-hours: kilowatt, then -hours
          atom = catalog.lookup(word.substring(0, word.indexOf('-')));
        }
      } else {
        wordEnd = wordEnd(s, j);
        if (wordEnd > j) {
          String word = s.subSequence(j, wordEnd).toString();
          atom = catalog.lookup(word);
          if (atom == null && word.indexOf('-') > 0) {
            wordEnd = j + word.indexOf('-');
            atom = catalog.lookup(word.substring(0, word.indexOf('-')));
          }
        }
      }
      if (atom != null && first && prefix == null && isInch(atom) && !inchesAt(s, wordEnd)) {
        atom = null; // "5 in the box": prose, not inches
      }
      if (atom == null
          || (atom.unit().equals(AbstractUnit.ONE) && followedByDigit(s, wordEnd))
          || (scale != 1.0 && !atom.countable())) {
        // "per 1M tokens" counts; "350 GB / 9 MB" divides two quantities and is no unit
        if (atom == null && prefix == null) {
          Match unread = unread(s, pos, j, wordEnd, terms.isEmpty());
          if (unread != null) {
            return unread;
          }
        }
        break;
      }
      int k = wordEnd;
      int exp = 1;
      if (k < n && (s.charAt(k) == '²' || s.charAt(k) == '³')) {
        exp = s.charAt(k) == '²' ? 2 : 3;
        k++;
      } else if (k + 1 < n && s.charAt(k) == '⁻' && "¹²³".indexOf(s.charAt(k + 1)) >= 0) {
        exp = -1 - "¹²³".indexOf(s.charAt(k + 1));
        k += 2;
      } else if (k + 1 < n
          && s.charAt(k) == '-'
          && s.charAt(k + 1) >= '1'
          && s.charAt(k + 1) <= '4'
          && (k + 2 >= n || !Character.isLetterOrDigit(s.charAt(k + 2)))
          && !atom.countable()) {
        exp = -(s.charAt(k + 1) - '0'); // m s-1, J mol-1 K-1
        k += 2;
      } else if (k + 1 < n && s.charAt(k) == '^') {
        int[] e = new int[1];
        Integer ex = readExponent(s, k + 1, e);
        if (ex != null) {
          exp = ex;
          k = e[0];
        }
      }
      terms.add(new Term(atom, s.subSequence(j, k).toString(), termSign * exp, scale, scaleText));
      lastGood = k;
      i = k;
      first = false;
      if (group && i < n && s.charAt(i) == ')') {
        group = false;
        lastGood = ++i;
        sign = 1;
      }
      // operator
      if (i < n && (s.charAt(i) == '/')) {
        sign = -1;
        afterSlash = true;
        i++;
        continue;
      }
      // after a slash a product stays below the line, as it is meant: J/mol·K is J/(mol·K)
      if (i < n && (s.charAt(i) == '·' || s.charAt(i) == '*' || s.charAt(i) == '⋅')) {
        sign = group || afterSlash ? -1 : 1;
        i++;
        continue;
      }
      if (i < n && s.charAt(i) == ' ' && !atom.countable() && symbolAt(s, i + 1)) {
        sign = group || afterSlash ? -1 : 1; // N m, kg m^2 s^-2, J/(kg K), J/mol K
        i++;
        continue;
      }
      if (i + 1 < n && s.charAt(i) == '-' && Character.isLetter(s.charAt(i + 1))) {
        sign = termSign; // GPU-hours; "per GPU-hour" keeps both below the line
        i++;
        continue;
      }
      int sp = skipSpaces(s, i, 1);
      int per = perAt(s, sp);
      if (sp > i && per > 0) {
        sign = -1;
        i = per;
        continue;
      }
      if (sp > i && atom.countable()) {
        int we = wordEnd(s, sp);
        Atom next = we > sp ? catalog.lookup(s.subSequence(sp, we).toString()) : null;
        if (next != null && isTime(next)) {
          sign = termSign; // "GPU hours"
          i = sp;
          continue;
        }
      }
      break;
    }
    if (terms.isEmpty()) {
      return null;
    }
    if (group) {
      return unread(s, pos, pos, i, false); // J/(kg·K without its bracket closed
    }
    if (terms.size() > MAX_TERMS && prefix == null) {
      // a unit longer than any course writes (m/m/m/m/…): kept whole as unread, not cut short
      int start = skipSpaces(s, pos, 2);
      return new Match(QuantityUnit.unread(unitEnd(s, start)), unitEndIndex(s, start));
    }
    return new Match(build(terms), prefix != null && terms.size() == 1 ? pos : lastGood);
  }

  /**
   * The unit phrase at {@code pos} when part of it, {@code s[word, wordEnd)}, is a unit no system
   * reads, or null when the text there is prose rather than a unit. A phrase is a unit when the
   * unread word is joined to others by unit operators ({@code N*zz}, {@code zz/s}, {@code zz^2}),
   * follows a read unit through one, is glued to the number with {@code +} ({@code 9.81+m/s}), or
   * is a short word (two or three letters, not an English one) ending the statement ({@code 3 hh}).
   */
  private Match unread(CharSequence s, int pos, int word, int wordEnd, boolean firstTerm) {
    int n = s.length();
    int start = skipSpaces(s, pos, 2);
    if (firstTerm && start == pos && start + 1 < n && s.charAt(start) == '+') {
      int w = start + 1;
      int e = wordEnd(s, w);
      Atom a = e > w ? catalog.lookup(s.subSequence(w, e).toString()) : null;
      if (a != null && !a.unit().equals(AbstractUnit.ONE)) {
        return new Match(QuantityUnit.unread(unitEnd(s, start)), unitEndIndex(s, start));
      }
    }
    if (wordEnd <= word) {
      return null; // "350 GB / 9": no word where a unit would be
    }
    String w = s.subSequence(word, wordEnd).toString();
    char after = wordEnd < n ? s.charAt(wordEnd) : ' ';
    boolean joined = "/^·*⋅²³".indexOf(after) >= 0;
    boolean shortWord =
        firstTerm
            && w.length() >= 2
            && w.length() <= 3
            && !UnitSystems.PROSE.contains(w.toLowerCase(java.util.Locale.ROOT))
            && !MATH_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))
            && endsStatement(s, wordEnd);
    if (!firstTerm || joined || shortWord) {
      return new Match(QuantityUnit.unread(unitEnd(s, start)), unitEndIndex(s, start));
    }
    return null;
  }

  private static final java.util.Set<String> MATH_WORDS =
      java.util.Set.of("pi", "sqrt", "ln", "log", "sin", "cos", "tan", "exp", "mod", "max", "min");

  /** The unit phrase starting at {@code start}: up to a space that is followed by prose. */
  private static String unitEnd(CharSequence s, int start) {
    int end = unitEndIndex(s, start);
    return end - start > 40
        ? s.subSequence(start, start + 40) + "…"
        : s.subSequence(start, end).toString();
  }

  private static int unitEndIndex(CharSequence s, int start) {
    int n = s.length();
    int k = start;
    while (k < n && !Character.isWhitespace(s.charAt(k)) && ",;".indexOf(s.charAt(k)) < 0) {
      k++;
    }
    while (k > start && ".)".indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    return k;
  }

  private static boolean endsStatement(CharSequence s, int k) {
    int j = skipSpaces(s, k, 2);
    return j >= s.length() || ".,;:)]}\n!?".indexOf(s.charAt(j)) >= 0 || s.charAt(j) == '\n';
  }

  private static boolean isInch(Atom a) {
    return a.name().equals("in");
  }

  /** {@code in} is inches only when nothing but punctuation, an operator or the end follows it. */
  private static boolean inchesAt(CharSequence s, int k) {
    int j = skipSpaces(s, k, 2);
    return j >= s.length() || !Character.isLetterOrDigit(s.charAt(j));
  }

  /** True when a physical unit symbol (not a word of prose) starts at {@code k}. */
  private boolean symbolAt(CharSequence s, int k) {
    int e = wordEnd(s, k);
    if (e <= k || e - k > 4) {
      return false;
    }
    String w = s.subSequence(k, e).toString();
    if (UnitSystems.PROSE.contains(w) || w.equals("per") || w.equals("each")) {
      return false;
    }
    Atom a = catalog.lookup(w);
    return a != null && !a.countable() && !a.unit().equals(AbstractUnit.ONE);
  }

  private record Term(Atom atom, String written, int exponent, double scale, String scaleText) {}

  private QuantityUnit build(List<Term> terms) {
    String label = label(terms);
    QuantityUnit cached = cache.get(label);
    if (cached != null) {
      return cached;
    }
    Unit<?> measured = null;
    Unit<?> counted = null;
    for (Term t : terms) {
      Unit<?> u = t.atom().unit();
      if (terms.size() > 1 || t.exponent() != 1) {
        u = asDifference(u);
      }
      if (t.scale() != 1.0) {
        u = u.multiply(t.scale());
      }
      Unit<?> powered = Math.abs(t.exponent()) == 1 ? u : u.pow(Math.abs(t.exponent()));
      if (t.atom().countable() || t.scale() != 1.0) {
        counted = combine(counted, powered, t.exponent() > 0);
      } else {
        measured = combine(measured, powered, t.exponent() > 0);
      }
    }
    QuantityUnit built;
    try {
      built =
          QuantityUnit.build(
              label,
              measured == null ? AbstractUnit.ONE : measured,
              counted == null ? AbstractUnit.ONE : counted,
              false);
    } catch (UnsupportedOperationException e) {
      built = QuantityUnit.unread(label); // °C·m: a temperature with an offset inside a product
    } catch (NumberFormatException e) {
      built = QuantityUnit.unread(label); // Np: a logarithmic unit, with no factor to the system
    }
    if (cache.size() > MAX_CACHE) {
      cache.clear();
    }
    cache.putIfAbsent(label, built);
    return built;
  }

  /**
   * A temperature with an offset inside a compound unit is a step of temperature: in {@code
   * J/(g·°C)} a degree Celsius is a kelvin, a degree Fahrenheit 5/9 of one. Any other unit is kept.
   */
  private static Unit<?> asDifference(Unit<?> u) {
    try {
      javax.measure.UnitConverter c = u.getConverterToAny(u.getSystemUnit());
      double zero = c.convert(0.0);
      if (zero == 0.0) {
        return u;
      }
      double step = c.convert(1.0) - zero;
      Unit<?> system = u.getSystemUnit();
      return step == 1.0 ? system : system.multiply(step);
    } catch (javax.measure.IncommensurableException | RuntimeException e) {
      return u;
    }
  }

  /**
   * {@code so far} times or divided by {@code u}; a lone unit is kept as it is, since a temperature
   * with an offset ({@code °C}) cannot be composed with another unit.
   */
  private static Unit<?> combine(Unit<?> soFar, Unit<?> u, boolean up) {
    if (soFar == null) {
      return up ? u : AbstractUnit.ONE.divide(u);
    }
    return up ? soFar.multiply(u) : soFar.divide(u);
  }

  private static String label(List<Term> terms) {
    StringBuilder num = new StringBuilder();
    StringBuilder den = new StringBuilder();
    for (Term t : terms) {
      StringBuilder b = t.exponent() > 0 ? num : den;
      if (b.length() > 0) {
        b.append('·');
      }
      b.append(t.scaleText()).append(base(t.written()));
      int e = Math.abs(t.exponent());
      if (e != 1) {
        b.append('^').append(e);
      }
    }
    if (den.length() == 0) {
      return num.toString();
    }
    String d = den.indexOf("·") >= 0 || den.indexOf(" ") >= 0 ? "(" + den + ")" : den.toString();
    return (num.length() == 0 ? "1" : num) + "/" + d;
  }

  /** A term as written without its exponent: {@code s} of {@code s^-2}, {@code m} of {@code m²}. */
  private static String base(String written) {
    for (int i = 1; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '^' || c == '²' || c == '³' || c == '⁻') {
        return written.substring(0, i);
      }
    }
    return written;
  }

  private static boolean isTime(Atom a) {
    return a.unit().getDimension().equals(UnitDimension.TIME);
  }

  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?i)(?:PF|PFLOPS?|petaflops?|pfs)(?:/s)?-days?|FLOP/s|FLOPS|[kKMGTPEZY]?FLOPS|[a-z]*watt-hours?");

  /** End of a multi-part spelling (PF-days, FLOP/s) starting at {@code j}, or {@code j}. */
  private static int special(CharSequence s, int j) {
    if (j >= s.length() || !Character.isLetter(s.charAt(j))) {
      return j;
    }
    // Every composite spelling is ASCII letters, then its '-' or '/': nothing else needs the
    // pattern.
    int k = j;
    while (k < s.length() && isAsciiLetter(s.charAt(k))) {
      k++;
    }
    if (k >= s.length() || s.charAt(k) != '-' && s.charAt(k) != '/') {
      return j;
    }
    int limit = Math.min(s.length(), j + 20);
    Matcher m = SPECIAL.matcher(s).region(j, limit);
    if (m.lookingAt() && (m.end() >= s.length() || !Character.isLetterOrDigit(s.charAt(m.end())))) {
      String found = m.group();
      // FLOPS on its own is handled as a word; only the composite spellings need this path.
      return found.contains("-") || found.contains("/") ? m.end() : j;
    }
    return j;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static int wordEnd(CharSequence s, int j) {
    int n = s.length();
    if (j >= n) {
      return j;
    }
    char c = s.charAt(j);
    if (c == '$' || c == '¢' || c == '×' || c == '℃' || c == '℉') {
      return j + 1;
    }
    if (c == '°' || c == 'º') {
      return j + 1 < n && (s.charAt(j + 1) == 'C' || s.charAt(j + 1) == 'F') ? j + 2 : j + 1;
    }
    if (!(Character.isLetter(c) || c == 'µ')) {
      return j;
    }
    int k = j + 1;
    while (k < n) {
      char d = s.charAt(k);
      if (Character.isLetterOrDigit(d) || d == 'µ') {
        k++;
      } else if (d == '-' && k + 1 < n && Character.isLetter(s.charAt(k + 1))) {
        k++;
      } else {
        break;
      }
    }
    return k;
  }

  private static boolean followedByDigit(CharSequence s, int k) {
    int j = skipSpaces(s, k, 2);
    return j < s.length() && Character.isDigit(s.charAt(j));
  }

  /** Position after "per" or "/" at {@code j}, or -1. */
  private static int perAt(CharSequence s, int j) {
    int n = s.length();
    if (j < n && s.charAt(j) == '/') {
      return j + 1;
    }
    if (j + 3 < n
        && (s.charAt(j) == 'p' || s.charAt(j) == 'P')
        && s.charAt(j + 1) == 'e'
        && s.charAt(j + 2) == 'r'
        && s.charAt(j + 3) == ' ') {
      return j + 4;
    }
    if (j + 4 < n && s.subSequence(j, j + 5).toString().equalsIgnoreCase("each ")) {
      return j + 5;
    }
    return -1;
  }

  private static boolean isMoney(Atom a) {
    return a.unit().getDimension().equals(UnitCatalog.MONEY);
  }

  /**
   * After a price, "for 1M tokens" means per 1M tokens: the position after "for" when a count and a
   * countable noun follow, or -1.
   */
  private int forCountAt(CharSequence s, int j) {
    if (j + 4 >= s.length() || !s.subSequence(j, j + 4).toString().equalsIgnoreCase("for ")) {
      return -1;
    }
    int k = skipSpaces(s, j + 4, 2);
    int[] end = new int[1];
    if (readInlineCount(s, k, end) <= 0) {
      return -1;
    }
    int w = skipSpaces(s, end[0], 2);
    int we = wordEnd(s, w);
    Atom a = we > w ? catalog.lookup(s.subSequence(w, we).toString()) : null;
    return a != null && a.countable() ? j + 4 : -1;
  }

  /** A count such as {@code 1M}, {@code 1,000}, {@code million} before the counted noun. */
  private static double readInlineCount(CharSequence s, int j, int[] end) {
    NumberReader.Reading r = NumberReader.read(s, j);
    if (r != null) {
      end[0] = r.end();
      return r.value();
    }
    int we = wordEnd(s, j);
    if (we > j) {
      double scale = NumberReader.scaleWord(s.subSequence(j, we).toString());
      if (scale > 0) {
        end[0] = we;
        return scale;
      }
    }
    return -1;
  }

  private static Integer readExponent(CharSequence s, int k, int[] end) {
    int n = s.length();
    if (k < n && s.charAt(k) == '(') {
      int[] inner = new int[1];
      Integer v = readExponent(s, k + 1, inner);
      if (v == null || inner[0] >= n || s.charAt(inner[0]) != ')') {
        return null;
      }
      end[0] = inner[0] + 1;
      return v;
    }
    boolean brace = k < n && s.charAt(k) == '{';
    int i = brace ? k + 1 : k;
    int start = i;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = i;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits || i - digits > 2) {
      return null;
    }
    int v = Integer.parseInt(s.subSequence(start, i).toString().replace("+", ""));
    if (brace) {
      if (i >= n || s.charAt(i) != '}') {
        return null;
      }
      i++;
    }
    end[0] = i;
    return v;
  }

  static int skipSpaces(CharSequence s, int i, int max) {
    int n = s.length();
    int k = i;
    while (k < n && k - i < max && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k++;
    }
    return k;
  }
}
