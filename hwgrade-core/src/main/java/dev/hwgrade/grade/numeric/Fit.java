package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.QuantityUnit;

/** How a quantity's unit relates to the key's, best first; decides how its value is read. */
enum Fit {
  /** Same dimension: convert. */
  EXACT(5),
  /**
   * Same measured dimension, nothing counted ({@code $0.42} for $ per 1M tokens): adopt the key's
   * count.
   */
  COUNT_ADOPTED(4),
  /** The key has no unit and the response counts something ({@code 6 billion books}). */
  BARE_COUNT(4),
  /** The unit above the key's line ({@code $} for {@code $/year}): adopt the key's "per". */
  PER_ADOPTED(3),
  /** Same measured dimension, different counts ({@code MB/layer} for {@code MB/token}). */
  COUNT_DIFFERS(3),
  /** No unit written: read in the key's unit. */
  UNITLESS(2),
  /** The key has no unit but the response measures something: only the written number compares. */
  KEY_HAS_NO_UNIT(1),
  /** Another dimension. */
  MISMATCH(0);

  final int rank;

  Fit(int rank) {
    this.rank = rank;
  }

  static Fit of(Amount a, KeyTarget target) {
    Fit f = of(a, target.unit());
    if (f == MISMATCH
        && target.numerator() != null
        && a.unit().sameDimension(target.numerator())
        && !physical(target.numerator())) {
      return PER_ADOPTED;
    }
    return f;
  }

  static Fit of(Amount a, QuantityUnit key) {
    QuantityUnit u = a.unit();
    if (key.isNone()) {
      if (u.isDimensionless()) {
        return EXACT;
      }
      return u.measuredDimension().equals(QuantityUnit.NONE.measuredDimension())
          ? BARE_COUNT
          : KEY_HAS_NO_UNIT;
    }
    if (u.isNone()) {
      return UNITLESS;
    }
    if (u.sameDimension(key)) {
      return u.angularAgainstCycles(key) ? MISMATCH : EXACT;
    }
    if (u.sameMeasuredDimension(key)
        && !u.measuredDimension().equals(QuantityUnit.NONE.measuredDimension())) {
      return u.countedDimension().equals(QuantityUnit.NONE.countedDimension())
          ? COUNT_ADOPTED
          : COUNT_DIFFERS;
    }
    return MISMATCH;
  }

  /**
   * True when a unit measures a physical quantity (length, mass, time…) rather than money,
   * information or compute: {@code 5 m} for a key in m/s names another quantity and is not read
   * "per second", while {@code $45k} for a key in $/year is a salary whose "per year" went unsaid.
   */
  static boolean physical(QuantityUnit u) {
    java.util.Map<? extends javax.measure.Dimension, Integer> base =
        u.measuredDimension().getBaseDimensions();
    if (base == null) {
      return isPhysicalBase(u.measuredDimension());
    }
    for (javax.measure.Dimension d : base.keySet()) {
      if (isPhysicalBase(d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPhysicalBase(javax.measure.Dimension d) {
    return !(d.equals(dev.hwgrade.quantity.UnitCatalog.MONEY)
        || d.equals(dev.hwgrade.quantity.UnitCatalog.INFORMATION)
        || d.equals(dev.hwgrade.quantity.UnitCatalog.COMPUTE)
        || d.equals(tech.units.indriya.unit.UnitDimension.NONE));
  }

  /** {@code x}, a value written in {@code a}'s unit, in the key's unit. */
  double toKeyUnit(double x, Amount a, KeyTarget target) {
    QuantityUnit key = target.unit();
    switch (this) {
      case PER_ADOPTED:
        return x * a.unit().factorTo(target.numerator());
      case EXACT:
        return a.unit().convertTo(x, key);
      case COUNT_ADOPTED:
      case COUNT_DIFFERS:
        return x * a.unit().measuredFactorTo(key);
      case BARE_COUNT:
        return x * a.unit().factor();
      default:
        return x;
    }
  }
}
