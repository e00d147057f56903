package dev.hwgrade.quantity;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for explanations: three significant figures, powers of ten when large. */
public final class Magnitudes {
  private Magnitudes() {}

  /** {@code 2.4}, {@code 8,760}, {@code 0.42}, {@code 1.7×10^15}: three significant figures. */
  public static String format(double v) {
    return format(v, 3);
  }

  /**
   * A number as a key gives it: up to ten significant figures, trailing zeros dropped, so that
   * {@code 4096} stays {@code 4,096}.
   */
  public static String formatExact(double v) {
    return format(v, 10);
  }

  private static String format(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    BigDecimal rounded = BigDecimal.valueOf(v).round(new MathContext(digits));
    if (a >= 1e-3 && a < 1e7) {
      BigDecimal plain = rounded.stripTrailingZeros();
      if (plain.scale() < 0) {
        plain = plain.setScale(0);
      }
      if (plain.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
        return grouped(plain.longValue());
      }
      return plain.toPlainString();
    }
    int exp = (int) Math.floor(Math.log10(a));
    double mant = v / Math.pow(10, exp);
    if (!Double.isFinite(mant) || mant == 0) { // a subnormal v: 10^exp underflows to 0
      mant = BigDecimal.valueOf(v).movePointLeft(exp).doubleValue();
    }
    BigDecimal m = BigDecimal.valueOf(mant).round(new MathContext(digits)).stripTrailingZeros();
    if (m.abs().compareTo(BigDecimal.TEN) >= 0) {
      m = m.movePointLeft(1);
      exp++;
    }
    String ms = m.toPlainString();
    return (ms.equals("1") ? "" : ms.equals("-1") ? "-" : ms + "×") + "10^" + exp;
  }

  /** {@code 1179648} as {@code 1,179,648}, without the cost of {@code String.format}. */
  private static String grouped(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      b.append('-');
    }
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }

  /** A ratio such as {@code 3.75} or {@code 6.6}, two decimals below 10, fewer above. */
  public static String ratio(double r) {
    if (r >= 999.5) {
      return format(r);
    }
    BigDecimal b =
        new BigDecimal(r).round(new MathContext(r < 10 ? 3 : r < 100 ? 3 : 4)).stripTrailingZeros();
    if (b.scale() < 0) {
      b = b.setScale(0);
    }
    return b.toPlainString();
  }

  /** A unit's label for reading: {@code $ per 1M tokens} rather than {@code $/(1M tokens)}. */
  public static String label(QuantityUnit unit) {
    String label = unit.label();
    int per = label.indexOf("/(");
    if (per >= 0 && label.endsWith(")") && label.indexOf('·', per) < 0) {
      label = label.substring(0, per) + " per " + label.substring(per + 2, label.length() - 1);
    }
    return label;
  }

  /** A value with its unit label: {@code 2.4 MB/token}, {@code $0.42}, {@code 40%}. */
  public static String withUnit(double v, QuantityUnit unit) {
    return withUnit(format(v), unit);
  }

  /** A key's value with its unit label, in all the figures the key gives. */
  public static String withUnitExact(double v, QuantityUnit unit) {
    return withUnit(formatExact(v), unit);
  }

  private static String withUnit(String number, QuantityUnit unit) {
    String label = label(unit);
    if (label.isEmpty()) {
      return number;
    }
    if (label.equals("%")) {
      return number + "%";
    }
    if (label.startsWith("USD") || label.startsWith("US$")) {
      label = "$" + label.substring(3); // one spelling of dollars in explanations
    }
    if (label.startsWith("$")) {
      String rest = label.substring(1);
      return "$"
          + number
          + (rest.isEmpty()
              ? ""
              : rest.startsWith("/") ? rest : rest.startsWith(" ") ? rest : " " + rest);
    }
    return number + " " + label;
  }
}
