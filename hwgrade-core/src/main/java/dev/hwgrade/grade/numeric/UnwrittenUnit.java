package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.QuantityUnit;
import dev.hwgrade.quantity.UnitParser;
import java.util.ArrayList;
import java.util.List;

/**
 * For a bare number that misses, finds the common unit in which it would match the key — {@code
 * 2359296} against {@code 2.4 MB} is right in bytes — and words that as a hypothesis.
 */
final class UnwrittenUnit {
  private UnwrittenUnit() {}

  private static final String[] COMMON = {
    "bit",
    "B",
    "kB",
    "MB",
    "GB",
    "TB",
    "PB",
    "KiB",
    "MiB",
    "GiB",
    "TiB",
    "Mb",
    "Gb",
    "FLOP",
    "GFLOP",
    "TFLOP",
    "PFLOP",
    "EFLOP",
    "PF-days",
    "FLOP/s",
    "GFLOP/s",
    "TFLOP/s",
    "PFLOP/s",
    "s",
    "ms",
    "µs",
    "ns",
    "min",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "J",
    "kJ",
    "MJ",
    "Wh",
    "kWh",
    "MWh",
    "GWh",
    "W",
    "kW",
    "MW",
    "GW",
    "B/s",
    "GB/s",
    "TB/s",
    "Gb/s",
    "$",
    "$/year",
    "$/month",
    "$/day",
    "$/hour",
    "s/token",
    "ms/token",
    "B/token",
    "kB/token",
    "MB/token",
    "GB/token"
  };

  private static final double LIMIT = 0.06;

  /** The common units, read once: {@code UNITS[i]} is {@code COMMON[i]}, or null if unread. */
  private static final class Parsed {
    static final QuantityUnit[] UNITS = new QuantityUnit[COMMON.length];

    static {
      for (int i = 0; i < COMMON.length; i++) {
        UNITS[i] = UnitParser.shared().parse(COMMON[i]).orElse(null);
      }
    }
  }

  /**
   * @param ratio the bare number read in the key's unit, over the key
   * @param keyUnit the key's unit
   */
  static List<Hypothesis> candidates(double ratio, QuantityUnit keyUnit) {
    List<Hypothesis> out = new ArrayList<>();
    if (keyUnit.isNone()) {
      return out;
    }
    for (int i = 0; i < COMMON.length; i++) {
      String spelling = COMMON[i];
      QuantityUnit u = Parsed.UNITS[i];
      if (u == null || !u.sameDimension(keyUnit) || u.label().equals(keyUnit.label())) {
        continue;
      }
      // the number meant in unit u is ratio × key in the key's unit; it matches when u/key =
      // 1/ratio
      double predicted = 1 / u.factorTo(keyUnit);
      double misfit = Math.abs(Math.log(ratio / predicted));
      if (misfit <= LIMIT) {
        out.add(
            new Hypothesis(
                "consistent with a number meant in "
                    + spelling
                    + " rather than the key's "
                    + keyUnit.label()
                    + " (the response writes no unit)",
                misfit - 0.001,
                0));
      }
    }
    if (out.isEmpty()) {
      double r = ratio >= 1 ? ratio : 1 / ratio;
      for (double f :
          new double[] {1e3, 1e6, 1e9, 1e12, 1024, 1048576, 1073741824.0, 3600, 60, 24, 8}) {
        double misfit = Math.abs(Math.log(r / f));
        if (misfit <= LIMIT) {
          out.add(
              new Hypothesis(
                  "consistent with a number meant in another unit than the key's "
                      + keyUnit.label()
                      + " (a factor of "
                      + SimpleFactors.name(f)
                      + "; the response writes no unit)",
                  misfit,
                  f));
        }
      }
    }
    return out;
  }
}
