package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
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
  /** Symja gets at most this long per comparison; most simplifications that succeed take a few ms. */
  private static final long SYMJA_MILLIS = 1_000;
  private static final Set<String> EQUALITIES = Set.of("=", "≈");
  /** The call the parser makes of a value with a degree sign. */
  private static final String DEGREES = "degrees";

  private final Set<String> matrices;
  private final RandomPoints points;
  private final Deadline deadline;
  private final ScalarComparison scalars;
  private final RelationComparison relations;
  private final CollectionComparison collections;

  Equivalence(Set<String> matrices, boolean ordered, long seed, Deadline deadline) {
    this.matrices = matrices;
    this.points = new RandomPoints(seed, matrices);
    this.deadline = deadline;
    this.scalars = new ScalarComparison(matrices, points, deadline);
    this.relations = new RelationComparison(this, points, scalars, matrices);
    this.collections = new CollectionComparison(this, ordered);
  }

  Decision compare(MathNode key, MathNode answer) {
    Decision d = compareAsWritten(key, answer);
    if (!d.isDifferent()) {
      return d;
    }
    TreeSet<String> onlyKey = Nodes.freeSymbols(key);
    TreeSet<String> onlyAnswer = Nodes.freeSymbols(answer);
    onlyKey.removeAll(Nodes.freeSymbols(answer));
    onlyAnswer.removeAll(Nodes.freeSymbols(key));
    TreeSet<String> shared = Nodes.freeSymbols(key);
    shared.retainAll(Nodes.freeSymbols(answer));
    if (onlyKey.size() != 1 || onlyAnswer.size() != 1 || shared.isEmpty() || matrices.contains(onlyKey.first())
        || !onlyKey.first().matches("[A-Za-z]") || !onlyAnswer.first().matches("[A-Za-z]")) {
      return d;
    }
    // f(x) = kx against f(x) = cx: the same answer if k is the key's arbitrary constant c
    String from = onlyAnswer.first();
    String to = onlyKey.first();
    MathNode renamed = Nodes.map(answer, n -> n instanceof Sym s && s.name().equals(from) ? new Sym(to) : n);
    return compareAsWritten(key, renamed).isEqual()
        ? Decision.unknown("equal if the answer's " + from + " stands for the key's " + to + ", which the key may not allow")
        : d;
  }

  private Decision compareAsWritten(MathNode key, MathNode answer) {
    MathNode k = prepare(key);
    MathNode a = prepare(answer);
    boolean keyDegrees = Nodes.containsCall(k, DEGREES);
    boolean answerDegrees = Nodes.containsCall(a, DEGREES);
    if (!keyDegrees && !answerDegrees) {
      return logarithms(k, a);
    }
    Decision plain = logarithms(Nodes.map(k, Equivalence::degreesAsNumber), Nodes.map(a, Equivalence::degreesAsNumber));
    if (plain.isEqual() || keyDegrees && answerDegrees) {
      return plain;
    }
    Decision radians = logarithms(Nodes.map(k, Equivalence::degreesAsRadians), Nodes.map(a, Equivalence::degreesAsRadians));
    return radians.isEqual() ? Decision.equal("the same angle, in degrees and in radians: " + radians.reason()) : plain;
  }

  /** {@code 30°} read as the number 30 (keys and answers often drop the sign). */
  private static MathNode degreesAsNumber(MathNode n) {
    return n instanceof Call c && c.function().equals(DEGREES) ? c.args().get(0) : n;
  }

  /** {@code 30°} read as {@code 30π/180}. */
  private static MathNode degreesAsRadians(MathNode n) {
    return n instanceof Call c && c.function().equals(DEGREES)
        ? new Div(new Mul(List.of(c.args().get(0), new Sym("pi"))), new Num(BigDecimal.valueOf(180), false))
        : n;
  }

  /**
   * {@code \log} without a base means the natural logarithm to some and base 10 to others, so an
   * answer that matches the key under only one of the two readings ({@code \log 2} for {@code \ln 2},
   * {@code \log 100} for 2) is undecided; under both or neither, the outcome is clear.
   */
  private Decision logarithms(MathNode k, MathNode a) {
    if (!Nodes.containsCall(k, "log") && !Nodes.containsCall(a, "log")) {
      return direct(k, a);
    }
    Decision natural = direct(k, a);
    Decision common = direct(Nodes.map(k, Equivalence::commonLog), Nodes.map(a, Equivalence::commonLog));
    if (natural.isEqual() && common.isEqual() || natural.isDifferent() && common.isDifferent()) {
      return natural;
    }
    if (!natural.isEqual() && !common.isEqual()) {
      return natural.isDifferent() ? common : natural;
    }
    return Decision.unknown("they agree only if \\log means " + (natural.isEqual() ? "the natural logarithm" : "the base-10 logarithm")
        + ", and the base of \\log is not written");
  }

  private static MathNode commonLog(MathNode n) {
    return n instanceof Call c && c.function().equals("log") && c.args().size() == 1 ? new Call("log10", c.args()) : n;
  }

  private Decision direct(MathNode k, MathNode a) {
    if (Nodes.canonical(k, matrices).equals(Nodes.canonical(a, matrices))) {
      return Decision.equal("the same expression once notation is normalised");
    }
    return any(k, a);
  }

  /** Expands ± into a list of both signs, inside lists too; {@code -(20%)} becomes {@code (-20)%}. */
  private static MathNode prepare(MathNode n) {
    if (n instanceof MathNode.Neg g && g.operand() instanceof Percent p) {
      n = new Percent(new MathNode.Neg(p.value()));
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

  /** Compares any two forms; the form comparisons call back here for their parts. */
  Decision any(MathNode k, MathNode a) {
    if (deadline.passed()) {
      return Decision.unknown("the time limit was reached");
    }
    if (k instanceof Word || a instanceof Word) {
      return words(k, a);
    }
    boolean keyRelation = k instanceof Relation;
    boolean answerRelation = a instanceof Relation;
    if (keyRelation || answerRelation) {
      return relations.compare(k, a);
    }
    if (k instanceof Seq || a instanceof Seq || k instanceof Union || a instanceof Union) {
      return collections.compare(k, a);
    }
    if (k instanceof Matrix km && a instanceof Matrix am) {
      return collections.matrices(km, am);
    }
    if (k instanceof Call kc && kc.function().equals("O") || a instanceof Call ac && ac.function().equals("O")) {
      return GrowthComparison.compare(k, a);
    }
    if (k instanceof Percent || a instanceof Percent) {
      return percent(k, a);
    }
    if (Nodes.contains(k, Word.class) || Nodes.contains(a, Word.class)) {
      return Decision.different(a + " is not " + k);
    }
    if (!Nodes.contains(k, Seq.class) && Nodes.contains(a, Seq.class)) {
      return Decision.different("the answer " + a + " puts a list or interval inside arithmetic; the key is " + k);
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
      return Decision.different("the percentage " + (k instanceof Percent ? k : a) + " is not " + plain
          + " as a fraction (a sign-less reading applies only to a plain number)");
    }
    Decision d = any(kv, av);
    return d.isEqual() ? Decision.equal("the same number, one with a percent sign: " + d.reason()) : d;
  }

  /** {@code v/100}; a decimal keeps its digits ({@code 66.67} → {@code 0.6667}), so it is judged at the digits shown. */
  private static MathNode hundredth(MathNode v) {
    if (v instanceof Num n) {
      return new Num(n.value().movePointLeft(2), n.approximate());
    }
    if (v instanceof MathNode.Neg g && g.operand() instanceof Num n) {
      return new MathNode.Neg(new Num(n.value().movePointLeft(2), n.approximate()));
    }
    return new Div(v, new Num(BigDecimal.valueOf(100), false));
  }

  /** A number as written: {@code 28}, {@code -0.5}, or a mixed number such as {@code 33 1/3}. */
  private static boolean isPlainNumber(MathNode n) {
    MathNode m = n instanceof MathNode.Neg g ? g.operand() : n;
    return m instanceof Num || m instanceof MathNode.Add add && add.terms().size() == 2 && add.terms().get(0) instanceof Num
        && add.terms().get(1) instanceof Div d && d.numerator() instanceof Num && d.denominator() instanceof Num;
  }
}
