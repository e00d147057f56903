package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares equations, inequalities and membership: a named left side ({@code x = 3}) matches the
 * bare value, equivalent equations match when their differences are proportional, inequalities when
 * they state the same condition, and an inequality in one variable matches the interval it
 * describes ({@code x > 3} and {@code (3, ∞)}, either way round).
 */
final class RelationComparison {
  private static final Set<String> ORDER = Set.of("<", "≤", ">", "≥", "≠");
  private final Equivalence equivalence;
  private final RandomPoints points;
  private final ScalarComparison scalars;
  private final Set<String> matrices;

  RelationComparison(
      Equivalence equivalence,
      RandomPoints points,
      ScalarComparison scalars,
      Set<String> matrices) {
    this.equivalence = equivalence;
    this.points = points;
    this.scalars = scalars;
    this.matrices = matrices;
  }

  static boolean isEquation(MathNode n) {
    return n instanceof Relation r && r.ops().size() == 1 && r.ops().get(0).equals("=");
  }

  static boolean isOrder(MathNode n) {
    return n instanceof Relation r && ORDER.containsAll(r.ops());
  }

  static boolean isMembership(MathNode n) {
    return n instanceof Relation r && r.ops().size() == 1 && r.ops().get(0).equals("∈");
  }

  /** Compares when key or answer is a relation. */
  Decision compare(MathNode k, MathNode a) {
    if (isMembership(k)) {
      return equivalence.any(((Relation) k).operands().get(1), a);
    }
    if (isMembership(a)) {
      return equivalence.any(k, ((Relation) a).operands().get(1));
    }
    if (isEquation(k) && isEquation(a)) {
      return equations((Relation) k, (Relation) a);
    }
    if (isEquation(k) && !(a instanceof Relation)) {
      Relation r = (Relation) k;
      if (Nodes.isName(r.operands().get(0))) {
        return equivalence.any(r.operands().get(1), a);
      }
      return Decision.different(
          "the key is the equation " + k + "; the answer " + a + " is not an equation");
    }
    if (isEquation(a) && !(k instanceof Relation)) {
      Relation r = (Relation) a;
      if (Nodes.isName(r.operands().get(0))) {
        return equivalence.any(k, r.operands().get(1));
      }
      MathNode value = r.operands().get(1);
      if (Nodes.freeSymbols(k).isEmpty()
          && Nodes.freeSymbols(value).isEmpty()
          && Nodes.freeSymbols(r.operands().get(0)).size() >= 2) {
        // a + b = 7 against the key 7: the answer names the quantity by a formula and gives its
        // value
        // (with one unknown, x + 1 = 7 is an equation left unsolved, not a value)
        Decision d = equivalence.any(k, value);
        return d.isEqual()
            ? Decision.equal("the value the answer's equation gives, " + d.reason())
            : d;
      }
      return Decision.different("the answer is the equation " + a + "; the key is " + k);
    }
    if (isOrder(k) && isOrder(a)) {
      return inequalities((Relation) k, (Relation) a);
    }
    if (isOrder(k) && (a instanceof Seq || a instanceof Union)) {
      MathNode interval = toInterval((Relation) k);
      if (interval != null) {
        return equivalence.any(interval, a);
      }
    }
    if (isOrder(a) && (k instanceof Seq || k instanceof Union)) {
      MathNode interval = toInterval((Relation) a);
      if (interval != null) {
        Decision d = equivalence.any(k, interval);
        return d.isEqual()
            ? Decision.equal(
                "the answer's condition " + a + " describes the key's set: " + d.reason())
            : d;
      }
      return Decision.different(
          "the answer states a condition (" + a + ") where the key asks for the set " + k);
    }
    return Decision.different("the key is " + k + " but the answer is " + a);
  }

  private Decision equations(Relation k, Relation a) {
    MathNode kl = k.operands().get(0);
    MathNode al = a.operands().get(0);
    if (kl instanceof Sym ks
        && al instanceof Sym as
        && ks.name().matches("[A-Za-z]")
        && as.name().matches("[A-Za-z]")
        && !ks.name().equals(as.name())
        && Nodes.freeSymbols(k.operands().get(1)).isEmpty()
        && Nodes.freeSymbols(a.operands().get(1)).isEmpty()) {
      // y = 5 against x = 5: the answer gives a value of another unknown (but y = x against
      // x = y, or x = (y - 1)/2 against y = 2x + 1, is the same equation rearranged)
      return Decision.different("the answer gives " + as + " where the key gives " + ks);
    }
    if (Nodes.isName(kl) && Nodes.isName(al)) {
      Decision rhs = equivalence.any(k.operands().get(1), a.operands().get(1));
      if (!rhs.isDifferent()
          || Nodes.canonical(kl, matrices).equals(Nodes.canonical(al, matrices))) {
        return rhs;
      }
    }
    MathNode kd = new Add(List.of(kl, new Neg(k.operands().get(1))));
    MathNode ad = new Add(List.of(al, new Neg(a.operands().get(1))));
    Decision proportional = proportional(kd, ad, false);
    if (proportional.isEqual()) {
      return Decision.equal("the equations are equivalent: " + proportional.reason());
    }
    return proportional.outcome() == Decision.Outcome.UNKNOWN
        ? proportional
        : Decision.different("the equations differ: " + proportional.reason());
  }

  /**
   * Whether {@code f = c·g} for one constant c (positive when {@code positive}) at random points.
   */
  private Decision proportional(MathNode f, MathNode g, boolean positive) {
    TreeSet<String> symbols = Nodes.freeSymbols(f);
    symbols.addAll(Nodes.freeSymbols(g));
    if (symbols.isEmpty()) {
      return scalars.compare(f, g);
    }
    Complex ratio = null;
    int valid = 0;
    for (int p = 0; p < RandomPoints.ALL; p++) {
      Map<String, Value> point = points.point(p, symbols);
      try {
        Value fv = new NumericEvaluator(point).eval(f);
        Value gv = new NumericEvaluator(point).eval(g);
        if (fv.isMatrix() || gv.isMatrix() || !fv.isFinite() || !gv.isFinite()) {
          continue;
        }
        if (gv.scalar.abs() < 1e-12 * Math.max(1, fv.scalar.abs())) {
          if (fv.scalar.abs() < 1e-9) {
            continue;
          }
          return Decision.different("one side vanishes where the other does not");
        }
        Complex r = fv.scalar.divide(gv.scalar);
        if (ratio == null) {
          ratio = r;
        } else if (r.minus(ratio).abs() > 1e-7 * Math.max(1, ratio.abs())) {
          return Decision.different(
              "their differences are not proportional at random points of "
                  + String.join(", ", symbols));
        }
        valid++;
      } catch (EvaluationException | ArithmeticException e) {
        // a point outside the domain; try the next
      }
    }
    if (ratio == null || valid < 2) {
      return Decision.unknown("could not evaluate both sides at enough points");
    }
    if (ratio.abs() < 1e-12 || positive && !(ratio.isReal() && ratio.re() > 0)) {
      return Decision.different(
          "one is the other multiplied by " + ScalarComparison.format(Value.of(ratio)));
    }
    return Decision.equal(
        "one is the other multiplied by " + ScalarComparison.format(Value.of(ratio)));
  }

  private Decision inequalities(Relation k, Relation a) {
    List<Relation> ks = split(k);
    List<Relation> as = split(a);
    if (ks.size() != as.size()) {
      return Decision.different(
          "the answer states " + as.size() + " conditions, the key " + ks.size());
    }
    for (Relation kr : ks) {
      boolean matched = false;
      for (Relation ar : as) {
        if (single(kr, ar).isEqual()) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        return Decision.different("the answer " + a + " does not state the condition " + kr);
      }
    }
    return Decision.equal("both state the same condition" + (ks.size() > 1 ? "s" : ""));
  }

  private static List<Relation> split(Relation r) {
    List<Relation> out = new ArrayList<>();
    for (int i = 0; i < r.ops().size(); i++) {
      out.add(
          new Relation(
              List.of(r.operands().get(i), r.operands().get(i + 1)), List.of(r.ops().get(i))));
    }
    return out;
  }

  /** Compares {@code L op R} as {@code L - R op' 0} with {@code >} turned into {@code <}. */
  private Decision single(Relation k, Relation a) {
    String ko = normalOp(k.ops().get(0));
    String ao = normalOp(a.ops().get(0));
    if (!ko.equals(ao)) {
      return Decision.different("different relations");
    }
    Decision d = proportional(difference(k), difference(a), !ko.equals("≠"));
    if (d.outcome() == Decision.Outcome.UNKNOWN) {
      return Decision.unknown(d.reason());
    }
    return d;
  }

  private static String normalOp(String op) {
    return switch (op) {
      case ">" -> "<";
      case "≥" -> "≤";
      default -> op;
    };
  }

  private static MathNode difference(Relation r) {
    String op = r.ops().get(0);
    MathNode l = r.operands().get(0);
    MathNode rr = r.operands().get(1);
    boolean flip = op.equals(">") || op.equals("≥");
    return flip ? new Add(List.of(rr, new Neg(l))) : new Add(List.of(l, new Neg(rr)));
  }

  /**
   * {@code -2 ≤ x ≤ 7} → {@code [-2, 7]}, {@code x > 5} → {@code (5, ∞)}, {@code x ≠ 2} → {@code
   * (-∞, 2) ∪ (2, ∞)}; null when not of that shape.
   */
  static MathNode toInterval(Relation r) {
    List<MathNode> o = r.operands();
    List<String> ops = r.ops();
    if (ops.size() == 2
        && o.get(1) instanceof Call abs
        && abs.function().equals("abs")
        && Nodes.isName(abs.args().get(0))
        && ops.stream().allMatch(x -> x.equals("<") || x.equals("≤"))) {
      return absoluteBand(o.get(0), o.get(2), ops.get(0).equals("≤"), ops.get(1).equals("≤"));
    }
    if (ops.size() == 2
        && Nodes.isName(o.get(1))
        && Nodes.freeSymbols(o.get(0)).isEmpty()
        && Nodes.freeSymbols(o.get(2)).isEmpty()) {
      boolean up = ops.stream().allMatch(x -> x.equals("<") || x.equals("≤"));
      boolean down = ops.stream().allMatch(x -> x.equals(">") || x.equals("≥"));
      if (up) {
        return new Seq(
            List.of(o.get(0), o.get(2)),
            ops.get(0).equals("<") ? '(' : '[',
            ops.get(1).equals("<") ? ')' : ']');
      }
      if (down) {
        return new Seq(
            List.of(o.get(2), o.get(0)),
            ops.get(1).equals(">") ? '(' : '[',
            ops.get(0).equals(">") ? ')' : ']');
      }
      return null;
    }
    if (ops.size() == 1 && ops.get(0).equals("≠")) {
      MathNode name = Nodes.isName(o.get(0)) ? o.get(0) : o.get(1);
      MathNode point = name == o.get(0) ? o.get(1) : o.get(0);
      if (!Nodes.isName(name) || !Nodes.freeSymbols(point).isEmpty()) {
        return null;
      }
      MathNode inf = new Sym("∞");
      return new Union(
          List.of(
              new Seq(List.of(new Neg(inf), point), '(', ')'),
              new Seq(List.of(point, inf), '(', ')')));
    }
    if (ops.size() == 1) {
      String op = ops.get(0);
      MathNode name = o.get(0);
      MathNode bound = o.get(1);
      if (!Nodes.isName(name)) {
        name = o.get(1);
        bound = o.get(0);
        op =
            switch (op) {
              case "<" -> ">";
              case ">" -> "<";
              case "≤" -> "≥";
              default -> "≤";
            };
      }
      if (!Nodes.isName(name) || !Nodes.freeSymbols(bound).isEmpty()) {
        return null;
      }
      MathNode inf = new Sym("∞");
      return switch (op) {
        case "<" -> new Seq(List.of(new Neg(inf), bound), '(', ')');
        case "≤" -> new Seq(List.of(new Neg(inf), bound), '(', ']');
        case ">" -> new Seq(List.of(bound, inf), '(', ')');
        default -> new Seq(List.of(bound, inf), '[', ')');
      };
    }
    return null;
  }

  /** {@code lo ≤ |z| ≤ hi} → {@code [-hi, -lo] ∪ [lo, hi]}, for {@code 0 < lo}. */
  private static MathNode absoluteBand(
      MathNode lo, MathNode hi, boolean closedLow, boolean closedHigh) {
    Rational low = ExactEvaluator.eval(lo);
    if (low == null || low.num().signum() <= 0 || !Nodes.freeSymbols(hi).isEmpty()) {
      return null;
    }
    MathNode negative =
        new Seq(List.of(new Neg(hi), new Neg(lo)), closedHigh ? '[' : '(', closedLow ? ']' : ')');
    MathNode positive = new Seq(List.of(lo, hi), closedLow ? '[' : '(', closedHigh ? ']' : ')');
    return new Union(List.of(negative, positive));
  }
}
