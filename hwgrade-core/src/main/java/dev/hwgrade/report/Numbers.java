package dev.hwgrade.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounds figures for files, so results do not carry floating-point noise. */
final class Numbers {
  private Numbers() {}

  static Double round(double d, int places) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
