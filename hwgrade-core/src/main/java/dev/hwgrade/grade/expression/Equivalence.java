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
import dev.hwgrade.model.Compare;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an answer means the same as a key, form by form: words, equations (a named left
 * side matches the bare right side; equivalent equations match), inequalities and intervals (an
 * inequality matches the interval it describes), sets and lists (order free), tuples and intervals
 * (ordered), {@code ±}, matrices, Big-O, percentages, and last scalar expressions via {@link
 * ScalarComparison}; notation of uncertain meaning (degrees, {@code \log}) is read each way by
 * {@link AmbiguousNotation}. Conditions joined by and/or/not, set operations, and relations the
 * direct comparison finds different are compared by their solution sets ({@link SolutionSets}),
 * under the key's {@link Compare} option.
 */
final class Equivalence {
  /**
   * Symja gets at most this long per comparison, or half the part's time limit when that is longer
   * (a longer limit is time the user gives); most simplifications that succeed take a few ms.
   */
  private static final long SYMJA_MILLIS = 1_000;

  private static final Set<String> EQUALITIES = Set.of("=", "≈");

  private final Set<String> matrices;
  private final RandomPoints points;
  private final Deadline deadline;
  private final ScalarComparison scalars;
  private final RelationComparison relations;
  private final CollectionComparison collections;
  private final AmbiguousNotation notation;
  private final SolutionSets solutions;

  Equivalence(Set<String> matrices, boolean ordered, long seed, Deadline deadline) {
    this(matrices, ordered, seed, deadline, Compare.FORM);
  }

  Equivalence(
      Set<String> matrices, boolean ordered, long seed, Deadline deadline, Compare compare) {
    this(matrices, Set.of(), ordered, seed, deadline, compare);
  }

  /**
   * @param positive symbols compared only at positive values ({@code all} for every symbol)
   */
  Equivalence(
      Set<String> matrices,
      Set<String> positive,
      boolean ordered,
      long seed,
      Deadline deadline,
      Compare compare) {
    this.matrices = matrices;
    this.points = new RandomPoints(seed, matrices, positive);
    this.deadline = deadline;
    this.scalars = new ScalarComparison(matrices, points, deadline);
    this.relations = new RelationComparison(this, points, scalars, matrices);
    this.collections = new CollectionComparison(this, ordered);
    this.notation = new AmbiguousNotation(this::prepared, matrices);
    this.solutions = new SolutionSets(points, deadline, compare);
  }

  Decision compare(MathNode key, MathNode answer) {
    return notation.compare(key, answer);
  }

  /** Compares two trees as written, once {@code ±} is expanded and chains reduced. */
  private Decision prepared(MathNode key, MathNode answer) {
    if (RelationComparison.isEquation(key)
        && !Nodes.freeSymbols(key).isEmpty()
        && answer instanceof Relation r
        && Nodes.freeSymbols(answer).isEmpty()
        && r.operands().stream().allMatch(Equivalence::isPlainNumber)) {
      return Decision.different(
          "the answer "
              + answer
              + " states an identity between numbers, not a value of the key's "
              + String.join(", ", Nodes.freeSymbols(key)));
    }
    // x = y = z = 1 against (1, 1, 1) names each entry; against a single value it is that value
    if (key instanceof Seq ks && ks.items().size() > 1) {
      answer = namedEntries(answer);
    } else if (answer instanceof Seq as && as.items().size() > 1) {
      key = namedEntries(key);
    }
    if (key instanceof Matrix km) {
      answer = withIdentity(km, key, answer);
    } else if (answer instanceof Matrix am) {
      key = withIdentity(am, answer, key);
    }
    return direct(prepare(key), prepare(answer));
  }

  private static MathNode namedEntries(MathNode n) {
    Seq entries = CollectionComparison.chainOfNames(n);
    return entries == null ? n : entries;
  }

  /**
   * {@code 2I} against a square matrix: {@code I} (or {@code I_n}) is the identity of the matrix's
   * size, unless the matrix side uses that name itself.
   */
  private static MathNode withIdentity(Matrix m, MathNode matrixSide, MathNode other) {
    int n = m.rows().size();
    if (n == 0 || m.rows().get(0).size() != n) {
      return other;
    }
    Set<String> names = Nodes.freeSymbols(other);
    Set<String> own = Nodes.freeSymbols(matrixSide);
    boolean identity = names.stream().anyMatch(x -> isIdentityName(x, n) && !own.contains(x));
    if (!identity) {
      return other;
    }
    List<List<MathNode>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<MathNode> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        row.add(new Num(i == j ? BigDecimal.ONE : BigDecimal.ZERO, false));
      }
      rows.add(row);
    }
    Matrix eye = new Matrix(rows);
    return Nodes.map(
        other,
        x ->
            x instanceof Sym s && isIdentityName(s.name(), n) && !own.contains(s.name()) ? eye : x);
  }

  private static boolean isIdentityName(String name, int n) {
    return name.equals("I") || name.equals("I_" + n) || name.equals("I_{" + n + "}");
  }

  private Decision direct(MathNode k, MathNode a) {
    if (Nodes.canonical(k, matrices).equals(Nodes.canonical(a, matrices))) {
      return Decision.equal("the same expression once notation is normalised");
    }
    return any(k, a);
  }

  /**
   * Expands ± into a list of both signs, inside lists too; {@code -(20%)} becomes {@code (-20)%}.
   */
  private static MathNode prepare(MathNode n) {
    if (n instanceof Neg g && g.operand() instanceof Percent p) {
      n = new Percent(new Neg(p.value()));
    }
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

  /**
   * {@code x = 5+5+1 = 11} → {@code x = 11}; {@code 1 = y = 0} → {@code 0}; {@code x ≈ 3} → {@code
   * x = 3}; {@code \ln 2 ≈ 0.693} → {@code \ln 2}.
   */
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
      if (r.ops().get(0).equals("≈") && Nodes.isName(first)) {
        return new Relation(List.of(first, value), List.of("="));
      }
      if (r.ops().get(0).equals("≈")
          && Nodes.freeSymbols(n).isEmpty()
          && approximates(value, first)) {
        return first; // \ln 2 ≈ 0.693: the exact value, with its decimal for the reader
      }
      return n;
    }
    if (Nodes.isName(first) && value != first) {
      return new Relation(List.of(first, value), List.of("="));
    }
    return value;
  }

  /**
   * Whether {@code approximation} is within 1% of {@code exact} (both without variables): {@code
   * \ln 2 ≈ 0.693} states the exact value, {@code \ln 2 ≈ 0.5} states something false.
   */
  private static boolean approximates(MathNode approximation, MathNode exact) {
    try {
      NumericEvaluator at = new NumericEvaluator(java.util.Map.of());
      Value a = at.eval(approximation);
      Value e = at.eval(exact);
      if (a.scalar == null || e.scalar == null) {
        return false;
      }
      double x = a.scalar.re();
      double y = e.scalar.re();
      return Math.abs(a.scalar.im()) < 1e-12
          && Math.abs(e.scalar.im()) < 1e-12
          && Math.abs(x - y) <= 0.01 * Math.abs(y);
    } catch (EvaluationException | RuntimeException ex) {
      return false;
    }
  }

  /** Compares any two forms; the form comparisons call back here for their parts. */
  Decision any(MathNode k, MathNode a) {
    if (deadline.passed()) {
      return Decision.unknown("the time limit was reached");
    }
    if (k instanceof Word || a instanceof Word) {
      return words(k, a);
    }
    if (involvesMatrix(k) || involvesMatrix(a)) {
      return beyondConditions(k, a);
    }
    k = listed(k, a);
    a = listed(a, k);
    if (solutions.applies(k, a, false)) {
      MathNode kl = listed(k, null);
      MathNode al = listed(a, null);
      if (kl instanceof Seq
          && al instanceof Seq
          && SolutionSets.isListing(kl)
          && SolutionSets.isListing(al)) {
        // x = 2 or x = -2 against x = -2, x = 2: the same list of solutions
        Decision d = collections.compare(kl, al);
        if (d.isEqual()) {
          return d;
        }
      }
      return solutions.compare(k, a);
    }
    if (k instanceof Relation || a instanceof Relation) {
      Decision d = relations.compare(k, a);
      if (!d.isEqual() && solutions.applies(k, a, true)) {
        Decision s = solutions.compare(k, a);
        return s.outcome() == Decision.Outcome.UNKNOWN ? d : s;
      }
      return d;
    }
    return beyondConditions(k, a);
  }

  private boolean involvesMatrix(MathNode n) {
    return !matrices.isEmpty() && Nodes.involvesMatrix(n, matrices);
  }

  /**
   * Equations joined by and/or as a bare list ({@code x = 2 or x = -2} as {@code x = 2, x = -2}),
   * as hwgrade reads a list of solutions, unless {@code other} is itself a condition.
   */
  private static MathNode listed(MathNode n, MathNode other) {
    if (!(n instanceof Call c)
        || !c.function().equals("or") && !c.function().equals("and")
        || other != null && SolutionSets.isCondition(other)) {
      return n;
    }
    List<MathNode> items = new ArrayList<>();
    for (MathNode arg : c.args()) {
      MathNode item = listed(arg, null);
      if (item instanceof Seq s && s.bare()) {
        items.addAll(s.items());
      } else if (RelationComparison.isEquation(item)) {
        items.add(item);
      } else {
        return n;
      }
    }
    return new Seq(items, ' ', ' ');
  }

  private Decision beyondConditions(MathNode k, MathNode a) {
    if (k instanceof Relation || a instanceof Relation) {
      return relations.compare(k, a);
    }
    if (SolutionSets.hasLogic(k) != SolutionSets.hasLogic(a)
        && (k instanceof Call || a instanceof Call)) {
      // a condition or set operation against a value: different kinds of answer
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    if (k instanceof Seq || a instanceof Seq || k instanceof Union || a instanceof Union) {
      return collections.compare(k, a);
    }
    if (k instanceof Matrix km && a instanceof Matrix am) {
      return collections.matrices(km, am);
    }
    if (GrowthComparison.isClass(k) || GrowthComparison.isClass(a)) {
      return GrowthComparison.compare(k, a);
    }
    if (k instanceof Percent || a instanceof Percent) {
      return percent(k, a);
    }
    if (Nodes.contains(k, Word.class) || Nodes.contains(a, Word.class)) {
      return Decision.different(a + " is not " + k);
    }
    if (!Nodes.contains(k, Seq.class) && Nodes.contains(a, Seq.class)) {
      return Decision.different(
          "the answer " + a + " puts a list or interval inside arithmetic; the key is " + k);
    }
    Decision d = scalars.compare(k, a);
    if (d.outcome() != Decision.Outcome.UNKNOWN || d.settled()) {
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
    long budget =
        Math.min(deadline.remainingMillis(), Math.max(SYMJA_MILLIS, deadline.totalMillis() / 2));
    return switch (SymjaCas.simplifiesToZero("(" + ks + ")-(" + as + ")", budget)) {
      case ZERO -> Decision.equal("Symja simplifies their difference to 0");
      case NONZERO -> Decision.different("Symja simplifies their difference to a nonzero number");
      case UNKNOWN ->
          Decision.unknown(
              undecided.reason()
                  + (SymjaCas.unavailableReason() == null
                      ? ", and Symja could not simplify the difference in time"
                      : "; " + SymjaCas.unavailableReason()));
    };
  }

  private static Decision words(MathNode k, MathNode a) {
    String kw = wordOf(k);
    String aw = wordOf(a);
    if (kw != null && aw != null && kw.equalsIgnoreCase(aw)) {
      return Decision.equal("both say \"" + kw + "\"");
    }
    return Decision.different(
        "\"" + (aw == null ? a : aw) + "\" is not \"" + (kw == null ? k : kw) + "\"");
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

  /**
   * A percentage against a percentage compares the numbers. Against a plain value, a percentage
   * means its fraction ({@code 28%} and {@code 0.28}); it also matches the bare number written
   * ({@code 28%} and {@code 28}, since keys and answers often omit the sign), but only when that
   * side is a plain number: {@code 4 4/9%} is not the key {@code 40/9}.
   */
  private Decision percent(MathNode k, MathNode a) {
    MathNode kv = k instanceof Percent p ? p.value() : k;
    MathNode av = a instanceof Percent p ? p.value() : a;
    if (k instanceof Percent && a instanceof Percent) {
      return any(kv, av);
    }
    MathNode plain = k instanceof Percent ? av : kv;
    Decision scaled = k instanceof Percent ? any(hundredth(kv), av) : any(kv, hundredth(av));
    if (scaled.isEqual()) {
      return Decision.equal("equal as a fraction: " + scaled.reason());
    }
    if (!isPlainNumber(plain)) {
      return Decision.different(
          "the percentage "
              + (k instanceof Percent ? k : a)
              + " is not "
              + plain
              + " as a fraction (a sign-less reading applies only to a plain number)");
    }
    Decision d = any(kv, av);
    return d.isEqual()
        ? Decision.equal("the same number, one with a percent sign: " + d.reason())
        : d;
  }

  /**
   * {@code v/100}; a decimal keeps its digits ({@code 66.67} → {@code 0.6667}), so it is judged at
   * the digits shown.
   */
  private static MathNode hundredth(MathNode v) {
    if (v instanceof Num n) {
      return new Num(n.value().movePointLeft(2), n.approximate());
    }
    if (v instanceof Neg g && g.operand() instanceof Num n) {
      return new Neg(new Num(n.value().movePointLeft(2), n.approximate()));
    }
    return new Div(v, new Num(BigDecimal.valueOf(100), false));
  }

  /** A number as written: {@code 28}, {@code -0.5}, or a mixed number such as {@code 33 1/3}. */
  private static boolean isPlainNumber(MathNode n) {
    MathNode m = n instanceof Neg g ? g.operand() : n;
    return m instanceof Num
        || m instanceof Add add
            && add.terms().size() == 2
            && add.terms().get(0) instanceof Num
            && add.terms().get(1) instanceof Div d
            && d.numerator() instanceof Num
            && d.denominator() instanceof Num;
  }
}
