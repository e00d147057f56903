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
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import dev.hwgrade.latex.MathNode.Word;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether an answer means the same as a key, form by form: words, equations (a named left
 * side matches the bare right side; equivalent equations match), inequalities and intervals (a key
 * inequality matches an answer interval, not the reverse), sets and lists (order free), tuples and
 * intervals (ordered), {@code ±}, matrices, Big-O, percentages, and last scalar expressions via
 * {@link ScalarComparison}.
 */
final class Equivalence {
  private static final int MAX_ITEMS = 64;
  /** Symja gets at most this long per comparison; most simplifications that succeed take a few ms. */
  private static final long SYMJA_MILLIS = 1_000;
  private static final Set<String> EQUALITIES = Set.of("=", "≈");
  private static final Set<String> ORDER = Set.of("<", "≤", ">", "≥", "≠");

  private final Set<String> matrices;
  private final boolean ordered;
  private final RandomPoints points;
  private final Deadline deadline;
  private final ScalarComparison scalars;

  Equivalence(Set<String> matrices, boolean ordered, long seed, Deadline deadline) {
    this.matrices = matrices;
    this.ordered = ordered;
    this.points = new RandomPoints(seed, matrices);
    this.deadline = deadline;
    this.scalars = new ScalarComparison(matrices, points, deadline);
  }

  Decision compare(MathNode key, MathNode answer) {
    MathNode k = prepare(key);
    MathNode a = prepare(answer);
    if (Nodes.canonical(k, matrices).equals(Nodes.canonical(a, matrices))) {
      return Decision.equal("the same expression once notation is normalised");
    }
    return any(k, a);
  }

  /** Expands ± into a list of both signs, inside lists too. */
  private static MathNode prepare(MathNode n) {
    if (n instanceof Seq s && (s.bare() || s.isSet())) {
      List<MathNode> items = new ArrayList<>();
      for (MathNode item : s.items()) {
        items.addAll(Nodes.expandPlusMinus(reduceChain(item)));
      }
      return new Seq(items, s.open(), s.close());
    }
    List<MathNode> expanded = Nodes.expandPlusMinus(reduceChain(n));
    return expanded.size() == 1 ? expanded.get(0) : new Seq(expanded, ' ', ' ');
  }

  /** {@code x = 5+5+1 = 11} → {@code x = 11}; {@code 1 = y = 0} → {@code 0}; {@code x ≈ 3} → {@code x = 3}. */
  private static MathNode reduceChain(MathNode n) {
    if (!(n instanceof Relation r) || !EQUALITIES.containsAll(r.ops())) {
      return n;
    }
    int lastEquals = r.ops().lastIndexOf("=");
    MathNode value = r.operands().get(lastEquals >= 0 ? lastEquals + 1 : r.operands().size() - 1);
    MathNode first = r.operands().get(0);
    if (r.operands().size() == 2 && Nodes.freeSymbols(n).isEmpty() && r.ops().get(0).equals("=")) {
      return value;
    }
    if (r.operands().size() == 2) {
      return r.ops().get(0).equals("≈") && Nodes.isName(first) ? new Relation(List.of(first, value), List.of("=")) : n;
    }
    if (Nodes.isName(first) && value != first) {
      return new Relation(List.of(first, value), List.of("="));
    }
    return value;
  }

  private Decision any(MathNode k, MathNode a) {
    if (deadline.passed()) {
      return Decision.unknown("the time limit was reached");
    }
    if (k instanceof Word || a instanceof Word) {
      return words(k, a);
    }
    boolean keyRelation = k instanceof Relation;
    boolean answerRelation = a instanceof Relation;
    if (keyRelation || answerRelation) {
      return relations(k, a);
    }
    if (k instanceof Seq || a instanceof Seq || k instanceof Union || a instanceof Union) {
      return collections(k, a);
    }
    if (k instanceof Matrix km && a instanceof Matrix am) {
      return matrices(km, am);
    }
    if (k instanceof Call kc && kc.function().equals("O") || a instanceof Call ac && ac.function().equals("O")) {
      return bigO(k, a);
    }
    if (k instanceof Percent || a instanceof Percent) {
      return percent(k, a);
    }
    if (Nodes.contains(k, Word.class) || Nodes.contains(a, Word.class)) {
      return Decision.different(a + " is not " + k);
    }
    Decision d = scalars.compare(k, a);
    if (d.outcome() != Decision.Outcome.UNKNOWN) {
      return d;
    }
    if (Nodes.canonical(k, matrices).equals(Nodes.canonical(a, matrices))) {
      return Decision.equal("the same expression up to the order of terms");
    }
    return symbolic(k, a, d);
  }

  /** Asks Symja to simplify the difference, for what evaluation at points could not decide. */
  private Decision symbolic(MathNode k, MathNode a, Decision undecided) {
    if (Nodes.involvesMatrix(k, matrices) || Nodes.involvesMatrix(a, matrices)) {
      return undecided;
    }
    SymjaSyntax syntax = new SymjaSyntax();
    String ks = syntax.write(k);
    String as = syntax.write(a);
    if (ks == null || as == null) {
      return undecided;
    }
    long budget = Math.min(deadline.remainingMillis(), SYMJA_MILLIS);
    return switch (SymjaCas.simplifiesToZero("(" + ks + ")-(" + as + ")", budget)) {
      case ZERO -> Decision.equal("Symja simplifies their difference to 0");
      case NONZERO -> Decision.different("Symja simplifies their difference to a nonzero number");
      case UNKNOWN -> Decision.unknown(undecided.reason() + ", and Symja could not simplify the difference in time");
    };
  }

  private static Decision words(MathNode k, MathNode a) {
    String kw = wordOf(k);
    String aw = wordOf(a);
    if (kw != null && aw != null && kw.equalsIgnoreCase(aw)) {
      return Decision.equal("both say \"" + kw + "\"");
    }
    return Decision.different("\"" + (aw == null ? a : aw) + "\" is not \"" + (kw == null ? k : kw) + "\"");
  }

  /** The word a node spells, {@code E v e n} → {@code Even}; null when it is not a word. */
  private static String wordOf(MathNode n) {
    if (n instanceof Word w) {
      return w.text().replaceAll("^[(\\[]|[)\\].]$", "").strip();
    }
    if (n instanceof Sym s && s.name().matches("[A-Za-z]+")) {
      return s.name();
    }
    if (n instanceof Mul m) {
      StringBuilder sb = new StringBuilder();
      for (MathNode f : m.factors()) {
        String w = wordOf(f);
        if (w == null) {
          return null;
        }
        sb.append(w);
      }
      return sb.toString();
    }
    return null;
  }

  // ---- equations and inequalities ----

  private static boolean isEquation(MathNode n) {
    return n instanceof Relation r && r.ops().size() == 1 && r.ops().get(0).equals("=");
  }

  private static boolean isOrder(MathNode n) {
    return n instanceof Relation r && ORDER.containsAll(r.ops());
  }

  private static boolean isMembership(MathNode n) {
    return n instanceof Relation r && r.ops().size() == 1 && r.ops().get(0).equals("∈");
  }

  private Decision relations(MathNode k, MathNode a) {
    if (isMembership(k)) {
      return any(((Relation) k).operands().get(1), a);
    }
    if (isMembership(a)) {
      return any(k, ((Relation) a).operands().get(1));
    }
    if (isEquation(k) && isEquation(a)) {
      return equations((Relation) k, (Relation) a);
    }
    if (isEquation(k) && !(a instanceof Relation)) {
      Relation r = (Relation) k;
      if (Nodes.isName(r.operands().get(0))) {
        return any(r.operands().get(1), a);
      }
      return Decision.different("the key is the equation " + k + "; the answer " + a + " is not an equation");
    }
    if (isEquation(a) && !(k instanceof Relation)) {
      Relation r = (Relation) a;
      if (Nodes.isName(r.operands().get(0))) {
        return any(k, r.operands().get(1));
      }
      return Decision.different("the answer is the equation " + a + "; the key is " + k);
    }
    if (isOrder(k) && isOrder(a)) {
      return inequalities((Relation) k, (Relation) a);
    }
    if (isOrder(k) && (a instanceof Seq || a instanceof Union)) {
      MathNode interval = toInterval((Relation) k);
      if (interval != null) {
        return any(interval, a);
      }
    }
    if (isOrder(a) && (k instanceof Seq || k instanceof Union)) {
      return Decision.different("the answer states a condition (" + a + ") where the key asks for the set " + k);
    }
    return Decision.different("the key is " + k + " but the answer is " + a);
  }

  private Decision equations(Relation k, Relation a) {
    MathNode kl = k.operands().get(0);
    MathNode al = a.operands().get(0);
    if (Nodes.isName(kl) && Nodes.isName(al)) {
      Decision rhs = any(k.operands().get(1), a.operands().get(1));
      if (!rhs.isDifferent() || Nodes.canonical(kl, matrices).equals(Nodes.canonical(al, matrices))) {
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

  /** Whether {@code f = c·g} for one constant c (positive when {@code positive}) at random points. */
  private Decision proportional(MathNode f, MathNode g, boolean positive) {
    TreeSet<String> symbols = Nodes.freeSymbols(f);
    symbols.addAll(Nodes.freeSymbols(g));
    if (symbols.isEmpty()) {
      return scalars.compare(f, g);
    }
    Complex ratio = null;
    int valid = 0;
    for (int p = 0; p < ScalarComparison.POINTS; p++) {
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
          return Decision.different("their differences are not proportional at random points of " + String.join(", ", symbols));
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
      return Decision.different("one is the other multiplied by " + ScalarComparison.format(Value.of(ratio)));
    }
    return Decision.equal("one is the other multiplied by " + ScalarComparison.format(Value.of(ratio)));
  }

  private Decision inequalities(Relation k, Relation a) {
    List<Relation> ks = split(k);
    List<Relation> as = split(a);
    if (ks.size() != as.size()) {
      return Decision.different("the answer states " + as.size() + " conditions, the key " + ks.size());
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
      out.add(new Relation(List.of(r.operands().get(i), r.operands().get(i + 1)), List.of(r.ops().get(i))));
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

  /** {@code -2 ≤ x ≤ 7} → {@code [-2, 7]}, {@code x > 5} → {@code (5, ∞)}; null when not of that shape. */
  private static MathNode toInterval(Relation r) {
    List<MathNode> o = r.operands();
    List<String> ops = r.ops();
    if (ops.size() == 2 && o.get(1) instanceof Call abs && abs.function().equals("abs") && Nodes.isName(abs.args().get(0))
        && ops.stream().allMatch(x -> x.equals("<") || x.equals("≤"))) {
      return absoluteBand(o.get(0), o.get(2), ops.get(0).equals("≤"), ops.get(1).equals("≤"));
    }
    if (ops.size() == 2 && Nodes.isName(o.get(1)) && Nodes.freeSymbols(o.get(0)).isEmpty() && Nodes.freeSymbols(o.get(2)).isEmpty()) {
      boolean up = ops.stream().allMatch(x -> x.equals("<") || x.equals("≤"));
      boolean down = ops.stream().allMatch(x -> x.equals(">") || x.equals("≥"));
      if (up) {
        return new Seq(List.of(o.get(0), o.get(2)), ops.get(0).equals("<") ? '(' : '[', ops.get(1).equals("<") ? ')' : ']');
      }
      if (down) {
        return new Seq(List.of(o.get(2), o.get(0)), ops.get(1).equals(">") ? '(' : '[', ops.get(0).equals(">") ? ')' : ']');
      }
      return null;
    }
    if (ops.size() == 1 && !ops.get(0).equals("≠")) {
      String op = ops.get(0);
      MathNode name = o.get(0);
      MathNode bound = o.get(1);
      if (!Nodes.isName(name)) {
        name = o.get(1);
        bound = o.get(0);
        op = switch (op) {
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
  private static MathNode absoluteBand(MathNode lo, MathNode hi, boolean closedLow, boolean closedHigh) {
    Rational low = ExactEvaluator.eval(lo);
    if (low == null || low.num().signum() <= 0 || !Nodes.freeSymbols(hi).isEmpty()) {
      return null;
    }
    MathNode negative = new Seq(List.of(new Neg(hi), new Neg(lo)), closedHigh ? '[' : '(', closedLow ? ']' : ')');
    MathNode positive = new Seq(List.of(lo, hi), closedLow ? '[' : '(', closedHigh ? ']' : ')');
    return new Union(List.of(negative, positive));
  }

  // ---- collections ----

  private Decision collections(MathNode k, MathNode a) {
    if (k instanceof Union ku && a instanceof Union au) {
      return asSets(ku.parts(), au.parts(), "parts");
    }
    if (k instanceof Union || a instanceof Union) {
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    if (!(k instanceof Seq) || !(a instanceof Seq)) {
      Seq s = (Seq) (k instanceof Seq ? k : a);
      MathNode other = k instanceof Seq ? a : k;
      if (s.items().size() == 1 && (s.bare() || s.isSet())) {
        return k instanceof Seq ? any(s.items().get(0), other) : any(other, s.items().get(0));
      }
      if (other instanceof Matrix m && m.rows().get(0).size() == 1 && !s.bare()) {
        return any(k instanceof Seq ? k : columnAsTuple(m), k instanceof Seq ? columnAsTuple(m) : a);
      }
      return Decision.different(k instanceof Seq
          ? "the key lists " + s.items().size() + " items; the answer is " + a
          : "the answer lists " + s.items().size() + " items; the key is " + k);
    }
    Seq ks = (Seq) k;
    Seq as = (Seq) a;
    if (ks.items().size() > MAX_ITEMS || as.items().size() > MAX_ITEMS) {
      return Decision.unknown("too many items to compare");
    }
    boolean kTuple = !ks.bare() && !ks.isSet();
    boolean aTuple = !as.bare() && !as.isSet();
    if (kTuple && aTuple && ks.items().size() == 2 && (ks.open() != as.open() || ks.close() != as.close())) {
      return Decision.different("the ends differ: " + a + " against " + k + " (open and closed ends are not the same)");
    }
    if ((kTuple || aTuple) && (ordered || !(kTuple && aTuple))) {
      return inOrder(ks.items(), as.items());
    }
    return asSets(ks.items(), as.items(), "items");
  }

  private static Seq columnAsTuple(Matrix m) {
    List<MathNode> items = new ArrayList<>();
    for (List<MathNode> row : m.rows()) {
      items.add(row.get(0));
    }
    return new Seq(items, '(', ')');
  }

  private Decision inOrder(List<MathNode> k, List<MathNode> a) {
    if (k.size() != a.size()) {
      return Decision.different("the answer has " + a.size() + " entries, the key " + k.size());
    }
    for (int i = 0; i < k.size(); i++) {
      Decision d = any(k.get(i), a.get(i));
      if (!d.isEqual()) {
        return d.isDifferent()
            ? Decision.different("entry " + (i + 1) + " differs: " + d.reason())
            : Decision.unknown("entry " + (i + 1) + ": " + d.reason());
      }
    }
    return Decision.equal("all " + k.size() + " entries match in order");
  }

  private Decision asSets(List<MathNode> k, List<MathNode> a, String what) {
    boolean unknown = false;
    for (MathNode x : k) {
      Decision d = findIn(x, a, true);
      if (d.isDifferent()) {
        return Decision.different("the answer lacks " + x);
      }
      unknown |= !d.isEqual();
    }
    for (MathNode y : a) {
      Decision d = findIn(y, k, false);
      if (d.isDifferent()) {
        return Decision.different("the answer has " + y + ", which the key does not");
      }
      unknown |= !d.isEqual();
    }
    return unknown
        ? Decision.unknown("some " + what + " could not be compared")
        : Decision.equal("the same " + what + " (" + k.size() + ") in any order");
  }

  private Decision findIn(MathNode x, List<MathNode> pool, boolean xIsKey) {
    boolean unknown = false;
    for (MathNode y : pool) {
      Decision d = xIsKey ? any(x, y) : any(y, x);
      if (d.isEqual()) {
        return d;
      }
      unknown |= d.outcome() == Decision.Outcome.UNKNOWN;
    }
    return unknown ? Decision.unknown("undecided") : Decision.different("absent");
  }

  private Decision matrices(Matrix k, Matrix a) {
    int rows = k.rows().size();
    int cols = k.rows().get(0).size();
    if (a.rows().size() != rows || a.rows().get(0).size() != cols) {
      return Decision.different("the answer is a " + a.rows().size() + "×" + a.rows().get(0).size()
          + " matrix, the key " + rows + "×" + cols);
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Decision d = any(k.rows().get(i).get(j), a.rows().get(i).get(j));
        if (!d.isEqual()) {
          String where = "entry (" + (i + 1) + ", " + (j + 1) + ")";
          return d.isDifferent() ? Decision.different(where + " differs: " + d.reason()) : Decision.unknown(where + ": " + d.reason());
        }
      }
    }
    return Decision.equal("all " + rows * cols + " entries of the " + rows + "×" + cols + " matrices match");
  }

  // ---- percent and Big-O ----

  private Decision percent(MathNode k, MathNode a) {
    MathNode kv = k instanceof Percent p ? p.value() : k;
    MathNode av = a instanceof Percent p ? p.value() : a;
    Decision d = any(kv, av);
    if (d.isEqual() || k instanceof Percent && a instanceof Percent) {
      return d;
    }
    MathNode hundred = new Num(BigDecimal.valueOf(100), false);
    Decision scaled = k instanceof Percent ? any(new Div(kv, hundred), av) : any(kv, new Div(av, hundred));
    return scaled.isEqual() ? Decision.equal("equal as a fraction: " + scaled.reason()) : d;
  }

  private Decision bigO(MathNode k, MathNode a) {
    if (!(k instanceof Call kc && kc.function().equals("O")) || !(a instanceof Call ac && ac.function().equals("O"))) {
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    MathNode f = kc.args().get(0);
    MathNode g = ac.args().get(0);
    TreeSet<String> symbols = Nodes.freeSymbols(f);
    symbols.addAll(Nodes.freeSymbols(g));
    double[] ts = {1e4, 1e8, 1e16};
    double[] ratios = new double[ts.length];
    try {
      for (int i = 0; i < ts.length; i++) {
        Map<String, Value> point = RandomPoints.growing(symbols, ts[i]);
        Value fv = new NumericEvaluator(point).eval(f);
        Value gv = new NumericEvaluator(point).eval(g);
        ratios[i] = fv.scalar.abs() / gv.scalar.abs();
      }
    } catch (EvaluationException | ArithmeticException | NullPointerException e) {
      return Decision.unknown("could not evaluate the growth rates");
    }
    double last = ratios[ratios.length - 1];
    double before = ratios[ratios.length - 2];
    if (!Double.isFinite(last) || last == 0 || !Double.isFinite(before) || before == 0) {
      return Decision.different("O(" + g + ") grows at a different rate from O(" + f + ")");
    }
    if (Math.abs(last - before) <= 0.05 * Math.abs(last) && Math.abs(Math.log(last)) < Math.log(1e6)) {
      return Decision.equal("O(" + g + ") and O(" + f + ") grow at the same rate (their ratio tends to "
          + String.format(Locale.ROOT, "%.3g", last) + ")");
    }
    return Decision.different("O(" + g + ") grows " + (last > before ? "faster" : "slower") + " than O(" + f + ")");
  }
}
