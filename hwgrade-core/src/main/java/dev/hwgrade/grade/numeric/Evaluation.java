package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Verdict;
import dev.hwgrade.quantity.Amount;

/**
 * One response quantity judged against one accepted key value.
 *
 * @param verdict the tier
 * @param target the key value it was judged against
 * @param fit how its unit was read
 * @param value its value (a range's middle) in the key's unit
 * @param low its low end in the key's unit
 * @param high its high end in the key's unit
 * @param asFraction true when a bare number was read as a fraction against a percentage key
 */
record Evaluation(
    Verdict verdict,
    KeyTarget target,
    Fit fit,
    double value,
    double low,
    double high,
    boolean asFraction) {

  /** How far from the key, as |ln(value / key)|; infinite across zero or signs. */
  double distance() {
    double k = target.nearest(value);
    if (k == 0 || value == 0 || Math.signum(k) != Math.signum(value)) {
      return k == value ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(Math.log(value / k));
  }

  /** Judges {@code a} against every target of {@code key}, keeping the best. */
  static Evaluation best(Amount a, NumericKey key) {
    Tiers.Tolerance tol = new Tiers.Tolerance(key.tolerance(), key.sigfigs(), key.partialWithin());
    Evaluation best = null;
    for (KeyTarget t : key.targets()) {
      Fit fit = Fit.of(a, t);
      if (fit == Fit.MISMATCH) {
        continue;
      }
      Evaluation e = judge(a, t, fit, tol, 1.0, false);
      if (fit == Fit.UNITLESS && t.unit().percent()) {
        Evaluation asFraction = judge(a, t, fit, tol, 100.0, true);
        if (better(asFraction, e)) {
          e = asFraction;
        }
      }
      if (best == null || better(e, best)) {
        best = e;
      }
    }
    return best;
  }

  private static Evaluation judge(
      Amount a, KeyTarget t, Fit fit, Tiers.Tolerance tol, double scale, boolean frac) {
    double lo = fit.toKeyUnit(a.low(), a, t) * scale;
    double hi = fit.toKeyUnit(a.high(), a, t) * scale;
    double mid = fit.toKeyUnit(a.value(), a, t) * scale;
    Verdict v =
        a.isRange()
            ? Tiers.decideRange(t.low(), t.high(), lo, hi, mid, tol, !Fit.physical(t.unit()))
            : Tiers.decide(t.low(), t.high(), mid, tol);
    return new Evaluation(v, t, fit, mid, lo, hi, frac);
  }

  private static boolean better(Evaluation a, Evaluation b) {
    if (a.verdict() != b.verdict()) {
      return a.verdict().ordinal() < b.verdict().ordinal();
    }
    return a.distance() < b.distance();
  }
}
