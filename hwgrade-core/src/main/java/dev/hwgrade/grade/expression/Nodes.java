package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Percent;
import dev.hwgrade.latex.MathNode.PlusMinus;
import dev.hwgrade.latex.MathNode.Pow;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import dev.hwgrade.latex.MathNode.Word;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Questions about parsed answers that the comparison asks: free symbols, canonical text, names, ±.
 */
final class Nodes {
  static final Set<String> CONSTANTS = Set.of("pi", "e", "i", "∞");
  private static final int MAX_PLUS_MINUS = 4;

  private Nodes() {}

  /** Symbols that take random values, sorted. */
  static TreeSet<String> freeSymbols(MathNode node) {
    TreeSet<String> out = new TreeSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(MathNode n, Set<String> out) {
    if (n instanceof Sym s) {
      if (!CONSTANTS.contains(s.name())) {
        out.add(s.name());
      }
    } else {
      for (MathNode c : children(n)) {
        collect(c, out);
      }
    }
  }

  static List<MathNode> children(MathNode n) {
    if (n instanceof Add a) {
      return a.terms();
    } else if (n instanceof Mul m) {
      return m.factors();
    } else if (n instanceof Div d) {
      return List.of(d.numerator(), d.denominator());
    } else if (n instanceof Pow p) {
      return List.of(p.base(), p.exponent());
    } else if (n instanceof Neg g) {
      return List.of(g.operand());
    } else if (n instanceof Call c) {
      return c.args();
    } else if (n instanceof Percent p) {
      return List.of(p.value());
    } else if (n instanceof PlusMinus pm) {
      return pm.left() == null ? List.of(pm.right()) : List.of(pm.left(), pm.right());
    } else if (n instanceof Relation r) {
      return r.operands();
    } else if (n instanceof Seq s) {
      return s.items();
    } else if (n instanceof Union u) {
      return u.parts();
    } else if (n instanceof Matrix m) {
      List<MathNode> all = new ArrayList<>();
      m.rows().forEach(all::addAll);
      return all;
    }
    return List.of();
  }

  static boolean contains(MathNode n, Class<? extends MathNode> type) {
    if (type.isInstance(n)) {
      return true;
    }
    for (MathNode c : children(n)) {
      if (contains(c, type)) {
        return true;
      }
    }
    return false;
  }

  /** A spelling that ignores the order of sums, and of products of commuting factors. */
  static String canonical(MathNode n, Set<String> matrices) {
    if (n instanceof Num num) {
      BigDecimal v = num.value().stripTrailingZeros();
      if (Math.abs((long) v.scale()) > 400) {
        return v.toString(); // never spell out a huge power of ten
      }
      return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
    if (n instanceof Sym s) {
      return s.name();
    }
    if (n instanceof Word w) {
      return "\"" + w.text().toLowerCase(java.util.Locale.ROOT) + "\"";
    }
    if (n instanceof Add a) {
      return "+(" + String.join(",", sorted(a.terms(), matrices, true)) + ")";
    }
    if (n instanceof Mul m) {
      boolean commute = m.factors().stream().noneMatch(f -> involvesMatrix(f, matrices));
      return "*(" + String.join(",", sorted(m.factors(), matrices, commute)) + ")";
    }
    if (n instanceof Seq s) {
      return s.open()
          + String.join(",", sorted(s.items(), matrices, s.isSet() || s.bare()))
          + s.close();
    }
    if (n instanceof Union u) {
      return "∪(" + String.join(",", sorted(u.parts(), matrices, true)) + ")";
    }
    if (n instanceof Relation r) {
      StringBuilder sb = new StringBuilder(canonical(r.operands().get(0), matrices));
      for (int i = 0; i < r.ops().size(); i++) {
        sb.append(r.ops().get(i)).append(canonical(r.operands().get(i + 1), matrices));
      }
      return sb.toString();
    }
    if (n instanceof Matrix m) {
      List<String> rows = new ArrayList<>();
      for (List<MathNode> row : m.rows()) {
        rows.add(String.join(",", sorted(row, matrices, false)));
      }
      return "[" + String.join(";", rows) + "]";
    }
    String name = n.getClass().getSimpleName();
    if (n instanceof Call c) {
      name = c.function();
    }
    List<String> parts = new ArrayList<>();
    for (MathNode c : children(n)) {
      parts.add(canonical(c, matrices));
    }
    return name + "(" + String.join(",", parts) + ")";
  }

  private static List<String> sorted(List<MathNode> nodes, Set<String> matrices, boolean sort) {
    List<String> out = new ArrayList<>();
    for (MathNode x : nodes) {
      out.add(canonical(x, matrices));
    }
    if (sort) {
      out.sort(null);
    }
    return out;
  }

  static boolean involvesMatrix(MathNode n, Set<String> matrices) {
    if (matrices.isEmpty()) {
      return n instanceof Matrix || contains(n, Matrix.class);
    }
    if (n instanceof Sym s) {
      return matrices.contains(s.name());
    }
    if (n instanceof Matrix) {
      return true;
    }
    for (MathNode c : children(n)) {
      if (involvesMatrix(c, matrices)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code n} names a quantity rather than computing one: {@code x}, {@code W_{QK}}, {@code
   * f(x)}, {@code f^{-1}(x)}, {@code |AB|}, {@code NO/BO}, {@code (p,q)}. Sums and numbers are not
   * names.
   */
  static boolean isName(MathNode n) {
    if (n instanceof Sym s) {
      return !s.name().equals("∞") && !Character.isDigit(s.name().charAt(0));
    }
    if (n instanceof Mul m) {
      List<MathNode> f = m.factors();
      boolean inverse =
          f.size() > 1
              && f.get(0) instanceof Pow p
              && p.base() instanceof Sym
              && p.exponent() instanceof Neg g
              && g.operand() instanceof Num one
              && one.value().compareTo(BigDecimal.ONE) == 0;
      return (inverse || isName(f.get(0)))
          && f.subList(1, f.size()).stream().allMatch(Nodes::isName);
    }
    if (n instanceof Div d) {
      return isName(d.numerator()) && isName(d.denominator());
    }
    if (n instanceof Call c) {
      return (c.function().equals("abs") || c.function().length() > 1)
          && c.args().stream().allMatch(Nodes::isName);
    }
    if (n instanceof Seq s) {
      return !s.items().isEmpty() && s.items().stream().allMatch(Nodes::isName);
    }
    return false;
  }

  /** Expands {@code ±} into both signs: {@code 1 ± √2} → [1 + √2, 1 - √2]. */
  static List<MathNode> expandPlusMinus(MathNode n) {
    if (!contains(n, PlusMinus.class)) {
      return List.of(n);
    }
    List<MathNode> out = new ArrayList<>();
    int count = countPlusMinus(n);
    if (count > MAX_PLUS_MINUS) {
      return List.of(n);
    }
    for (int mask = 0; mask < (1 << count); mask++) {
      int[] index = {0};
      out.add(choose(n, mask, index));
    }
    return out;
  }

  private static int countPlusMinus(MathNode n) {
    int c = n instanceof PlusMinus ? 1 : 0;
    for (MathNode x : children(n)) {
      c += countPlusMinus(x);
    }
    return c;
  }

  private static MathNode choose(MathNode n, int mask, int[] index) {
    if (n instanceof PlusMinus pm) {
      boolean minus = ((mask >> index[0]++) & 1) == 1;
      MathNode left = pm.left() == null ? null : choose(pm.left(), mask, index);
      MathNode right = choose(pm.right(), mask, index);
      MathNode signed = minus ? new Neg(right) : right;
      return left == null ? signed : new Add(List.of(left, signed));
    }
    if (n instanceof Add a) {
      return new Add(chooseAll(a.terms(), mask, index));
    } else if (n instanceof Mul m) {
      return new Mul(chooseAll(m.factors(), mask, index));
    } else if (n instanceof Div d) {
      return new Div(choose(d.numerator(), mask, index), choose(d.denominator(), mask, index));
    } else if (n instanceof Pow p) {
      return new Pow(choose(p.base(), mask, index), choose(p.exponent(), mask, index));
    } else if (n instanceof Neg g) {
      return new Neg(choose(g.operand(), mask, index));
    } else if (n instanceof Call c) {
      return new Call(c.function(), chooseAll(c.args(), mask, index));
    } else if (n instanceof Relation r) {
      return new Relation(chooseAll(r.operands(), mask, index), r.ops());
    } else if (n instanceof Percent p) {
      return new Percent(choose(p.value(), mask, index));
    }
    return n;
  }

  private static List<MathNode> chooseAll(List<MathNode> nodes, int mask, int[] index) {
    List<MathNode> out = new ArrayList<>();
    for (MathNode x : nodes) {
      out.add(choose(x, mask, index));
    }
    return out;
  }

  /**
   * {@code n} with every node rebuilt bottom-up and then passed through {@code rewrite}; used to
   * read a notation another way ({@code \log} as base 10, a degree as radians).
   */
  static MathNode map(MathNode n, UnaryOperator<MathNode> rewrite) {
    MathNode rebuilt;
    if (n instanceof Add a) {
      rebuilt = new Add(mapAll(a.terms(), rewrite));
    } else if (n instanceof Mul m) {
      rebuilt = new Mul(mapAll(m.factors(), rewrite));
    } else if (n instanceof Div d) {
      rebuilt = new Div(map(d.numerator(), rewrite), map(d.denominator(), rewrite));
    } else if (n instanceof Pow p) {
      rebuilt = new Pow(map(p.base(), rewrite), map(p.exponent(), rewrite));
    } else if (n instanceof Neg g) {
      rebuilt = new Neg(map(g.operand(), rewrite));
    } else if (n instanceof PlusMinus pm) {
      rebuilt =
          new PlusMinus(
              pm.left() == null ? null : map(pm.left(), rewrite), map(pm.right(), rewrite));
    } else if (n instanceof Call c) {
      rebuilt = new Call(c.function(), mapAll(c.args(), rewrite));
    } else if (n instanceof Relation r) {
      rebuilt = new Relation(mapAll(r.operands(), rewrite), r.ops());
    } else if (n instanceof Percent p) {
      rebuilt = new Percent(map(p.value(), rewrite));
    } else if (n instanceof Seq s) {
      rebuilt = new Seq(mapAll(s.items(), rewrite), s.open(), s.close());
    } else if (n instanceof Union u) {
      rebuilt = new Union(mapAll(u.parts(), rewrite));
    } else if (n instanceof Matrix m) {
      List<List<MathNode>> rows = new ArrayList<>();
      for (List<MathNode> row : m.rows()) {
        rows.add(mapAll(row, rewrite));
      }
      rebuilt = new Matrix(rows);
    } else {
      rebuilt = n;
    }
    return rewrite.apply(rebuilt);
  }

  private static List<MathNode> mapAll(List<MathNode> nodes, UnaryOperator<MathNode> rewrite) {
    List<MathNode> out = new ArrayList<>(nodes.size());
    for (MathNode x : nodes) {
      out.add(map(x, rewrite));
    }
    return out;
  }

  /** Whether {@code n} contains a call of {@code function}. */
  static boolean containsCall(MathNode n, String function) {
    if (n instanceof Call c && c.function().equals(function)) {
      return true;
    }
    for (MathNode child : children(n)) {
      if (containsCall(child, function)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Half a unit in the last digit shown, when {@code n} is a decimal written as an approximation.
   */
  static BigDecimal halfUlp(MathNode n) {
    if (n instanceof Neg g) {
      return halfUlp(g.operand());
    }
    if (n instanceof Percent p) {
      return halfUlp(p.value());
    }
    if (n instanceof Num num && num.approximate()) {
      BigDecimal v = num.value();
      if (v.precision() < 2 && v.scale() > 0 && v.abs().compareTo(BigDecimal.ONE) < 0) {
        return null;
      }
      return BigDecimal.ONE.scaleByPowerOfTen(-v.scale()).divide(BigDecimal.valueOf(2));
    }
    if (n instanceof Mul m
        && m.factors().size() == 2
        && m.factors().get(1) instanceof Pow p
        && p.base() instanceof Num ten
        && ten.value().compareTo(BigDecimal.TEN) == 0) {
      BigDecimal mantissa = halfUlp(m.factors().get(0));
      Rational e = ExactEvaluator.eval(p.exponent());
      if (mantissa != null && e != null && e.isInteger() && e.num().abs().intValue() < 400) {
        return mantissa.scaleByPowerOfTen(e.num().intValue());
      }
    }
    return null;
  }
}
