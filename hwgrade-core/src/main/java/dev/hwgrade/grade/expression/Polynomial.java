package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Pow;
import dev.hwgrade.latex.MathNode.Sym;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expanded form of a polynomial with exact rational coefficients, {@code 4k(m+l)} → {@code 4kl
 * + 4km}: an exact check for polynomial answers and the words of an explanation ("both expand to
 * …"). Anything that is not a polynomial of commuting symbols gives null.
 */
final class Polynomial {
  private static final int MAX_TERMS = 200;
  private static final int MAX_DEGREE = 40;

  /** Monomial (sorted symbol → power, written {@code k·l^2}) → coefficient. */
  private final TreeMap<String, Rational> terms;

  private Polynomial(TreeMap<String, Rational> terms) {
    this.terms = terms;
  }

  /** The expansion of {@code n}, or null when it is not a polynomial of reasonable size. */
  static Polynomial of(MathNode n) {
    try {
      return expand(n);
    } catch (ArithmeticException | IllegalStateException e) {
      return null;
    }
  }

  private static Polynomial constant(Rational r) {
    TreeMap<String, Rational> t = new TreeMap<>();
    if (r.num().signum() != 0) {
      t.put("", r);
    }
    return new Polynomial(t);
  }

  private static Polynomial expand(MathNode n) {
    if (n instanceof Num num) {
      return constant(Rational.of(num.value()));
    }
    if (n instanceof Sym s) {
      if (Nodes.CONSTANTS.contains(s.name())) {
        return null;
      }
      TreeMap<String, Rational> t = new TreeMap<>();
      t.put(s.name() + "^1", Rational.ONE);
      return new Polynomial(t);
    }
    if (n instanceof Neg g) {
      Polynomial p = expand(g.operand());
      return p == null ? null : p.times(constant(Rational.ONE.negate()));
    }
    if (n instanceof Add a) {
      Polynomial sum = constant(Rational.ZERO);
      for (MathNode t : a.terms()) {
        Polynomial p = expand(t);
        if (p == null) {
          return null;
        }
        sum = sum.plus(p);
      }
      return sum;
    }
    if (n instanceof Mul m) {
      Polynomial product = constant(Rational.ONE);
      for (MathNode f : m.factors()) {
        Polynomial p = expand(f);
        if (p == null) {
          return null;
        }
        product = product.times(p);
      }
      return product;
    }
    if (n instanceof Div d) {
      Rational den = ExactEvaluator.eval(d.denominator());
      Polynomial num = den == null || den.num().signum() == 0 ? null : expand(d.numerator());
      return num == null ? null : num.times(constant(Rational.ONE.divide(den)));
    }
    if (n instanceof Pow p) {
      Rational e = ExactEvaluator.eval(p.exponent());
      if (e == null
          || !e.isInteger()
          || e.num().signum() < 0
          || e.num().compareTo(BigInteger.valueOf(MAX_DEGREE)) > 0) {
        return null;
      }
      Polynomial base = expand(p.base());
      if (base == null) {
        return null;
      }
      Polynomial r = constant(Rational.ONE);
      for (int i = 0; i < e.num().intValue(); i++) {
        r = r.times(base);
      }
      return r;
    }
    return null;
  }

  private Polynomial plus(Polynomial o) {
    TreeMap<String, Rational> t = new TreeMap<>(terms);
    for (Map.Entry<String, Rational> e : o.terms.entrySet()) {
      Rational sum = t.getOrDefault(e.getKey(), Rational.ZERO).plus(e.getValue());
      if (sum.num().signum() == 0) {
        t.remove(e.getKey());
      } else {
        t.put(e.getKey(), sum);
      }
    }
    return checked(t);
  }

  private Polynomial times(Polynomial o) {
    Polynomial result = constant(Rational.ZERO);
    for (Map.Entry<String, Rational> a : terms.entrySet()) {
      TreeMap<String, Rational> t = new TreeMap<>();
      for (Map.Entry<String, Rational> b : o.terms.entrySet()) {
        t.merge(multiply(a.getKey(), b.getKey()), a.getValue().times(b.getValue()), Rational::plus);
      }
      result = result.plus(checked(t));
    }
    return result;
  }

  private static Polynomial checked(TreeMap<String, Rational> t) {
    if (t.size() > MAX_TERMS) {
      throw new IllegalStateException("too many terms");
    }
    return new Polynomial(t);
  }

  /** Multiplies two monomials written {@code a^1·b^2}. */
  private static String multiply(String x, String y) {
    TreeMap<String, Integer> powers = new TreeMap<>();
    for (String m : new String[] {x, y}) {
      if (m.isEmpty()) {
        continue;
      }
      for (String factor : m.split("·")) {
        int at = factor.lastIndexOf('^');
        powers.merge(
            factor.substring(0, at), Integer.parseInt(factor.substring(at + 1)), Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    powers.forEach(
        (s, p) -> {
          if (p > MAX_DEGREE * 2) {
            throw new IllegalStateException("degree too high");
          }
          parts.add(s + "^" + p);
        });
    return String.join("·", parts);
  }

  boolean isMonomial() {
    return terms.size() <= 1;
  }

  boolean isConstant() {
    return terms.isEmpty() || terms.size() == 1 && terms.containsKey("");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polynomial p && p.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** Reads like {@code 4kl + 4km}. */
  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Rational> e : terms.descendingMap().entrySet()) {
      Rational c = e.getValue();
      boolean negative = c.num().signum() < 0;
      Rational abs = negative ? c.negate() : c;
      sb.append(sb.length() == 0 ? (negative ? "-" : "") : negative ? " - " : " + ");
      String monomial = monomial(e.getKey());
      boolean one = abs.equals(Rational.ONE);
      if (monomial.isEmpty()) {
        sb.append(abs);
      } else {
        sb.append(one ? "" : abs.isInteger() ? abs.toString() : "(" + abs + ")").append(monomial);
      }
    }
    return sb.toString();
  }

  private static String monomial(String key) {
    if (key.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String factor : key.split("·")) {
      int at = factor.lastIndexOf('^');
      String name = factor.substring(0, at);
      String power = factor.substring(at + 1);
      if (sb.length() > 0
          && (name.length() > 1
              || sb.charAt(sb.length() - 1) == '}'
              || Character.isDigit(sb.charAt(sb.length() - 1)))) {
        sb.append('·');
      }
      sb.append(name).append(power.equals("1") ? "" : "^" + power);
    }
    return sb.toString();
  }
}
