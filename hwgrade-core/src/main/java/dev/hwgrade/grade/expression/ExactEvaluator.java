package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Percent;
import dev.hwgrade.latex.MathNode.Pow;
import java.math.BigInteger;

/**
 * Evaluates expressions made only of numbers, arithmetic, integer powers, factorials, binomials and
 * perfect-square roots to an exact fraction, so {@code 1/2004!} and {@code 1/2006!} stay different.
 * Returns null for anything else (symbols, irrational values, results too large).
 */
final class ExactEvaluator {
  private static final int MAX_BITS = 200_000;
  private static final int MAX_FACTORIAL = 5_000;
  private static final int MAX_EXPONENT = 20_000;

  private ExactEvaluator() {}

  static Rational eval(MathNode node) {
    try {
      return exact(node);
    } catch (ArithmeticException | TooLarge e) {
      return null;
    }
  }

  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static Rational check(Rational r) {
    if (r != null && r.bits() > MAX_BITS) {
      throw new TooLarge();
    }
    return r;
  }

  private static Rational exact(MathNode node) {
    if (node instanceof Num n) {
      return Rational.of(n.value());
    }
    if (node instanceof Neg n) {
      Rational r = exact(n.operand());
      return r == null ? null : r.negate();
    }
    if (node instanceof Percent p) {
      return exact(p.value());
    }
    if (node instanceof Add a) {
      Rational sum = Rational.ZERO;
      for (MathNode t : a.terms()) {
        Rational r = exact(t);
        if (r == null) {
          return null;
        }
        sum = check(sum.plus(r));
      }
      return sum;
    }
    if (node instanceof Mul m) {
      Rational product = Rational.ONE;
      for (MathNode f : m.factors()) {
        Rational r = exact(f);
        if (r == null) {
          return null;
        }
        product = check(product.times(r));
      }
      return product;
    }
    if (node instanceof Div d) {
      Rational n = exact(d.numerator());
      Rational q = n == null ? null : exact(d.denominator());
      return q == null ? null : check(n.divide(q));
    }
    if (node instanceof Pow p) {
      return power(p);
    }
    if (node instanceof Call c) {
      return call(c);
    }
    return null;
  }

  private static Rational power(Pow p) {
    Rational base = exact(p.base());
    Rational exponent = base == null ? null : exact(p.exponent());
    if (exponent == null) {
      return null;
    }
    if (exponent.isInteger()) {
      BigInteger e = exponent.num();
      if (e.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0
          || (long) base.bits() * e.abs().longValue() > 4L * MAX_BITS) {
        throw new TooLarge();
      }
      int k = e.intValue();
      Rational r = Rational.of(base.num().pow(Math.abs(k)), base.den().pow(Math.abs(k)));
      return check(k < 0 ? Rational.ONE.divide(r) : r);
    }
    if (exponent.den().equals(BigInteger.TWO) && base.num().signum() >= 0) {
      Rational root = squareRoot(base);
      return root == null ? null : powerOfRoot(root, exponent.num());
    }
    return null;
  }

  private static Rational powerOfRoot(Rational root, BigInteger numerator) {
    if (numerator.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
      throw new TooLarge();
    }
    int k = numerator.intValue();
    Rational r = Rational.of(root.num().pow(Math.abs(k)), root.den().pow(Math.abs(k)));
    return check(k < 0 ? Rational.ONE.divide(r) : r);
  }

  private static Rational squareRoot(Rational r) {
    BigInteger n = r.num().sqrt();
    BigInteger d = r.den().sqrt();
    return n.multiply(n).equals(r.num()) && d.multiply(d).equals(r.den())
        ? Rational.of(n, d)
        : null;
  }

  private static Rational call(Call c) {
    switch (c.function()) {
      case "factorial":
        {
          Rational n = exact(c.args().get(0));
          if (n == null || !n.isInteger() || n.num().signum() < 0) {
            return null;
          }
          if (n.num().compareTo(BigInteger.valueOf(MAX_FACTORIAL)) > 0) {
            throw new TooLarge();
          }
          BigInteger f = BigInteger.ONE;
          for (int i = 2; i <= n.num().intValue(); i++) {
            f = f.multiply(BigInteger.valueOf(i));
          }
          return Rational.of(f, BigInteger.ONE);
        }
      case "sqrt":
        {
          Rational x = exact(c.args().get(0));
          return x == null || x.num().signum() < 0 ? null : squareRoot(x);
        }
      case "abs":
        {
          Rational x = exact(c.args().get(0));
          return x == null ? null : x.num().signum() < 0 ? x.negate() : x;
        }
      case "binom":
        {
          Rational n = exact(c.args().get(0));
          Rational k = n == null ? null : exact(c.args().get(1));
          if (k == null
              || !n.isInteger()
              || !k.isInteger()
              || k.num().signum() < 0
              || k.num().compareTo(BigInteger.valueOf(MAX_FACTORIAL)) > 0) {
            return null;
          }
          Rational r = Rational.ONE;
          for (int i = 0; i < k.num().intValue(); i++) {
            r =
                check(
                    r.times(
                        Rational.of(
                            n.num().subtract(BigInteger.valueOf(i)), BigInteger.valueOf(i + 1))));
          }
          return r;
        }
      default:
        return null;
    }
  }
}
