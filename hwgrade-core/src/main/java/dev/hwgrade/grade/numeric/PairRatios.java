package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.Magnitudes;
import dev.hwgrade.quantity.QuantityScanner;
import dev.hwgrade.quantity.QuantityUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds two numbers of the same kind in the question, the key's explanation or the response whose
 * ratio matches the miss — the sign that the response and the key assumed different values for one
 * input (1.98 PF/s peak against the 0.3 PF/s the key assumes gives 6.6×, and so does the cost).
 */
final class PairRatios {
  private PairRatios() {}

  /**
   * Largest misfit accepted: 1.5%. A ratio of two stated inputs reproduces the miss almost exactly;
   * a looser match is more often two results that merely follow from the answer (39,000 against
   * 150,000 tokens when the memory per token differs).
   */
  static final double LIMIT = 0.015;

  private static final int MAX_PER_SOURCE = 60;

  /**
   * A text to take numbers from, and how to name it.
   *
   * @param cacheable true for texts that recur across grades (the question, the key's explanation)
   */
  record Source(String name, String text, boolean cacheable) {}

  /**
   * @param ratio the response's value over the key's
   * @param answerUnit the key's unit
   * @param excluded values in the key's measured unit to leave out (the answer and the key)
   */
  static List<Hypothesis> candidates(
      double ratio, List<Source> sources, QuantityUnit answerUnit, double[] excluded) {
    List<Found> found = new ArrayList<>();
    for (Source src : sources) {
      if (src.text() == null || src.text().isBlank()) {
        continue;
      }
      int count = 0;
      for (Amount a : amountsOf(src)) {
        if (a.unit().isNone() || a.unit().isDimensionless() || a.value() == 0 || a.isRange()) {
          continue;
        }
        double sys = a.value() * a.unit().factor();
        boolean answerKind = a.unit().sameMeasuredDimension(answerUnit);
        if (answerKind && isExcluded(a.value() * a.unit().measuredFactorTo(answerUnit), excluded)
            || count++ >= MAX_PER_SOURCE) {
          continue;
        }
        found.add(new Found(a, sys, src.name()));
      }
    }
    Hypothesis best = null;
    for (int i = 0; i < found.size(); i++) {
      for (int j = 0; j < found.size(); j++) {
        Found a = found.get(i);
        Found b = found.get(j);
        if (i == j || !a.amount.unit().sameDimension(b.amount.unit())) {
          continue;
        }
        double q = a.sys / b.sys;
        if (!(q > 0) || Double.isInfinite(q) || Math.abs(Math.log(q)) < 0.05) {
          continue;
        }
        double misfit = Math.abs(Math.log(ratio / q));
        if (misfit > LIMIT) {
          continue;
        }
        // an assumption ("sustains about 0.3 PF/s") explains more than a result derived from it
        // ("= 1.85 GPU-hours"), and two sources disagreeing more than one source with itself
        double penalty =
            (a.source.equals(b.source) ? 0.01 : 0.0) + 0.01 * (derived(a) + derived(b));
        if (best == null || misfit + penalty < best.misfit()) {
          best = new Hypothesis(text(a, b), misfit + penalty, 0);
        }
      }
    }
    if (best == null) {
      best = loneFactor(ratio, found, answerUnit);
    }
    return best == null ? List.of() : List.of(best);
  }

  /**
   * A single figure of another kind than the answer (0.05 s against a rate) by which the answer is
   * off: the response left out a division or a multiplication by it. Round factors are left to
   * {@link SimpleFactors}.
   */
  private static Hypothesis loneFactor(double ratio, List<Found> found, QuantityUnit answerUnit) {
    Hypothesis best = null;
    for (Found f : found) {
      if (f.amount.unit().sameMeasuredDimension(answerUnit) || f.sys <= 0 || isRound(f.sys)) {
        continue;
      }
      double down = Math.abs(Math.log(ratio / f.sys));
      double up = Math.abs(Math.log(ratio * f.sys));
      double misfit = Math.min(down, up);
      if (misfit > LIMIT || Math.abs(Math.log(f.sys)) < 0.4) {
        continue;
      }
      String how = down <= up ? "a division by " : "a multiplication by ";
      String text = "consistent with leaving out " + how + plain(f) + " (" + in(f.source) + ")";
      if (best == null || misfit + 0.02 < best.misfit()) {
        best = new Hypothesis(text, misfit + 0.02, 0);
      }
    }
    return best;
  }

  /** Powers of ten and the small factors {@link SimpleFactors} already names. */
  private static boolean isRound(double v) {
    double l = Math.log10(v);
    if (Math.abs(l - Math.rint(l)) < 0.005) {
      return true;
    }
    for (double s : new double[] {2, 3, 4, 8, 1024, 60, 3600, 24, 365}) {
      if (Math.abs(Math.log(v / s)) < 0.005 || Math.abs(Math.log(v * s)) < 0.005) {
        return true;
      }
    }
    return false;
  }

  private static final int MAX_CACHED = 5_000;
  private static final ConcurrentHashMap<String, List<Amount>> KEY_TEXTS =
      new ConcurrentHashMap<>();

  /** The amounts of a source; the question's and the key's are scanned once and kept. */
  private static List<Amount> amountsOf(Source src) {
    if (!src.cacheable()) {
      return QuantityScanner.shared().scan(src.text()).amounts();
    }
    List<Amount> cached = KEY_TEXTS.get(src.text());
    if (cached == null) {
      cached = QuantityScanner.shared().scan(src.text()).amounts();
      if (KEY_TEXTS.size() > MAX_CACHED) {
        KEY_TEXTS.clear();
      }
      KEY_TEXTS.put(src.text(), cached);
    }
    return cached;
  }

  private record Found(Amount amount, double sys, String source) {}

  private static int derived(Found f) {
    return f.amount.relation() >= 2 ? 1 : 0;
  }

  private static String text(Found a, Found b) {
    Found big = a.sys >= b.sys ? a : b;
    Found small = big == a ? b : a;
    String ratio = Magnitudes.ratio(big.sys / small.sys) + "×";
    Found keySide = KEY.equals(big.source) ? big : KEY.equals(small.source) ? small : null;
    if (keySide != null && !big.source.equals(small.source)) {
      Found other = keySide == big ? small : big;
      return "consistent with using "
          + plain(other)
          + " ("
          + in(other.source)
          + ") where the key's explanation "
          + "assumes "
          + plain(keySide)
          + " — their ratio is "
          + ratio;
    }
    return "consistent with the ratio of "
        + plain(big)
        + " ("
        + in(big.source)
        + ") to "
        + plain(small)
        + " ("
        + in(small.source)
        + "), "
        + ratio
        + ": the response and the key appear to assume different values for one "
        + "input";
  }

  static final String KEY = "the key's explanation";

  private static String in(String source) {
    return "in " + source;
  }

  private static String plain(Found f) {
    return Amounts.withoutApproximation(f.amount.text());
  }

  private static boolean isExcluded(double sys, double[] excluded) {
    for (double e : excluded) {
      if (e != 0 && Math.abs(Math.log(Math.abs(sys / e))) < 0.02) {
        return true;
      }
    }
    return false;
  }
}
