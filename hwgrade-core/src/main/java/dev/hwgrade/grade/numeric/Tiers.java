package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decides the tier of a value against a key value or range: correct within the relative tolerance
 * or when it rounds to the key's significant figures, partially correct within the partial factor,
 * else incorrect. Moving a value further from the key on either side never raises its tier.
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
    if (withinTolerance(low, high, value, t) || sameFigures(low, high, value, t.sigfigs())) {
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
   * band, or its middle is correct and it is narrow; partially correct when it reaches the correct
   * band or its middle is partially correct; otherwise as its middle. For an estimate (tokens,
   * FLOPs, dollars, a pure number) narrow means its ends within a factor 2; for a measured physical
   * quantity ({@code 2.5 m/s}) a range wider than the tolerance does not commit to the value: 2 to
   * 3 m/s is no answer to 2.5 m/s at 5%.
   *
   * @param estimate true when the key is an estimate rather than a physical quantity
   */
  public static Verdict decideRange(
      double low,
      double high,
      double rLow,
      double rHigh,
      double middle,
      Tolerance t,
      boolean estimate) {
    Verdict lo = decide(low, high, rLow, t);
    Verdict hi = decide(low, high, rHigh, t);
    Verdict mid = decide(low, high, middle, t);
    if (lo == Verdict.CORRECT && hi == Verdict.CORRECT) {
      return Verdict.CORRECT;
    }
    double tight = (1 + t.relative()) * (1 + t.relative());
    double spread = estimate ? Math.max(2, tight) : tight;
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

  /**
   * Within the relative tolerance. With significant figures and no tolerance, only the figures
   * decide: a fixed slack would swamp a band of 10^-9 at nine figures.
   */
  private static boolean withinTolerance(double low, double high, double value, Tolerance t) {
    if (t.sigfigs() != null && t.relative() == 0) {
      return value >= low && value <= high;
    }
    // EPS keeps a value written exactly at a boundary (3.3e-18 against 3.3e-19 with a factor 10)
    // from falling out through binary rounding
    double slackLow = (t.relative() + EPS) * Math.abs(low);
    double slackHigh = (t.relative() + EPS) * Math.abs(high);
    return value >= low - slackLow && value <= high + slackHigh;
  }

  /**
   * True when {@code value} rounded to {@code sigfigs} significant figures equals the key (or an
   * end of a key range) rounded the same way. Rounding is half-up (half away from zero) on the
   * decimal value, so 0.04985 at 3 figures is 0.0499 and 2.45 at 2 figures is 2.5; the values are
   * first rounded to 12 figures so that binary noise from a unit conversion (2.4499999999999997)
   * does not decide a half case.
   */
  static boolean sameFigures(double low, double high, double value, Integer sigfigs) {
    if (sigfigs == null) {
      return false;
    }
    BigDecimal v = rounded(value, sigfigs);
    return v.compareTo(rounded(low, sigfigs)) == 0
        || high != low && v.compareTo(rounded(high, sigfigs)) == 0;
  }

  /** {@code x} rounded half-up to {@code figures} significant figures. */
  public static BigDecimal rounded(double x, int figures) {
    BigDecimal clean = BigDecimal.valueOf(x).round(new MathContext(Math.max(12, figures + 1)));
    return clean.round(new MathContext(figures, RoundingMode.HALF_UP));
  }
}
