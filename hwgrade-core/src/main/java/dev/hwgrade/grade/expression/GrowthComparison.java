package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Call;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares asymptotic classes: {@code O(n log n)} is {@code O(log(n) n)}, not {@code O(n^2)}. The
 * key's symbol says what is asked: a Θ key needs a Θ answer (an O or Ω answer states only one side
 * of the bound); an O key is also answered by Θ of the same class, which is an upper bound too, and
 * an Ω key likewise by Θ; O and Ω never answer each other.
 */
final class GrowthComparison {
  private static final Map<String, String> SYMBOLS = Map.of("O", "O", "Theta", "Θ", "Omega", "Ω");

  private GrowthComparison() {}

  /** Whether {@code n} is an asymptotic class, {@code O(…)}, {@code Θ(…)} or {@code Ω(…)}. */
  static boolean isClass(MathNode n) {
    return n instanceof Call c && SYMBOLS.containsKey(c.function()) && c.args().size() == 1;
  }

  /** Compares two asymptotic classes by the ratio of their arguments as every symbol grows. */
  static Decision compare(MathNode k, MathNode a) {
    if (!(isClass(k) && k instanceof Call kc) || !(isClass(a) && a instanceof Call ac)) {
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    String ks = SYMBOLS.get(kc.function());
    String as = SYMBOLS.get(ac.function());
    boolean answers = ks.equals(as) || as.equals("Θ");
    if (!answers) {
      return Decision.different(
          "the answer "
              + as
              + "("
              + ac.args().get(0)
              + ") is "
              + bound(as)
              + " where the key asks for "
              + bound(ks)
              + ", "
              + ks
              + "("
              + kc.args().get(0)
              + ")");
    }
    Decision d = sameRate(kc.args().get(0), ac.args().get(0));
    if (d.isEqual() && !ks.equals(as)) {
      return Decision.equal(
          d.reason() + "; a tight bound Θ is also " + bound(ks) + " " + ks + " of the same class");
    }
    return d;
  }

  private static String bound(String symbol) {
    return switch (symbol) {
      case "O" -> "an upper bound";
      case "Ω" -> "a lower bound";
      default -> "a tight bound";
    };
  }

  private static Decision sameRate(MathNode f, MathNode g) {
    if (Nodes.canonical(f, Set.of()).equals(Nodes.canonical(g, Set.of()))) {
      return Decision.equal("the same class, " + f);
    }
    TreeSet<String> symbols = Nodes.freeSymbols(f);
    symbols.addAll(Nodes.freeSymbols(g));
    double[] ts = {1e4, 1e8, 1e16};
    double[] ratios = new double[ts.length];
    try {
      for (int i = 0; i < ts.length; i++) {
        Map<String, Value> point = RandomPoints.growing(symbols, ts[i]);
        Value fv = new NumericEvaluator(point).eval(f);
        Value gv = new NumericEvaluator(point).eval(g);
        ratios[i] = fv.scalar.abs() / gv.scalar.abs();
      }
    } catch (EvaluationException | ArithmeticException | NullPointerException e) {
      return Decision.unknown("could not evaluate the growth rates");
    }
    double last = ratios[ratios.length - 1];
    double before = ratios[ratios.length - 2];
    if (!Double.isFinite(last) || last == 0 || !Double.isFinite(before) || before == 0) {
      return Decision.different(g + " grows at a different rate from " + f);
    }
    if (Math.abs(last - before) <= 0.05 * Math.abs(last)
        && Math.abs(Math.log(last)) < Math.log(1e6)) {
      return Decision.equal(
          g
              + " and "
              + f
              + " grow at the same rate (their ratio tends to "
              + String.format(Locale.ROOT, "%.3g", last)
              + ")");
    }
    return Decision.different(g + " grows " + (last > before ? "faster" : "slower") + " than " + f);
  }
}
