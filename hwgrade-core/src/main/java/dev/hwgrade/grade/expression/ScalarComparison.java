package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether two expressions are equal: exactly when both are rational numbers, otherwise by
 * evaluating both at random points with a tolerance relative to their magnitude. A decimal written
 * as an approximation equals an exact value it rounds to, at the digits it shows.
 */
final class ScalarComparison {
  static final int POINTS = 6;

  /** Most symbols compared at the lattice of {@link RandomPoints#lattice}. */
  private static final int LATTICE_VARIABLES = 3;

  /** Points where both sides must be defined before agreement counts. */
  private static final int MIN_DEFINED = 3;

  /** Whole-number points tried, of which many fail ({@code (n-k)!} with {@code k > n}). */
  private static final int INTEGER_TRIES = 24;

  private static final Set<String> COUNTING = Set.of("factorial", "binom", "sum", "prod");
  private static final double RELATIVE = 1e-9;
  private static final double RELATIVE_APPROX = 1e-6;
  private static final double TINY = 1e-10;

  /** Below this, doubles lose digits (subnormal numbers). */
  private static final double UNDERFLOW = 1e-290;

  private static final Set<String> PRECISE_FUNCTIONS =
      Set.of("sqrt", "root", "exp", "abs", "factorial", "binom");

  private final Set<String> matrices;
  private final RandomPoints points;
  private final Deadline deadline;

  ScalarComparison(Set<String> matrices, RandomPoints points, Deadline deadline) {
    this.matrices = matrices;
    this.points = points;
    this.deadline = deadline;
  }

  Decision compare(MathNode key, MathNode answer) {
    Rational k = ExactEvaluator.eval(key);
    Rational a = k == null ? null : ExactEvaluator.eval(answer);
    BigDecimal tolerance = tolerance(key, answer);
    if (k != null && a != null) {
      if (k.equals(a)) {
        return Decision.equal("both equal " + k);
      }
      if (tolerance != null) {
        BigDecimal diff = k.toBigDecimal().subtract(a.toBigDecimal()).abs();
        if (diff.compareTo(tolerance.multiply(new BigDecimal("1.000001"))) <= 0) {
          return Decision.equal(answer + " is " + k + " at the digits shown");
        }
      }
      return Decision.different(a + " is not " + k)
          .withDiagnosis(diagnose(k.toDouble(), a.toDouble()));
    }
    if (tolerance == null
        && !Nodes.involvesMatrix(key, matrices)
        && !Nodes.involvesMatrix(answer, matrices)) {
      Polynomial kp = Polynomial.of(key);
      Polynomial ap = kp == null || kp.isConstant() ? null : Polynomial.of(answer);
      if (ap != null) {
        if (kp.equals(ap)) {
          return Decision.equal("both expand to " + kp);
        }
        return kp.isMonomial() && ap.isMonomial()
            ? Decision.different(ap + " is not " + kp)
            : Decision.different("the answer expands to " + ap + ", the key to " + kp);
      }
    }
    return numeric(key, answer, tolerance);
  }

  private static BigDecimal tolerance(MathNode key, MathNode answer) {
    BigDecimal k = Nodes.halfUlp(key);
    BigDecimal a = Nodes.halfUlp(answer);
    if (k == null) {
      return a;
    }
    return a == null ? k : k.max(a);
  }

  private Decision numeric(MathNode key, MathNode answer, BigDecimal tolerance) {
    TreeSet<String> symbols = Nodes.freeSymbols(key);
    symbols.addAll(Nodes.freeSymbols(answer));
    boolean approximate =
        Nodes.contains(key, MathNode.Num.class) && hasApproximate(key) || hasApproximate(answer);
    double relative = approximate ? RELATIVE_APPROX : RELATIVE;
    boolean integers = !symbols.isEmpty() && (countsWithSymbols(key) || countsWithSymbols(answer));
    boolean complexValued =
        hasSymbol(key, "i")
            || hasSymbol(answer, "i")
            || Nodes.involvesMatrix(key, matrices)
            || Nodes.involvesMatrix(answer, matrices);
    List<Map<String, Value>> lattice =
        integers || symbols.size() > LATTICE_VARIABLES || !symbolicExponent(key, answer)
            ? List.of()
            : points.lattice(symbols);
    // with matrices, whose entries are already of both signs, the positive points suffice
    boolean matrixValued =
        Nodes.involvesMatrix(key, matrices) || Nodes.involvesMatrix(answer, matrices);
    int random =
        symbols.isEmpty()
            ? 1
            : integers ? INTEGER_TRIES : matrixValued ? RandomPoints.POSITIVE : RandomPoints.ALL;
    int rounds = random + lattice.size();
    boolean keyRounded = !roundedDecimals(key).isEmpty();
    boolean answerRounded = !roundedDecimals(answer).isEmpty();
    boolean atDigitsShown = false;
    int valid = 0;
    String lastError = null;
    Decision firstDifference = null;
    DomainGap gap = null;
    for (int p = 0; p < rounds; p++) {
      if (deadline.passed()) {
        return firstDifference != null
            ? firstDifference
            : Decision.unknown("the time limit was reached while comparing values");
      }
      if (integers && valid >= POINTS) {
        break;
      }
      Map<String, Value> point =
          p >= random
              ? lattice.get(p - random)
              : integers ? points.integerPoint(p, symbols) : points.point(p, symbols);
      Value kv = null;
      Value av = null;
      NumericEvaluator ke = new NumericEvaluator(point);
      NumericEvaluator ae = new NumericEvaluator(point);
      try {
        kv = ke.eval(key);
      } catch (EvaluationException | ArithmeticException e) {
        lastError = "the key: " + e.getMessage();
      }
      try {
        av = ae.eval(answer);
      } catch (EvaluationException | ArithmeticException e) {
        lastError = "the answer: " + e.getMessage();
      }
      boolean keyDefined = defined(kv, complexValued) && (complexValued || !ke.sawNonReal());
      boolean answerDefined = defined(av, complexValued) && (complexValued || !ae.sawNonReal());
      if (keyDefined != answerDefined && !symbols.isEmpty() && !integers) {
        // one side is real here and the other is not (or has no value): a difference of domains
        if (p < random && gap == null) {
          // lattice points are for real values of powers only: a^b a^c is not real at a = -2,
          // b = c = 1/2 though a^{b+c} is, a difference of domains textbooks pass over
          gap = new DomainGap(answerDefined, describePoint(symbols, point));
        }
        continue;
      }
      if (kv == null || av == null || !kv.isFinite() || !av.isFinite()) {
        continue;
      }
      if (!keyDefined && !symbols.isEmpty() && !integers) {
        continue; // neither side is real here (principal branches of logarithms and powers)
      }
      double scale = Math.max(kv.magnitude(), av.magnitude());
      double distance = kv.distance(av);
      if (scale == 0 && !symbols.isEmpty()) {
        continue; // both exactly 0, as max(x, 0) and (x + |x|)/2 for x < 0: uninformative
      }
      if (scale < TINY && integers) {
        continue; // both 0 at a whole number such as n = 0: uninformative, try another
      }
      boolean trustworthy =
          scale > UNDERFLOW && withoutCancellation(key) && withoutCancellation(answer);
      if (scale < TINY && !trustworthy && (tolerance == null || !symbols.isEmpty())) {
        // Underflow or cancellation: floating point cannot tell 0 from e^{-1000}.
        return Decision.unknown("the values are too small to compare in floating point");
      }
      boolean close;
      if (tolerance != null && symbols.isEmpty() && !kv.isMatrix()) {
        close = distance <= tolerance.doubleValue() * 1.000001 + 1e-13 * scale;
      } else {
        close = distance <= relative * scale;
      }
      if (!close && !kv.isMatrix() && !av.isMatrix() && (keyRounded || answerRounded)) {
        double slack =
            (keyRounded ? roundingSlack(key, point, kv) : 0)
                + (answerRounded ? roundingSlack(answer, point, av) : 0);
        if (distance <= slack * 1.01 + relative * scale) {
          close = true;
          atDigitsShown = true;
        }
      }
      if (!close) {
        Decision d = different(key, answer, symbols, point, kv, av);
        boolean real = !kv.isMatrix() && !av.isMatrix() && kv.scalar.isReal() && av.scalar.isReal();
        if (real || kv.isMatrix() || av.isMatrix()) {
          return d;
        }
        // A point where the values are complex explains poorly; look for a real one first.
        firstDifference = firstDifference == null ? d : firstDifference;
        continue;
      }
      valid++;
    }
    if (firstDifference != null) {
      return firstDifference;
    }
    if (gap != null && valid == 0) {
      return Decision.different(
          "they are never both defined: at "
              + gap.where()
              + " only the "
              + (gap.answerDefined() ? "answer" : "key")
              + " has a real value");
    }
    if (valid == 0 || (!symbols.isEmpty() && valid < MIN_DEFINED)) {
      return Decision.unknown(
          valid > 0
              ? "the two sides are both defined at only "
                  + valid
                  + " of "
                  + rounds
                  + " random points, too few to compare"
              : "could not evaluate " + (lastError == null ? "the expressions" : lastError));
    }
    if (gap != null) {
      return Decision.settledUnknown(
          "they agree at "
              + valid
              + " random points where both are defined, but at "
              + gap.where()
              + " only the "
              + (gap.answerDefined() ? "answer (" + answer + ")" : "key (" + key + ")")
              + " has a real value: equal only on part of the domain");
    }
    if (symbols.isEmpty()) {
      String value = format(valueOf(key));
      return tolerance != null || atDigitsShown
          ? Decision.equal(answer + " is " + key + " ≈ " + value + " at the digits shown")
          : Decision.equal("both evaluate to " + value);
    }
    return Decision.equal(
        "agree at "
            + valid
            + " random points of "
            + describe(symbols)
            + (atDigitsShown ? ", at the digits shown (decimals read as rounded)" : ""));
  }

  /**
   * Whether a power has a symbol in its exponent ({@code a^{bc}}, {@code (a^b)^c}): such
   * expressions are also compared at a lattice of half-integers, where {@code (a^2)^{1/2}} is real
   * but not {@code a}.
   */
  private static boolean symbolicExponent(MathNode... nodes) {
    for (MathNode n : nodes) {
      if (n instanceof MathNode.Pow p && !Nodes.freeSymbols(p.exponent()).isEmpty()) {
        return true;
      }
      for (MathNode c : Nodes.children(n)) {
        if (symbolicExponent(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where one side has a real value and the other not, and which side it is. */
  private record DomainGap(boolean answerDefined, String where) {}

  /**
   * Whether a value counts as defined: finite, and real unless the expressions involve {@code i} or
   * matrices (where complex values are meant).
   */
  private static boolean defined(Value v, boolean complexValued) {
    return v != null && v.isFinite() && (complexValued || v.isMatrix() || v.scalar.isReal());
  }

  private static boolean hasSymbol(MathNode n, String name) {
    if (n instanceof MathNode.Sym s) {
      return s.name().equals(name);
    }
    for (MathNode c : Nodes.children(n)) {
      if (hasSymbol(c, name)) {
        return true;
      }
    }
    return false;
  }

  private static String describePoint(Set<String> symbols, Map<String, Value> point) {
    List<String> at = new ArrayList<>();
    for (String s : symbols) {
      Value v = point.get(s);
      if (v != null && !v.isMatrix() && at.size() < 4) {
        at.add(s + " = " + String.format(Locale.ROOT, "%.3g", v.scalar.re()));
      }
    }
    return String.join(", ", at);
  }

  /**
   * Whether {@code n} has a factorial, binomial, sum or product over a symbol ({@code n!}, {@code
   * \binom{n}{k}}, {@code \sum_{k=1}^{n}}), defined only at whole numbers, so that it is compared
   * at random whole numbers instead.
   */
  private static boolean countsWithSymbols(MathNode n) {
    if (n instanceof MathNode.Call c && COUNTING.contains(c.function())) {
      // a sum's bounds follow its body: \sum_{k=0}^{n} is sum(body, k = 0, n)
      for (MathNode arg :
          c.function().equals("sum") || c.function().equals("prod")
              ? c.args().subList(1, c.args().size())
              : c.args()) {
        if (!Nodes.freeSymbols(arg).isEmpty()) {
          return true;
        }
      }
    }
    for (MathNode c : Nodes.children(n)) {
      if (countsWithSymbols(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether floating point keeps {@code n}'s relative precision however small its value: no sums
   * (where {@code 1 - 0.999…} cancels) and no functions that vanish at a nonzero point ({@code \sin
   * \pi}), so {@code 10^{-12} x} and {@code 2 \cdot 10^{-12} x} are told apart.
   */
  private static boolean withoutCancellation(MathNode n) {
    if (n instanceof MathNode.Add
        || n instanceof MathNode.PlusMinus
        || n instanceof MathNode.Call c && !PRECISE_FUNCTIONS.contains(c.function())) {
      return false;
    }
    for (MathNode c : Nodes.children(n)) {
      if (!withoutCancellation(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The decimals of {@code n} written as rounded values with at least two significant figures
   * ({@code 0.693}, {@code 53.13}; not {@code 0.7}), which may stand for the exact value they
   * round.
   */
  private static Set<MathNode.Num> roundedDecimals(MathNode n) {
    Set<MathNode.Num> out = new java.util.LinkedHashSet<>();
    collectRounded(n, out);
    return out;
  }

  private static void collectRounded(MathNode n, Set<MathNode.Num> out) {
    if (n instanceof MathNode.Num num) {
      if (num.approximate() && num.value().signum() != 0 && Nodes.halfUlp(num) != null) {
        out.add(num);
      }
      return;
    }
    for (MathNode c : Nodes.children(n)) {
      collectRounded(c, out);
    }
  }

  /**
   * How far {@code n}'s value at {@code point} moves when each of its rounded decimals moves by
   * half a unit in its last digit, one at a time, summed: the uncertainty the digits shown leave.
   * An expression that cannot be evaluated so has no slack.
   */
  private static double roundingSlack(MathNode n, Map<String, Value> point, Value value) {
    double slack = 0;
    for (MathNode.Num d : roundedDecimals(n)) {
      BigDecimal half = Nodes.halfUlp(d);
      double worst = 0;
      for (BigDecimal shifted : List.of(d.value().add(half), d.value().subtract(half))) {
        MathNode.Num moved = new MathNode.Num(shifted, true);
        MathNode changed = Nodes.map(n, x -> x.equals(d) ? moved : x);
        try {
          Value v = new NumericEvaluator(point).eval(changed);
          if (v == null || !v.isFinite() || v.isMatrix()) {
            return 0;
          }
          worst = Math.max(worst, v.distance(value));
        } catch (EvaluationException | ArithmeticException e) {
          return 0;
        }
      }
      slack += worst;
    }
    return slack;
  }

  private static boolean hasApproximate(MathNode n) {
    if (n instanceof MathNode.Num num) {
      return num.approximate();
    }
    for (MathNode c : Nodes.children(n)) {
      if (hasApproximate(c)) {
        return true;
      }
    }
    return false;
  }

  private Decision different(
      MathNode key,
      MathNode answer,
      Set<String> symbols,
      Map<String, Value> point,
      Value kv,
      Value av) {
    if (symbols.isEmpty()) {
      Decision d =
          Decision.different(answer + " ≈ " + format(av) + " is not " + key + " ≈ " + format(kv));
      return kv.isMatrix() || av.isMatrix()
          ? d
          : d.withDiagnosis(diagnose(kv.scalar.re(), av.scalar.re()));
    }
    List<String> matrixNames = new ArrayList<>();
    List<String> at = new ArrayList<>();
    for (String s : symbols) {
      if (matrices.contains(s)) {
        matrixNames.add(s);
      } else if (at.size() < 4) {
        at.add(s + " = " + String.format(Locale.ROOT, "%.3g", point.get(s).scalar.re()));
      }
    }
    StringBuilder why = new StringBuilder("differ");
    if (!at.isEmpty()) {
      why.append(" at ").append(String.join(", ", at));
    }
    if (!matrixNames.isEmpty()) {
      why.append(at.isEmpty() ? " when " : " with ")
          .append(String.join(", ", matrixNames))
          .append(" random ")
          .append(RandomPoints.SIZE)
          .append("×")
          .append(RandomPoints.SIZE)
          .append(" matrices");
      if (Nodes.canonical(key, Set.of()).equals(Nodes.canonical(answer, Set.of()))) {
        why.append(": products do not commute");
        return Decision.different(why.toString())
            .withDiagnosis("consistent with multiplying the matrices in another order");
      }
    }
    if (!kv.isMatrix() && !av.isMatrix()) {
      why.append(": ").append(format(av)).append(" against ").append(format(kv));
      return Decision.different(why.toString())
          .withDiagnosis(diagnose(kv.scalar.re(), av.scalar.re()));
    }
    return Decision.different(why.toString());
  }

  /** A likely cause of a wrong value, worded as a hypothesis; null when nothing stands out. */
  static String diagnose(double key, double answer) {
    if (key == 0 || answer == 0 || !Double.isFinite(key) || !Double.isFinite(answer)) {
      return null;
    }
    double ratio = answer / key;
    if (Math.abs(ratio + 1) < 1e-9) {
      return "consistent with a sign error";
    }
    if (Math.abs(key + answer - 1) < 1e-9) {
      return "consistent with giving the complement (1 minus the key's value)";
    }
    double log = Math.log10(Math.abs(ratio));
    if (Math.abs(log - Math.rint(log)) < 1e-9 && Math.rint(log) != 0) {
      return "consistent with a misplaced decimal point or a unit slip (off by a factor of 10^"
          + (long) Math.rint(log)
          + ")";
    }
    if (Math.abs(ratio - 2) < 1e-9 || Math.abs(ratio - 0.5) < 1e-9) {
      return "consistent with a missing or extra factor of 2";
    }
    return null;
  }

  private static String describe(Set<String> symbols) {
    List<String> names = new ArrayList<>(symbols);
    return names.size() <= 5
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + ", …";
  }

  static String format(Value v) {
    if (v == null) {
      return "?";
    }
    if (v.isMatrix()) {
      return "a " + v.rows() + "×" + v.cols() + " matrix";
    }
    Complex c = v.scalar;
    String re = String.format(Locale.ROOT, "%.6g", c.re()).replaceAll("\\.?0+(?=$|e)", "");
    if (c.isReal()) {
      return re;
    }
    return re
        + (c.im() < 0 ? " - " : " + ")
        + String.format(Locale.ROOT, "%.6g", Math.abs(c.im())).replaceAll("\\.?0+(?=$|e)", "")
        + "i";
  }

  /** The value of a constant expression, for explanations; null when it cannot be evaluated. */
  private static Value valueOf(MathNode n) {
    try {
      return new NumericEvaluator(Map.of()).eval(n);
    } catch (EvaluationException | ArithmeticException e) {
      return null;
    }
  }
}
