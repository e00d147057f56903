package dev.hwgrade.quantity;

import javax.measure.Dimension;
import javax.measure.Unit;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.UnitDimension;

/**
 * A unit as a response wrote it, split into what is measured ({@code MB}, {@code $}, {@code
 * FLOP/s}) and what is counted ({@code per 1M tokens}, {@code GPU}), so that {@code $0.42} can be
 * compared with a key in dollars per million tokens by adopting the key's count. Conversion factors
 * to Indriya's system units are computed once, when the unit is built.
 *
 * @param label the unit as it is shown, e.g. {@code MB/token}
 * @param measured the measured part, an Indriya unit
 * @param counted the counted part, an Indriya unit ({@code ONE} when nothing is counted)
 * @param measuredFactor factor from {@code measured} to its system unit
 * @param countedFactor factor from {@code counted} to its system unit
 * @param percent true for {@code %}: the value is shown as a percentage
 * @param measuredDimension the dimension of {@code measured}, computed once: Indriya builds it
 *     afresh on every call
 * @param countedDimension the dimension of {@code counted}, computed once
 * @param offset the system value of zero in this unit: 273.15 for °C, 255.37 for °F, 0 for every
 *     unit without an offset
 */
public record QuantityUnit(
    String label,
    Unit<?> measured,
    Unit<?> counted,
    double measuredFactor,
    double countedFactor,
    boolean percent,
    Dimension measuredDimension,
    Dimension countedDimension,
    double offset) {

  /** A pure number with no unit written. */
  public static final QuantityUnit NONE = build("", AbstractUnit.ONE, AbstractUnit.ONE, false);

  /** Per cent: a pure number scaled by 1/100. */
  public static final QuantityUnit PERCENT =
      build("%", AbstractUnit.ONE.multiply(0.01), AbstractUnit.ONE, true);

  /** The dimension of a unit no system reads: it matches no other unit. */
  private static final Dimension UNREAD = UnitDimension.parse('\uE004');

  private static final Unit<?> UNREAD_UNIT =
      new tech.units.indriya.unit.BaseUnit<>("?", "unread", UNREAD);

  /** Builds a unit, computing its conversion factors. */
  public static QuantityUnit build(
      String label, Unit<?> measured, Unit<?> counted, boolean percent) {
    double[] m = systemConversion(measured);
    double[] c = systemConversion(counted);
    return new QuantityUnit(
        label,
        measured,
        counted,
        m[0],
        c[0],
        percent,
        measured.getDimension(),
        counted.getDimension(),
        m[1]);
  }

  /**
   * A unit written with a number that no unit system reads, such as {@code hh} or {@code N*zz}:
   * kept, never dropped, so that the grader can say what it could not read.
   *
   * @param text the unit as written
   */
  public static QuantityUnit unread(String text) {
    QuantityUnit u = UNREAD_TEMPLATE;
    return new QuantityUnit(
        text,
        u.measured,
        u.counted,
        u.measuredFactor,
        u.countedFactor,
        u.percent,
        u.measuredDimension,
        u.countedDimension,
        u.offset);
  }

  /** Every unread unit but its label: its conversions are computed once. */
  private static final QuantityUnit UNREAD_TEMPLATE =
      build("?", UNREAD_UNIT, AbstractUnit.ONE, false);

  /** True for a unit that was written but could not be read. */
  public boolean isUnread() {
    return measuredDimension.equals(UNREAD);
  }

  /** The factor and the offset to the system unit: °C → K is (1, 273.15). */
  private static double[] systemConversion(Unit<?> u) {
    try {
      javax.measure.UnitConverter c = u.getConverterToAny(u.getSystemUnit());
      double zero = c.convert(0.0);
      double factor = c.convert(1.0) - zero;
      return new double[] {factor, Math.abs(zero) < 1e-300 ? 0.0 : zero};
    } catch (javax.measure.IncommensurableException e) {
      throw new IllegalStateException("unit " + u + " has no system conversion", e);
    }
  }

  /**
   * {@code x} in this unit, written in {@code other} (same dimension): {@code 25} °C is {@code
   * 298.15} K. Offsets count only for a temperature written alone, not inside a compound unit.
   */
  public double convertTo(double x, QuantityUnit other) {
    return (x * factor() * turnsTo(other) + offset - other.offset) / other.factor();
  }

  /**
   * A revolution is 2π radians, and the unit systems count radians as pure numbers, so {@code rpm}
   * would be 2π/60 Hz. But a revolution is one cycle: 30 rpm is 0.5 Hz, while 3000 rpm is 314
   * rad/s. Between a rate in revolutions and a rate written with no angle at all ({@code Hz},
   * {@code s^-1}), the 2π is taken out again.
   */
  private double turnsTo(QuantityUnit other) {
    if (countsTurns() && other.isPlainRate()) {
      return 1 / (2 * Math.PI);
    }
    if (isPlainRate() && other.countsTurns()) {
      return 2 * Math.PI;
    }
    return 1;
  }

  private static final java.util.regex.Pattern TURNS =
      java.util.regex.Pattern.compile("(?i)rpm|rev|turn");

  private static final java.util.regex.Pattern ANGLE =
      java.util.regex.Pattern.compile("(?i)rpm|rev|turn|rad|deg|°|º|cycle");

  private static final Dimension PER_TIME = tech.units.indriya.unit.Units.HERTZ.getDimension();

  private static final java.util.regex.Pattern RADIANS = java.util.regex.Pattern.compile("(?i)rad");

  /**
   * True when one unit is an angular frequency ({@code rad/s}) and the other a frequency in cycles
   * ({@code Hz}): the same dimension, but ω = 2πf, so the same number in each names different rates
   * ({@code 1.6 krad/s} is 255 Hz, not 1.6 kHz).
   */
  public boolean angularAgainstCycles(QuantityUnit other) {
    return isAngularRate() && other.isPlainRate() || isPlainRate() && other.isAngularRate();
  }

  /** A rate written in radians ({@code rad/s}), not in revolutions. */
  public boolean isAngularRate() {
    return measuredDimension.equals(PER_TIME)
        && RADIANS.matcher(label).find()
        && !TURNS.matcher(label).find();
  }

  private boolean countsTurns() {
    return measuredDimension.equals(PER_TIME) && TURNS.matcher(label).find();
  }

  private boolean isPlainRate() {
    return measuredDimension.equals(PER_TIME) && !ANGLE.matcher(label).find();
  }

  /** The whole unit: measured times counted. */
  public Unit<?> unit() {
    return measured.multiply(counted);
  }

  /** Factor from this unit to the system unit of its dimension. */
  public double factor() {
    return measuredFactor * countedFactor;
  }

  /** True when nothing is measured or counted ({@code 3}, {@code 40%}, {@code 120x}). */
  public boolean isDimensionless() {
    return measuredDimension.equals(UnitDimension.NONE)
        && countedDimension.equals(UnitDimension.NONE);
  }

  /** True when this is no unit at all, as in a bare number. */
  public boolean isNone() {
    return label.isEmpty();
  }

  /** True when both the measured and the counted dimensions agree. */
  public boolean sameDimension(QuantityUnit other) {
    return measuredDimension().equals(other.measuredDimension())
        && countedDimension().equals(other.countedDimension());
  }

  /** True when the measured dimensions agree, whatever is counted. */
  public boolean sameMeasuredDimension(QuantityUnit other) {
    return measuredDimension().equals(other.measuredDimension());
  }

  /** Factor taking a value in this unit to {@code other}; both must have the same dimension. */
  public double factorTo(QuantityUnit other) {
    return factor() * turnsTo(other) / other.factor();
  }

  /** Factor taking a value in this unit's measured part to {@code other}'s measured part. */
  public double measuredFactorTo(QuantityUnit other) {
    return measuredFactor / other.measuredFactor;
  }

  @Override
  public String toString() {
    return label;
  }
}
