package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Call;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Compares Big-O classes: {@code O(n log n)} is {@code O(log(n) n)}, not {@code O(n^2)}. */
final class GrowthComparison {
  private GrowthComparison() {}

  /** Compares two Big-O classes by the ratio of their arguments as every symbol grows. */
  static Decision compare(MathNode k, MathNode a) {
    if (!(k instanceof Call kc && kc.function().equals("O"))
        || !(a instanceof Call ac && ac.function().equals("O"))) {
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    MathNode f = kc.args().get(0);
    MathNode g = ac.args().get(0);
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
      return Decision.different("O(" + g + ") grows at a different rate from O(" + f + ")");
    }
    if (Math.abs(last - before) <= 0.05 * Math.abs(last)
        && Math.abs(Math.log(last)) < Math.log(1e6)) {
      return Decision.equal(
          "O("
              + g
              + ") and O("
              + f
              + ") grow at the same rate (their ratio tends to "
              + String.format(Locale.ROOT, "%.3g", last)
              + ")");
    }
    return Decision.different(
        "O(" + g + ") grows " + (last > before ? "faster" : "slower") + " than O(" + f + ")");
  }
}
