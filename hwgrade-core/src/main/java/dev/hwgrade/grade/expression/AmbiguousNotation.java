package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Sym;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares under each reading of notation whose meaning the answer does not fix: a degree sign (the
 * number, or the angle in radians), {@code \log} without a base (natural or base 10), and a letter
 * the answer uses where the key uses another ({@code f(x) = kx} for {@code f(x) = cx}). A match
 * under only some readings of {@code \log} or of a renamed letter is undecided.
 */
final class AmbiguousNotation {
  /** The call the parser makes of a value with a degree sign. */
  private static final String DEGREES = "degrees";

  /** A comparison of two trees as written. */
  interface Comparison {
    Decision compare(MathNode key, MathNode answer);
  }

  private final Comparison direct;
  private final Set<String> matrices;

  AmbiguousNotation(Comparison direct, Set<String> matrices) {
    this.direct = direct;
    this.matrices = matrices;
  }

  Decision compare(MathNode key, MathNode answer) {
    Decision d = degrees(key, answer);
    if (d.isEqual()) {
      return d;
    }
    Decision shifted = shiftedByConstant(key, answer);
    if (shifted != null) {
      return shifted;
    }
    if (!d.isDifferent()) {
      return d;
    }
    TreeSet<String> onlyKey = Nodes.freeSymbols(key);
    TreeSet<String> onlyAnswer = Nodes.freeSymbols(answer);
    onlyKey.removeAll(Nodes.freeSymbols(answer));
    onlyAnswer.removeAll(Nodes.freeSymbols(key));
    TreeSet<String> shared = Nodes.freeSymbols(key);
    shared.retainAll(Nodes.freeSymbols(answer));
    if (onlyKey.size() != 1
        || onlyAnswer.size() != 1
        || shared.isEmpty()
        || matrices.contains(onlyKey.first())
        || !onlyKey.first().matches("[A-Za-z]")
        || !onlyAnswer.first().matches("[A-Za-z]")) {
      return d;
    }
    // f(x) = kx against f(x) = cx: the same answer if k is the key's arbitrary constant c
    String from = onlyAnswer.first();
    String to = onlyKey.first();
    MathNode renamed =
        Nodes.map(answer, n -> n instanceof Sym s && s.name().equals(from) ? new Sym(to) : n);
    if (degrees(key, renamed).isEqual() && isArbitraryConstant(key, to) && isUpper(from)) {
      // x^3/3 + K against x^3/3 + C, A e^{2x} against C e^{2x}: the constant of integration
      return Decision.equal(
          "the same once the answer's arbitrary constant " + from + " is read as the key's " + to);
    }
    return degrees(key, renamed).isEqual()
        ? Decision.unknown(
            "equal if the answer's "
                + from
                + " stands for the key's "
                + to
                + ", which the key may not allow")
        : d;
  }

  /**
   * Whether {@code c} is the key's arbitrary constant: named C, and a term of the key's sum or a
   * factor of a product with a function of the variable ({@code x^3/3 + C}, {@code y = C e^{2x}};
   * not {@code RC}, where C is a capacitance).
   */
  private static boolean isArbitraryConstant(MathNode key, String c) {
    if (!c.equals("C")) {
      return false;
    }
    MathNode k = key instanceof Relation r ? r.operands().get(r.operands().size() - 1) : key;
    if (k instanceof Add a) {
      return a.terms().stream().anyMatch(p -> p instanceof Sym s && s.name().equals(c));
    }
    // C e^{2x}, but not RC: beside the constant, a function of the variable, not another name
    return k instanceof Mul m
        && m.factors().stream().anyMatch(p -> p instanceof Sym s && s.name().equals(c))
        && m.factors().stream().anyMatch(p -> !(p instanceof Sym) && !(p instanceof Num));
  }

  /**
   * An antiderivative that differs from the key's by a constant, both with the arbitrary constant
   * {@code C} as a term ({@code 1 - \\cos x + C} for {@code -\\cos x + C}): the same family. The
   * difference of the two without their {@code C} is compared with itself at other values of its
   * variables; null when the rule does not apply or the difference is not shown constant.
   */
  private Decision shiftedByConstant(MathNode key, MathNode answer) {
    if (!isArbitraryConstant(key, "C")) {
      return null;
    }
    MathNode k = withoutConstant(key);
    MathNode a = withoutConstant(answer);
    if (k == null || a == null) {
      return null;
    }
    MathNode difference = new Add(List.of(a, new MathNode.Neg(k)));
    TreeSet<String> vars = Nodes.freeSymbols(difference);
    vars.retainAll(Nodes.freeSymbols(k));
    if (vars.isEmpty() || vars.stream().anyMatch(matrices::contains)) {
      return null;
    }
    MathNode elsewhere =
        Nodes.map(
            difference,
            n ->
                n instanceof Sym s && vars.contains(s.name())
                    ? new Sym(s.name() + "_{shifted}")
                    : n);
    Decision same = direct.compare(difference, elsewhere);
    return same.isEqual()
        ? Decision.equal(
            "differs from the key by a constant, which the arbitrary constant C absorbs")
        : null;
  }

  /** The sum without its term {@code C}, or null when {@code C} is not a term of it. */
  private static MathNode withoutConstant(MathNode n) {
    MathNode e = n instanceof Relation r ? r.operands().get(r.operands().size() - 1) : n;
    if (!(e instanceof Add add)) {
      return null;
    }
    List<MathNode> rest =
        add.terms().stream().filter(t -> !(t instanceof Sym s && s.name().equals("C"))).toList();
    if (rest.size() != add.terms().size() - 1 || rest.isEmpty()) {
      return null;
    }
    return rest.size() == 1 ? rest.get(0) : new Add(rest);
  }

  private static boolean isUpper(String name) {
    return name.length() == 1 && Character.isUpperCase(name.charAt(0));
  }

  /**
   * {@code 30°} matches 30 and {@code π/6}; with degree signs on both sides, the numbers compare.
   */
  private Decision degrees(MathNode k, MathNode a) {
    boolean keyDegrees = Nodes.containsCall(k, DEGREES);
    boolean answerDegrees = Nodes.containsCall(a, DEGREES);
    if (!keyDegrees && !answerDegrees) {
      return logarithms(k, a);
    }
    Decision plain =
        logarithms(
            Nodes.map(k, AmbiguousNotation::degreesAsNumber),
            Nodes.map(a, AmbiguousNotation::degreesAsNumber));
    if (plain.isEqual() || keyDegrees && answerDegrees) {
      return plain;
    }
    Decision radians =
        logarithms(
            Nodes.map(k, AmbiguousNotation::degreesAsRadians),
            Nodes.map(a, AmbiguousNotation::degreesAsRadians));
    return radians.isEqual()
        ? Decision.equal("the same angle, in degrees and in radians: " + radians.reason())
        : plain;
  }

  /** {@code 30°} read as the number 30 (keys and answers often drop the sign). */
  private static MathNode degreesAsNumber(MathNode n) {
    return n instanceof Call c && c.function().equals(DEGREES) ? c.args().get(0) : n;
  }

  /** {@code 30°} read as {@code 30π/180}. */
  private static MathNode degreesAsRadians(MathNode n) {
    return n instanceof Call c && c.function().equals(DEGREES)
        ? new Div(
            new Mul(List.of(c.args().get(0), new Sym("pi"))),
            new Num(BigDecimal.valueOf(180), false))
        : n;
  }

  /**
   * {@code \log} without a base means the natural logarithm to some and base 10 to others, so an
   * answer that matches the key under only one of the two readings ({@code \log 2} for {@code \ln
   * 2}, {@code \log 100} for 2) is undecided; under both or neither, the outcome is clear.
   */
  private Decision logarithms(MathNode k, MathNode a) {
    if (!Nodes.containsCall(k, "log") && !Nodes.containsCall(a, "log")) {
      return direct.compare(k, a);
    }
    Decision natural = direct.compare(k, a);
    Decision common =
        direct.compare(
            Nodes.map(k, AmbiguousNotation::commonLog), Nodes.map(a, AmbiguousNotation::commonLog));
    if (natural.isEqual() && common.isEqual() || natural.isDifferent() && common.isDifferent()) {
      return natural;
    }
    if (!natural.isEqual() && !common.isEqual()) {
      return natural.isDifferent() ? common : natural;
    }
    return Decision.unknown(
        "they agree only if \\log means "
            + (natural.isEqual() ? "the natural logarithm" : "the base-10 logarithm")
            + ", and the base of \\log is not written");
  }

  private static MathNode commonLog(MathNode n) {
    return n instanceof Call c && c.function().equals("log") && c.args().size() == 1
        ? new Call("log10", c.args())
        : n;
  }
}
