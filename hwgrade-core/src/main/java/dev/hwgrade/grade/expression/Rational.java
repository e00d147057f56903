package dev.hwgrade.grade.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** An exact fraction in lowest terms with a positive denominator. */
record Rational(BigInteger num, BigInteger den) {
  static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  static Rational of(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    return g.equals(BigInteger.ONE) || g.signum() == 0
        ? new Rational(n, d)
        : new Rational(n.divide(g), d.divide(g));
  }

  /**
   * The largest power of ten an exact decimal may carry ({@code 1e-999999999} would need a
   * billion-digit denominator): past it, exact arithmetic refuses before it starts and the caller
   * falls back to floating point.
   */
  static final int MAX_DECIMAL_EXPONENT = 4_000;

  static Rational of(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (Math.abs((long) s.scale()) > MAX_DECIMAL_EXPONENT) {
      throw new ArithmeticException(
          "a number with a power of ten beyond "
              + MAX_DECIMAL_EXPONENT
              + " is not computed exactly");
    }
    return s.scale() <= 0
        ? of(s.toBigIntegerExact(), BigInteger.ONE)
        : of(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
  }

  Rational plus(Rational o) {
    return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  Rational times(Rational o) {
    return of(num.multiply(o.num), den.multiply(o.den));
  }

  Rational negate() {
    return new Rational(num.negate(), den);
  }

  Rational divide(Rational o) {
    return of(num.multiply(o.den), den.multiply(o.num));
  }

  boolean isInteger() {
    return den.equals(BigInteger.ONE);
  }

  int bits() {
    return num.bitLength() + den.bitLength();
  }

  BigDecimal toBigDecimal() {
    return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64);
  }

  double toDouble() {
    return toBigDecimal().doubleValue();
  }

  @Override
  public String toString() {
    String n = shorten(num.toString());
    return isInteger() ? n : n + "/" + shorten(den.toString());
  }

  private static String shorten(String digits) {
    return digits.length() <= 24
        ? digits
        : digits.substring(0, 8) + "…(" + digits.length() + " digits)";
  }
}
