package dev.hwgrade.quantity;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats numbers for explanations: three significant figures, powers of ten when large. Rounding
 * is half up on the number's decimal form ({@link BigDecimal}); a value clearly away from a
 * rounding tie is rounded in {@code double} arithmetic instead, which gives the same digits at a
 * fraction of the cost — every grade formats several numbers.
 */
public final class Magnitudes {
  private Magnitudes() {}

  /** 10^0 … 10^22: every power of ten a {@code double} holds exactly. */
  private static final double[] TEN = new double[23];

  static {
    TEN[0] = 1;
    for (int i = 1; i < TEN.length; i++) {
      TEN[i] = TEN[i - 1] * 10;
    }
  }

  /**
   * How close to a rounding tie a scaled value may come before the fast rounding defers to {@link
   * BigDecimal}: far above the error of one {@code double} operation on values below 10^10.
   */
  private static final double TIE_MARGIN = 1e-5;

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
    if (a >= 1e-3 && a < 1e7) {
      long n = roundedDigits(a, digits);
      if (n > 0) {
        int scale = digits - 1 - (int) Math.floor(Math.log10(a));
        if (scale < 0) {
          return grouped((v < 0 ? -n : n) * (long) TEN[-scale]);
        }
        long whole = n / (long) TEN[scale];
        if (whole >= 1000) {
          return grouped(v < 0 ? -whole : whole);
        }
        return plain(v < 0, n, scale);
      }
    } else {
      int exp = (int) Math.floor(Math.log10(a));
      double mant = v / Math.pow(10, exp);
      if (Double.isFinite(mant) && mant != 0) {
        double am = Math.abs(mant);
        long n = am >= 1 && am < 10 ? roundedDigits(am, digits) : -1;
        if (n > 0 && n < (long) TEN[digits]) {
          String ms = plain(mant < 0, n, digits - 1);
          return (ms.equals("1") ? "" : ms.equals("-1") ? "-" : ms + "×") + "10^" + exp;
        }
      }
    }
    return formatDecimal(v, digits);
  }

  /** {@link #format(double, int)} through {@link BigDecimal}: the reference, and the fallback. */
  static String formatDecimal(double v, int digits) {
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

  /**
   * {@code a} (positive, finite, not zero) rounded half up to {@code digits} significant figures,
   * as the integer of those figures ({@code 2.456} to 3 figures is 246), or -1 when {@code a} lies
   * too close to a rounding tie, or to a power of ten, for {@code double} arithmetic to decide. The
   * figures are those of {@code a}'s exact value and, away from a tie, equally those of its
   * shortest decimal form.
   */
  private static long roundedDigits(double a, int digits) {
    int scale = digits - 1 - (int) Math.floor(Math.log10(a));
    if (Math.abs(scale) >= TEN.length) {
      return -1;
    }
    double y = scale >= 0 ? a * TEN[scale] : a / TEN[-scale];
    if (y < TEN[digits - 1] || y >= TEN[digits]) {
      return -1; // log10 was off by one next to a power of ten
    }
    double floor = Math.floor(y);
    double frac = y - floor;
    if (Math.abs(frac - 0.5) < TIE_MARGIN) {
      return -1;
    }
    return (long) floor + (frac > 0.5 ? 1 : 0);
  }

  /**
   * The plain decimal {@code n × 10^-scale} without trailing zeros, as {@link
   * BigDecimal#toPlainString()} writes it after {@link BigDecimal#stripTrailingZeros()}.
   */
  private static String plain(boolean negative, long n, int scale) {
    String digits = Long.toString(n);
    StringBuilder b = new StringBuilder(digits.length() + scale + 3);
    if (negative) {
      b.append('-');
    }
    int point = digits.length() - scale;
    if (point <= 0) {
      b.append("0.");
      for (int i = point; i < 0; i++) {
        b.append('0');
      }
      b.append(digits);
    } else {
      b.append(digits, 0, point);
      if (point < digits.length()) {
        b.append('.').append(digits, point, digits.length());
      }
    }
    int end = b.length();
    if (b.indexOf(".") >= 0) {
      while (b.charAt(end - 1) == '0') {
        end--;
      }
      if (b.charAt(end - 1) == '.') {
        end--;
      }
    }
    b.setLength(end);
    return b.toString();
  }

  /** A ratio such as {@code 3.75} or {@code 6.6}, two decimals below 10, fewer above. */
  public static String ratio(double r) {
    if (r >= 999.5) {
      return format(r);
    }
    if (r >= 1e-3) {
      long n = roundedDigits(r, r < 100 ? 3 : 4);
      if (n > 0) {
        return plain(false, n, (r < 100 ? 3 : 4) - 1 - (int) Math.floor(Math.log10(r)));
      }
    }
    return ratioDecimal(r);
  }

  /** {@link #ratio(double)} through {@link BigDecimal}: the reference, and the fallback. */
  static String ratioDecimal(double r) {
    if (r >= 999.5) {
      return formatDecimal(r, 3);
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
