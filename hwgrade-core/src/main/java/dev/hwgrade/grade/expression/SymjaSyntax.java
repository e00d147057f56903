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
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Sym;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a parsed expression in Symja's input syntax, naming every symbol {@code v1}, {@code v2}…
 * so that subscripted names and Greek letters cannot clash with Symja's built-ins. Returns null for
 * what Symja should not see (matrices, words, sets).
 */
final class SymjaSyntax {
  private static final Map<String, String> FUNCTIONS =
      Map.ofEntries(
          Map.entry("sqrt", "Sqrt"),
          Map.entry("sin", "Sin"),
          Map.entry("cos", "Cos"),
          Map.entry("tan", "Tan"),
          Map.entry("sec", "Sec"),
          Map.entry("csc", "Csc"),
          Map.entry("cot", "Cot"),
          Map.entry("exp", "Exp"),
          Map.entry("ln", "Log"),
          Map.entry("log", "Log"),
          Map.entry("abs", "Abs"),
          Map.entry("factorial", "Factorial"),
          Map.entry("arcsin", "ArcSin"),
          Map.entry("arccos", "ArcCos"),
          Map.entry("arctan", "ArcTan"),
          Map.entry("sinh", "Sinh"),
          Map.entry("cosh", "Cosh"),
          Map.entry("tanh", "Tanh"),
          Map.entry("coth", "Coth"),
          Map.entry("sech", "Sech"),
          Map.entry("csch", "Csch"),
          Map.entry("arsinh", "ArcSinh"),
          Map.entry("arcosh", "ArcCosh"),
          Map.entry("artanh", "ArcTanh"),
          Map.entry("arcsec", "ArcSec"),
          Map.entry("arccsc", "ArcCsc"),
          Map.entry("arccot", "ArcCot"),
          Map.entry("floor", "Floor"),
          Map.entry("ceil", "Ceiling"),
          Map.entry("binom", "Binomial"),
          Map.entry("log10", "Log10"));

  private final Map<String, String> names = new HashMap<>();

  /** The Symja spelling of {@code n}, or null when it has no scalar meaning Symja could check. */
  String write(MathNode n) {
    StringBuilder sb = new StringBuilder();
    return append(n, sb) ? sb.toString() : null;
  }

  private boolean append(MathNode n, StringBuilder sb) {
    if (n instanceof Num num) {
      if (num.value().precision() + Math.abs((long) num.value().scale()) >= 400) {
        return false; // too long to hand to the CAS, and never spelled out
      }
      String v = num.value().toPlainString();
      sb.append(num.approximate() ? v : "(" + v + ")");
      return v.length() < 400;
    }
    if (n instanceof Sym s) {
      switch (s.name()) {
        case "pi" -> sb.append("Pi");
        case "e" -> sb.append("E");
        case "i" -> sb.append("I");
        case "∞" -> sb.append("Infinity");
        default -> sb.append(names.computeIfAbsent(s.name(), k -> "v" + (names.size() + 1)));
      }
      return true;
    }
    if (n instanceof Neg g) {
      sb.append("(-");
      boolean ok = append(g.operand(), sb);
      sb.append(')');
      return ok;
    }
    if (n instanceof Percent p) {
      return append(p.value(), sb);
    }
    if (n instanceof Add a) {
      return joined(a.terms(), "+", sb);
    }
    if (n instanceof Mul m) {
      return joined(m.factors(), "*", sb);
    }
    if (n instanceof Div d) {
      return joined(List.of(d.numerator(), d.denominator()), "/", sb);
    }
    if (n instanceof Pow p) {
      // a tower of numbers such as 2^2^2^2^2^2 is too large for Symja to expand in time
      boolean tower =
          p.exponent() instanceof Pow e
              && Nodes.freeSymbols(p).isEmpty()
              && (e.exponent() instanceof Pow
                  || !(e.exponent() instanceof Num small)
                  || small.value().compareTo(java.math.BigDecimal.valueOf(4)) > 0);
      return !tower && joined(List.of(p.base(), p.exponent()), "^", sb);
    }
    if (n instanceof Call c) {
      return call(c, sb);
    }
    return false;
  }

  private boolean call(Call c, StringBuilder sb) {
    List<MathNode> args = c.args();
    switch (c.function()) {
      case "logb":
        sb.append("Log");
        return arguments(args, sb);
      case "root":
        return joined(
            List.of(args.get(0), new Div(new Num(java.math.BigDecimal.ONE, false), args.get(1))),
            "^",
            sb);
      case "sum":
      case "prod":
        return bigOperator(c, sb);
      default:
        break;
    }
    String f = FUNCTIONS.get(c.function());
    if (f == null) {
      return false;
    }
    sb.append(f);
    return arguments(args, sb);
  }

  /** {@code \sum_{k=0}^{n} body} → {@code Sum(body, {k, 0, n})}. */
  private boolean bigOperator(Call c, StringBuilder sb) {
    if (c.args().size() != 3
        || !(c.args().get(1) instanceof Relation r)
        || r.ops().size() != 1
        || !r.ops().get(0).equals("=")) {
      return false;
    }
    String index = r.operands().get(0).toString();
    for (String name : Nodes.freeSymbols(c.args().get(0))) {
      int underscore = name.indexOf('_');
      if (underscore >= 0 && name.substring(underscore + 1).contains(index)) {
        // F_{n-k-1} names a term by the summation index; Symja would read it as an unrelated
        // symbol.
        return false;
      }
    }
    sb.append(c.function().equals("sum") ? "Sum(" : "Product(");
    boolean ok = append(c.args().get(0), sb);
    sb.append(",{");
    ok &= append(r.operands().get(0), sb);
    sb.append(',');
    ok &= append(r.operands().get(1), sb);
    sb.append(',');
    ok &= append(c.args().get(2), sb);
    sb.append("})");
    return ok;
  }

  private boolean arguments(List<MathNode> args, StringBuilder sb) {
    sb.append('(');
    boolean ok = true;
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      ok &= append(args.get(i), sb);
    }
    sb.append(')');
    return ok;
  }

  private boolean joined(List<MathNode> parts, String op, StringBuilder sb) {
    sb.append('(');
    boolean ok = true;
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sb.append(op);
      }
      ok &= append(parts.get(i), sb);
    }
    sb.append(')');
    return ok;
  }
}
