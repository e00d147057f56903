package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Verdict;

/**
 * Decides the tier of a value against a key value or range: correct within the relative tolerance
 * (or the significant figures), partially correct within the partial factor, else incorrect. Moving
 * a value further from the key on either side never raises its tier.
 */
public final class Tiers {
  private Tiers() {}

  private static final double EPS = 1e-9;

  /**
   * How close counts.
   *
   * @param relative relative error still correct
   * @param sigfigs significant figures that must agree, or null
   * @param partialWithin factor within which a value is partially correct, or null for none
   */
  public record Tolerance(double relative, Integer sigfigs, Double partialWithin) {}

  /** The tier of {@code value} against the key {@code [low, high]} (a point when equal). */
  public static Verdict decide(double low, double high, double value, Tolerance t) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Verdict.INCORRECT;
    }
    // EPS keeps a value written exactly at a boundary (3.3e-18 against 3.3e-19 with a factor 10)
    // from falling out through binary rounding
    double slackLow =
        Math.max(t.relative() * Math.abs(low), sigfigSlack(low, t.sigfigs())) + EPS * Math.abs(low);
    double slackHigh =
        Math.max(t.relative() * Math.abs(high), sigfigSlack(high, t.sigfigs()))
            + EPS * Math.abs(high);
    if (value >= low - slackLow && value <= high + slackHigh) {
      return Verdict.CORRECT;
    }
    Double f = t.partialWithin();
    if (f == null || low == 0 || high == 0 || Math.signum(low) != Math.signum(high)) {
      return Verdict.INCORRECT;
    }
    if (Math.signum(value) != Math.signum(low)) {
      return Verdict.INCORRECT;
    }
    double a = Math.min(Math.abs(low), Math.abs(high));
    double b = Math.max(Math.abs(low), Math.abs(high));
    double v = Math.abs(value);
    return v >= a / f * (1 - EPS) && v <= b * f * (1 + EPS)
        ? Verdict.PARTIALLY_CORRECT
        : Verdict.INCORRECT;
  }

  /**
   * The tier of a response range {@code [rLow, rHigh]}: correct when it lies inside the correct
   * band, or its middle is correct and it is narrow (its ends within a factor 2); partially correct
   * when it reaches the correct band or its middle is partially correct; otherwise as its middle.
   */
  public static Verdict decideRange(
      double low, double high, double rLow, double rHigh, double middle, Tolerance t) {
    Verdict lo = decide(low, high, rLow, t);
    Verdict hi = decide(low, high, rHigh, t);
    Verdict mid = decide(low, high, middle, t);
    if (lo == Verdict.CORRECT && hi == Verdict.CORRECT) {
      return Verdict.CORRECT;
    }
    double spread = Math.max(2, (1 + t.relative()) * (1 + t.relative()));
    boolean narrow = rLow > 0 && rHigh <= spread * rLow || rHigh < 0 && rLow >= spread * rHigh;
    if (mid == Verdict.CORRECT && narrow) {
      return Verdict.CORRECT;
    }
    boolean overlaps =
        rLow <= high && rHigh >= low || lo == Verdict.CORRECT || hi == Verdict.CORRECT;
    if (overlaps || mid == Verdict.PARTIALLY_CORRECT) {
      return t.partialWithin() == null ? Verdict.INCORRECT : Verdict.PARTIALLY_CORRECT;
    }
    return mid;
  }

  private static double sigfigSlack(double key, Integer sigfigs) {
    if (sigfigs == null || key == 0) {
      return 0;
    }
    double exp = Math.floor(Math.log10(Math.abs(key)));
    return 0.5 * Math.pow(10, exp - sigfigs + 1) * (1 + 1e-9);
  }
}
