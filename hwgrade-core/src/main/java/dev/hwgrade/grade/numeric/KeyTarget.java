package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.Magnitudes;
import dev.hwgrade.quantity.QuantityUnit;

/**
 * One accepted value of a numeric key: a number or a range, in a unit.
 *
 * @param low the value, or the low end of a range
 * @param high the same as {@code low}, or the high end of a range
 * @param unit the key's unit ({@link QuantityUnit#NONE} when it gives none)
 * @param text the key as written
 * @param numerator the part of the unit above the line ({@code $} for {@code $/year}), or null
 * @param display the key as explanations show it: {@code 2.4 MB/token}, {@code 150,000–200,000
 *     tokens}; formatted once, since every grade against the key shows it
 */
public record KeyTarget(
    double low,
    double high,
    QuantityUnit unit,
    String text,
    QuantityUnit numerator,
    String display) {

  /** A target shown as {@link #display(double, double, QuantityUnit)} writes it. */
  public KeyTarget(
      double low, double high, QuantityUnit unit, String text, QuantityUnit numerator) {
    this(low, high, unit, text, numerator, display(low, high, unit));
  }

  public boolean isRange() {
    return low != high;
  }

  /** The value, or the end of the range nearest to {@code v}. */
  public double nearest(double v) {
    if (!isRange()) {
      return low;
    }
    return v < low ? low : v > high ? high : v;
  }

  /** The key as explanations show it: {@code 2.4 MB/token}, {@code 150,000–200,000 tokens}. */
  private static String display(double low, double high, QuantityUnit unit) {
    if (low != high) {
      String hi = Magnitudes.withUnitExact(high, unit);
      return (hi.startsWith("$") ? "$" : "") + Magnitudes.formatExact(low) + "–" + hi;
    }
    return Magnitudes.withUnitExact(low, unit);
  }
}
