package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import dev.hwgrade.model.Compare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares equations, inequalities, conditions joined by and/or/not, and sets of numbers
 * (intervals, finite sets, their unions, intersections and differences) by what they admit: their
 * solution sets. Along lines where one variable varies and the others take random values, it finds
 * every point where a condition can change (the roots of each relation, found by scanning and
 * bisection, and the ends of each domain) and checks that both sides hold at each of those points
 * and between them. Under {@link Compare#FORM} an answer must be solved for what the key is solved
 * for: {@code x^2 = 4} has the solutions of {@code x = 2 or x = -2} but does not solve for x.
 */
final class SolutionSets {
  /** Grid points scanned for roots along each line. */
  private static final int GRID = 400;

  /** Lines per variable (random values of the other variables). */
  private static final int LINES = 3;

  private static final int MAX_VARIABLES = 4;
  private static final int MAX_CRITICAL = 64;
  private static final double EQUAL = 1e-7;
  private static final double SPAN = Math.log(2e4 + Math.sqrt(4e8 + 1));
  private static final Set<String> LOGIC = Set.of("and", "or", "not");
  private static final Set<String> SET_OPERATIONS = Set.of("intersect", "setminus");
  private static final Set<String> ORDER = Set.of("=", "≈", "<", "≤", ">", "≥", "≠");

  /** A condition: relations between two expressions combined by and, or, not. */
  private sealed interface Cond {}

  private record Atom(MathNode left, String op, MathNode right) implements Cond {}

  private record All(List<Cond> parts) implements Cond {}

  private record Any(List<Cond> parts) implements Cond {}

  private record Not(Cond part) implements Cond {}

  private final RandomPoints points;
  private final Deadline deadline;
  private final Compare compare;

  /** Relations found defined while judging the current point. */
  private int defined;

  SolutionSets(RandomPoints points, Deadline deadline, Compare compare) {
    this.points = points;
    this.deadline = deadline;
    this.compare = compare;
  }

  /** Whether {@code n} uses and/or/not, intersection or set difference anywhere. */
  static boolean hasLogic(MathNode n) {
    if (n instanceof Call c && (LOGIC.contains(c.function()) || isSetOperation(c))) {
      return true;
    }
    for (MathNode child : Nodes.children(n)) {
      if (hasLogic(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSetOperation(MathNode n) {
    return n instanceof Call c && SET_OPERATIONS.contains(c.function());
  }

  /** A relation, a condition joined by and/or/not, or a bare list of those. */
  static boolean isCondition(MathNode n) {
    if (n instanceof Relation r) {
      return ORDER.containsAll(r.ops()) || r.ops().equals(List.of("∈"));
    }
    if (n instanceof Call c && LOGIC.contains(c.function())) {
      return true;
    }
    return n instanceof Seq s
        && s.bare()
        && !s.items().isEmpty()
        && s.items().stream().allMatch(SolutionSets::isCondition);
  }

  /** An interval, a set of constants, ℝ, ∅, or a union, intersection or difference of those. */
  static boolean isNumberSet(MathNode n) {
    if (n instanceof Union u) {
      return u.parts().stream().allMatch(SolutionSets::isNumberSet);
    }
    if (isSetOperation(n)) {
      return ((Call) n).args().stream().allMatch(SolutionSets::isNumberSet);
    }
    if (n instanceof Seq s && s.isSet()) {
      return s.items().stream().allMatch(x -> Nodes.freeSymbols(x).isEmpty());
    }
    return interval(n) != null;
  }

  /**
   * Whether this comparison is one of conditions or sets: both sides conditions or sets, and either
   * an and/or/not or a set operation involved, or the key asking for solution sets, or {@code
   * relationsDiffered} (two relations the direct comparison found different, for a second look).
   */
  boolean applies(MathNode k, MathNode a, boolean relationsDiffered) {
    boolean kc = isCondition(k);
    boolean ac = isCondition(a);
    boolean ks = !kc && isNumberSet(k);
    boolean as = !ac && isNumberSet(a);
    if (!(kc || ks) || !(ac || as)) {
      return false;
    }
    if (ks && as) {
      return hasLogic(k) || hasLogic(a) || k instanceof Union || a instanceof Union;
    }
    return relationsDiffered || hasLogic(k) || hasLogic(a) || compare == Compare.SOLUTION_SET;
  }

  Decision compare(MathNode k, MathNode a) {
    Decision sets = sameSolutions(k, a);
    if (compare == Compare.FORM && !sets.isDifferent()) {
      Set<String> keySolved = solvedFor(k);
      if (keySolved != null) {
        Set<String> answerSolved = solvedFor(a);
        boolean set = isNumberSet(a) && keySolved.size() <= 1;
        if (!set && (answerSolved == null || !answerSolved.containsAll(keySolved))) {
          return Decision.different(
              "the answer "
                  + a
                  + " does not solve "
                  + (keySolved.isEmpty()
                      ? "the key's condition"
                      : "for " + String.join(", ", keySolved))
                  + " as the key "
                  + k
                  + " does"
                  + (sets.isEqual() ? ", though it has the same solutions" : "")
                  + " (the key compares by form, not by solution set)");
        }
      }
    }
    return sets;
  }

  private Decision sameSolutions(MathNode k, MathNode a) {
    TreeSet<String> variables = Nodes.freeSymbols(k);
    variables.addAll(Nodes.freeSymbols(a));
    String dummy = null;
    if (variables.isEmpty() && (isNumberSet(k) || isNumberSet(a))) {
      dummy = "x";
      variables.add(dummy);
    }
    if (variables.size() > MAX_VARIABLES) {
      return Decision.unknown("too many variables to compare solution sets");
    }
    String setVariable = variables.size() == 1 ? variables.first() : null;
    Cond kc = condition(k, setVariable);
    Cond ac = condition(a, setVariable);
    if (kc == null || ac == null) {
      return Decision.unknown("could not read " + (kc == null ? k : a) + " as a condition");
    }
    if (variables.isEmpty()) {
      boolean kt = truth(kc, Map.of());
      boolean at = truth(ac, Map.of());
      return kt == at
          ? Decision.equal("both are " + kt)
          : Decision.different("the answer is " + at + ", the key " + kt);
    }
    List<String> checked = new ArrayList<>();
    int keyDefined = 0;
    int answerDefined = 0;
    for (String v : variables) {
      for (int line = 0; line < (variables.size() == 1 ? 1 : LINES); line++) {
        Map<String, Value> base = new HashMap<>();
        TreeSet<String> others = new TreeSet<>(variables);
        others.remove(v);
        if (!others.isEmpty()) {
          base.putAll(points.point(line % 2 == 0 ? line : RandomPoints.POSITIVE + line, others));
        }
        TreeSet<Double> critical = new TreeSet<>();
        critical(kc, v, base, critical);
        critical(ac, v, base, critical);
        if (deadline.passed()) {
          return Decision.unknown("the time limit was reached while comparing solution sets");
        }
        for (double t : testPoints(critical)) {
          Map<String, Value> at = new HashMap<>(base);
          at.put(v, Value.of(t));
          defined = 0;
          boolean kt = truth(kc, at);
          keyDefined += defined > 0 ? 1 : 0;
          defined = 0;
          boolean ant = truth(ac, at);
          answerDefined += defined > 0 ? 1 : 0;
          if (kt != ant) {
            return Decision.different(
                "at "
                    + describe(v, t, base, dummy)
                    + (kt
                        ? " the key holds but the answer does not"
                        : " the answer holds but the key does not")
                    + " (the solution sets differ)");
          }
        }
        if (variables.size() == 1) {
          critical.stream().limit(6).forEach(c -> checked.add(format(c)));
        }
      }
    }
    if (keyDefined < 3 || answerDefined < 3) {
      return Decision.unknown(
          "could not evaluate "
              + (keyDefined < 3 ? "the key " + k : "the answer " + a)
              + " at enough points to compare solution sets");
    }
    String where =
        checked.isEmpty() ? "" : " (checked at " + String.join(", ", checked) + " and between)";
    return Decision.equal("the same solution set" + where);
  }

  private static String describe(String v, double t, Map<String, Value> base, String dummy) {
    if (v.equals(dummy)) {
      return format(t);
    }
    StringBuilder sb = new StringBuilder(v + " = " + format(t));
    for (Map.Entry<String, Value> e : new java.util.TreeMap<>(base).entrySet()) {
      sb.append(", ").append(e.getKey()).append(" = ").append(format(e.getValue().scalar.re()));
    }
    return sb.toString();
  }

  private static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e9) {
      return String.valueOf((long) d);
    }
    return String.format(Locale.ROOT, "%.4g", d);
  }

  /** The critical points, the midpoints between them, and points beyond both ends. */
  private static List<Double> testPoints(TreeSet<Double> critical) {
    List<Double> out = new ArrayList<>();
    List<Double> c = new ArrayList<>(critical);
    if (c.isEmpty()) {
      out.addAll(List.of(-7.31, -1.37, -0.113, 0.0, 0.127, 1.61, 8.93, 1234.5, -2345.6));
      return out;
    }
    double lo = c.get(0);
    double hi = c.get(c.size() - 1);
    out.add(lo - 1 - Math.abs(lo));
    out.add(lo - 0.001 - 1e-3 * Math.abs(lo));
    for (int i = 0; i < c.size(); i++) {
      out.add(c.get(i));
      if (i + 1 < c.size()) {
        out.add((c.get(i) + c.get(i + 1)) / 2);
      }
    }
    out.add(hi + 0.001 + 1e-3 * Math.abs(hi));
    out.add(hi + 1 + Math.abs(hi));
    out.add(hi * 1000 + 1000);
    out.add(lo * 1000 - 1000);
    return out;
  }

  /**
   * The variables a condition is solved for ({@code x = 2 or x = -2}: x; {@code 1 < x < 3}: x;
   * {@code y = x/(2x-1)}: y), empty for a set of numbers, null when it is not in solved form.
   */
  static Set<String> solvedFor(MathNode n) {
    if (isNumberSet(n)) {
      return Set.of();
    }
    if (n instanceof Relation r) {
      List<MathNode> o = r.operands();
      if (r.ops().equals(List.of("∈"))) {
        return isVariable(o.get(0)) ? Set.of(((Sym) o.get(0)).name()) : null;
      }
      if (o.size() == 2) {
        for (int i = 0; i < 2; i++) {
          if (isVariable(o.get(i))
              && !Nodes.freeSymbols(o.get(1 - i)).contains(((Sym) o.get(i)).name())) {
            return Set.of(((Sym) o.get(i)).name());
          }
        }
        return null;
      }
      if (o.size() == 3
          && isVariable(o.get(1))
          && Nodes.freeSymbols(o.get(0)).isEmpty()
          && Nodes.freeSymbols(o.get(2)).isEmpty()) {
        return Set.of(((Sym) o.get(1)).name());
      }
      return null;
    }
    List<MathNode> parts;
    if (n instanceof Call c && LOGIC.contains(c.function())) {
      parts = c.args();
    } else if (n instanceof Seq s && s.bare()) {
      parts = s.items();
    } else {
      return null;
    }
    Set<String> out = new TreeSet<>();
    for (MathNode p : parts) {
      Set<String> s = solvedFor(p);
      if (s == null) {
        return null;
      }
      out.addAll(s);
    }
    return out;
  }

  /**
   * Equations with one and the same left side joined by and, or or commas ({@code x = 3 and x =
   * -3}, {@code W(n) = 1, W(n) = -1}): a list of the values it may take, however joined.
   */
  static boolean isListing(MathNode n) {
    List<MathNode> items = new ArrayList<>();
    if (!flatten(n, items) || items.size() < 2) {
      return false;
    }
    String left = ((Relation) items.get(0)).operands().get(0).toString();
    return items.stream().allMatch(i -> ((Relation) i).operands().get(0).toString().equals(left));
  }

  private static boolean flatten(MathNode n, List<MathNode> out) {
    List<MathNode> parts;
    if (n instanceof Call c && (c.function().equals("and") || c.function().equals("or"))) {
      parts = c.args();
    } else if (n instanceof Seq s && s.bare()) {
      parts = s.items();
    } else if (RelationComparison.isEquation(n)) {
      out.add(n);
      return true;
    } else {
      return false;
    }
    for (MathNode p : parts) {
      if (!flatten(p, out)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVariable(MathNode n) {
    return n instanceof Sym s && !Nodes.CONSTANTS.contains(s.name());
  }

  /** {@code n} as a condition; a set of numbers as membership of {@code variable}; else null. */
  private static Cond condition(MathNode n, String variable) {
    if (n instanceof Relation r) {
      if (r.ops().equals(List.of("∈"))) {
        return isVariable(r.operands().get(0))
            ? membership(r.operands().get(1), new Sym(((Sym) r.operands().get(0)).name()))
            : null;
      }
      if (!ORDER.containsAll(r.ops())) {
        return null;
      }
      List<Cond> atoms = new ArrayList<>();
      for (int i = 0; i < r.ops().size(); i++) {
        String op = r.ops().get(i).equals("≈") ? "=" : r.ops().get(i);
        atoms.add(new Atom(r.operands().get(i), op, r.operands().get(i + 1)));
      }
      return atoms.size() == 1 ? atoms.get(0) : new All(atoms);
    }
    if (n instanceof Call c && LOGIC.contains(c.function())) {
      List<Cond> parts = new ArrayList<>();
      for (MathNode arg : c.args()) {
        Cond p = condition(arg, variable);
        if (p == null) {
          return null;
        }
        parts.add(p);
      }
      return switch (c.function()) {
        case "and" -> isListing(c) ? new Any(parts) : new All(parts);
        case "or" -> new Any(parts);
        default -> new Not(parts.get(0));
      };
    }
    if (n instanceof Seq s && s.bare() && isCondition(s)) {
      List<Cond> parts = new ArrayList<>();
      for (MathNode item : s.items()) {
        Cond p = condition(item, variable);
        if (p == null) {
          return null;
        }
        parts.add(p);
      }
      return isSystem(s) ? new All(parts) : new Any(parts);
    }
    if (variable != null && isNumberSet(n)) {
      return membership(n, new Sym(variable));
    }
    return null;
  }

  /**
   * {@code x = 1, y = 2}: equations naming different variables, all of which must hold; other lists
   * ({@code x = 2, x = -2}; {@code x < -2, x > 2}) are alternatives.
   */
  private static boolean isSystem(Seq s) {
    Set<String> names = new java.util.HashSet<>();
    for (MathNode item : s.items()) {
      if (!(RelationComparison.isEquation(item)
          && ((Relation) item).operands().get(0) instanceof Sym name
          && names.add(name.name()))) {
        return false;
      }
    }
    return names.size() > 1;
  }

  private static Cond membership(MathNode set, MathNode x) {
    if (set instanceof Union u) {
      List<Cond> parts = new ArrayList<>();
      for (MathNode p : u.parts()) {
        Cond c = membership(p, x);
        if (c == null) {
          return null;
        }
        parts.add(c);
      }
      return new Any(parts);
    }
    if (isSetOperation(set)) {
      Call c = (Call) set;
      List<Cond> parts = new ArrayList<>();
      for (MathNode arg : c.args()) {
        Cond p = membership(arg, x);
        if (p == null) {
          return null;
        }
        parts.add(p);
      }
      return c.function().equals("intersect")
          ? new All(parts)
          : new All(List.of(parts.get(0), new Not(new Any(parts.subList(1, parts.size())))));
    }
    if (set instanceof Seq s && s.isSet()) {
      List<Cond> parts = new ArrayList<>();
      for (MathNode item : s.items()) {
        parts.add(new Atom(x, "=", item));
      }
      return new Any(parts);
    }
    Seq interval = interval(set);
    if (interval == null) {
      return null;
    }
    return new All(
        List.of(
            new Atom(interval.items().get(0), interval.open() == '[' ? "≤" : "<", x),
            new Atom(x, interval.close() == ']' ? "≤" : "<", interval.items().get(1))));
  }

  /** {@code (a, b]} and the like with constant ends, {@code a ≤ b}; else null. */
  private static Seq interval(MathNode n) {
    if (!(n instanceof Seq s)
        || s.bare()
        || s.isSet()
        || s.items().size() != 2
        || "([".indexOf(s.open()) < 0
        || ")]".indexOf(s.close()) < 0) {
      return null;
    }
    double lo = constant(s.items().get(0));
    double hi = constant(s.items().get(1));
    return Double.isNaN(lo) || Double.isNaN(hi) || lo > hi ? null : s;
  }

  /** The value of a constant, ±∞ included; NaN when it is not a real constant. */
  private static double constant(MathNode n) {
    if (!Nodes.freeSymbols(n).isEmpty()) {
      return Double.NaN;
    }
    Double v = real(n, Map.of());
    return v == null ? Double.NaN : v;
  }

  /** The real value of {@code n} at a point, ±∞ for the infinities; null when undefined there. */
  private static Double real(MathNode n, Map<String, Value> at) {
    if (n instanceof Sym s && s.name().equals("∞")) {
      return Double.POSITIVE_INFINITY;
    }
    if (n instanceof Neg g && g.operand() instanceof Sym s && s.name().equals("∞")) {
      return Double.NEGATIVE_INFINITY;
    }
    try {
      Value v = new NumericEvaluator(at).eval(n);
      if (v.isMatrix() || !v.isFinite() || !v.scalar.isReal()) {
        return null;
      }
      return v.scalar.re();
    } catch (EvaluationException | ArithmeticException | StackOverflowError e) {
      return null;
    }
  }

  /** Whether a condition holds at a point; an undefined relation does not hold. */
  private boolean truth(Cond c, Map<String, Value> at) {
    if (c instanceof Atom a) {
      return holds(a, at);
    }
    if (c instanceof All all) {
      return all.parts().stream().allMatch(p -> truth(p, at));
    }
    if (c instanceof Any any) {
      if (any.parts().isEmpty()) {
        defined++; // the empty set: known to hold nowhere
      }
      return any.parts().stream().anyMatch(p -> truth(p, at));
    }
    return !truth(((Not) c).part(), at);
  }

  private boolean holds(Atom a, Map<String, Value> at) {
    Double l = real(a.left(), at);
    Double r = real(a.right(), at);
    if (l == null || r == null) {
      return false;
    }
    defined++;
    boolean equal =
        l.equals(r)
            || Double.isFinite(l)
                && Double.isFinite(r)
                && Math.abs(l - r) <= EQUAL * Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
    return switch (a.op()) {
      case "=" -> equal;
      case "≠" -> !equal;
      case "<" -> !equal && l < r;
      case "≤" -> equal || l < r;
      case ">" -> !equal && l > r;
      default -> equal || l > r;
    };
  }

  /** Adds the points along {@code v} where a relation of {@code c} can change its truth. */
  private void critical(Cond c, String v, Map<String, Value> base, TreeSet<Double> out) {
    if (c instanceof Atom a) {
      roots(a, v, base, out);
    } else if (c instanceof All all) {
      all.parts().forEach(p -> critical(p, v, base, out));
    } else if (c instanceof Any any) {
      any.parts().forEach(p -> critical(p, v, base, out));
    } else {
      critical(((Not) c).part(), v, base, out);
    }
  }

  /**
   * The roots of {@code left - right} along {@code v}, and the ends of its domain: the constant
   * itself for {@code v op constant}, otherwise sign changes and touching minima on a grid from
   * -20,000 to 20,000 (denser near 0), refined by bisection; poles are not roots.
   */
  private void roots(Atom a, String v, Map<String, Value> base, TreeSet<Double> out) {
    for (MathNode[] sides :
        List.of(new MathNode[] {a.left(), a.right()}, new MathNode[] {a.right(), a.left()})) {
      if (sides[0] instanceof Sym s
          && s.name().equals(v)
          && Nodes.freeSymbols(sides[1]).isEmpty()) {
        double k = constant(sides[1]);
        if (Double.isFinite(k)) {
          out.add(k);
        }
        return;
      }
    }
    if (!Nodes.freeSymbols(a.left()).contains(v) && !Nodes.freeSymbols(a.right()).contains(v)) {
      return;
    }
    double[] t = new double[GRID + 1];
    Double[] f = new Double[GRID + 1];
    for (int i = 0; i <= GRID; i++) {
      t[i] = Math.sinh(-SPAN + 2 * SPAN * i / GRID);
      f[i] = difference(a, v, t[i], base);
    }
    int found = 0;
    for (int i = 0; i < GRID && found < MAX_CRITICAL && !deadline.passed(); i++) {
      Double f0 = f[i];
      Double f1 = f[i + 1];
      if ((f0 == null) != (f1 == null)) {
        out.add(domainEdge(a, v, t[i], t[i + 1], f0 != null, base));
        found++;
      } else if (f0 != null && (f0 == 0 || Math.signum(f0) * Math.signum(f1) < 0)) {
        Double r = f0 == 0 ? Double.valueOf(t[i]) : bisect(a, v, t[i], t[i + 1], f0, base);
        if (r != null) {
          out.add(r);
          found++;
        }
      } else if (f0 != null
          && i > 0
          && f[i - 1] != null
          && Math.abs(f0) < Math.abs(f[i - 1])
          && Math.abs(f0) <= Math.abs(f1)) {
        Double r = touching(a, v, t[i - 1], t[i + 1], base);
        if (r != null) {
          out.add(r);
          found++;
        }
      }
    }
  }

  /**
   * {@code left - right} at {@code v = t}, scaled so that roots read as 0; null where undefined.
   */
  private static Double difference(Atom a, String v, double t, Map<String, Value> base) {
    Map<String, Value> at = new HashMap<>(base);
    at.put(v, Value.of(t));
    Double l = real(a.left(), at);
    Double r = real(a.right(), at);
    if (l == null || r == null || !Double.isFinite(l) || !Double.isFinite(r)) {
      return null;
    }
    return l - r;
  }

  private static Double bisect(
      Atom a, String v, double lo, double hi, double flo, Map<String, Value> base) {
    for (int k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
      double mid = (lo + hi) / 2;
      Double fm = difference(a, v, mid, base);
      if (fm == null) {
        return null;
      }
      if (fm == 0) {
        return mid;
      }
      if (Math.signum(fm) == Math.signum(flo)) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    double r = (lo + hi) / 2;
    return isRoot(a, v, r, base) ? r : null;
  }

  /** A root where the difference touches 0 without changing sign, as in {@code (x-1)^2 = 0}. */
  private static Double touching(Atom a, String v, double lo, double hi, Map<String, Value> base) {
    for (int k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      Double f1 = difference(a, v, m1, base);
      Double f2 = difference(a, v, m2, base);
      if (f1 == null || f2 == null) {
        return null;
      }
      if (Math.abs(f1) < Math.abs(f2)) {
        hi = m2;
      } else {
        lo = m1;
      }
    }
    double r = (lo + hi) / 2;
    return isRoot(a, v, r, base) ? r : null;
  }

  private static boolean isRoot(Atom a, String v, double t, Map<String, Value> base) {
    Map<String, Value> at = new HashMap<>(base);
    at.put(v, Value.of(t));
    Double l = real(a.left(), at);
    Double r = real(a.right(), at);
    return l != null
        && r != null
        && Math.abs(l - r) <= EQUAL * Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
  }

  /** Where the relation stops being defined between {@code lo} and {@code hi}. */
  private static double domainEdge(
      Atom a, String v, double lo, double hi, boolean definedLow, Map<String, Value> base) {
    for (int k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
      double mid = (lo + hi) / 2;
      boolean defined = difference(a, v, mid, base) != null;
      if (defined == definedLow) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return definedLow ? lo : hi;
  }
}
