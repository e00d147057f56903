package dev.hwgrade.analyze;

import java.util.Locale;

/** Formats shares the way the reports print them. */
public final class Percent {
  private Percent() {}

  /** {@code 0.9411} → {@code 94.1%}; NaN → {@code n/a}. */
  public static String of(double share) {
    if (Double.isNaN(share)) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%.1f", share * 100);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s + "%";
  }

  /** {@code count of total} as a share. */
  public static String of(int count, int total) {
    return total == 0 ? "n/a" : of((double) count / total);
  }
}
