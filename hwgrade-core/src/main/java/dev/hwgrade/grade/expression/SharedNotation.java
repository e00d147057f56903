package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a key and an answer in one notation where a letter means different things in different
 * fields: {@code j} is the imaginary unit when the key uses it (or when the answer writes it where
 * the key has {@code i}), {@code I} is the identity when the comparison involves matrices, and a
 * unit written after every value of a chain ({@code T = 2π√0.01 s = π/5 s}) is the unit, not a
 * factor.
 */
final class SharedNotation {
  /** Unit symbols recognised after every value of a chain; letters that are rarely variables. */
  private static final Set<String> CHAIN_UNITS =
      Set.of("s", "m", "g", "kg", "cm", "mm", "km", "ms", "Hz", "Pa", "rad", "J", "W", "V", "N");

  /** Unit vectors along x, y, z: plain, then with a hat or arrow as the parser names them. */
  private static final List<String> UNIT_VECTORS =
      List.of("i", "j", "k", "hat(i)", "hat(j)", "hat(k)", "hat(imath)", "hat(jmath)", "vec(k)");

  private SharedNotation() {}

  /** The key and the answer as they are read together. */
  record Pair(MathNode key, MathNode answer) {}

  static Pair read(MathNode key, MathNode answer, Set<String> matrices) {
    int size = vectorSize(key);
    if (size > 0) {
      answer = unitVectors(answer, size);
    } else if (vectorSize(answer) > 0) {
      key = unitVectors(key, vectorSize(answer));
    }
    Pair p = imaginaryJ(key, answer);
    p = identity(p, matrices);
    return new Pair(p.key(), unitAfterEveryValue(p.answer(), p.key()));
  }

  /**
   * Electrical engineers write {@code j} for the imaginary unit: {@code 3 + 4j} is {@code 3 + 4i}.
   * {@code j} is read so when the key uses it and not {@code i}, or when the answer uses it where
   * the key has {@code i}; a key with neither keeps {@code j} a variable.
   */
  static Pair imaginaryJ(MathNode key, MathNode answer) {
    if (raisesJ(key) || raisesJ(answer)) {
      return new Pair(key, answer); // j^2 + j: an index or a variable, not the imaginary unit
    }
    boolean keyJ = mentionsJ(key);
    boolean keyI = mentions(key, "i");
    boolean answerJ = mentionsJ(answer);
    boolean answerI = mentions(answer, "i");
    if (keyJ && !keyI) {
      return new Pair(jAsI(key), answerI && answerJ ? answer : jAsI(answer));
    }
    if (keyI && !keyJ && answerJ && !answerI) {
      return new Pair(key, jAsI(answer));
    }
    return new Pair(key, answer);
  }

  /**
   * {@code I} (or {@code I_n}) beside matrices is the identity: the key {@code I} against {@code A
   * A^{-1}} with {@code matrices: [A]}. A written-out matrix on either side is left to the
   * comparison, which gives {@code I} that matrix's size.
   */
  static Pair identity(Pair p, Set<String> matrices) {
    if (matrices.isEmpty() || matrices.contains("I")) {
      return p;
    }
    boolean matrixExpression =
        Nodes.involvesMatrix(p.key(), matrices) || Nodes.involvesMatrix(p.answer(), matrices);
    if (!matrixExpression
        || Nodes.contains(p.key(), MathNode.Matrix.class)
        || Nodes.contains(p.answer(), MathNode.Matrix.class)) {
      return p;
    }
    return new Pair(identityOf(p.key()), identityOf(p.answer()));
  }

  private static MathNode identityOf(MathNode n) {
    return Nodes.map(
        n,
        x ->
            x instanceof Sym s
                    && (s.name().equals("I") || s.name().matches("I_\\{?(?:\\d+|[nmkd])\\}?"))
                ? new Call("identity", List.of())
                : x);
  }

  /**
   * {@code T = 2π√0.01 s = π/5 s}: the same unit symbol ends every value of a chain, and appears
   * nowhere else in the answer or the key, so it is the unit and is dropped.
   */
  static MathNode unitAfterEveryValue(MathNode answer, MathNode key) {
    if (!(answer instanceof Relation r) || !r.ops().stream().allMatch("="::equals)) {
      return answer;
    }
    List<MathNode> operands = r.operands();
    int first = Nodes.isName(operands.get(0)) ? 1 : 0;
    if (operands.size() - first < 2) {
      return answer;
    }
    String unit = null;
    List<MathNode> values = new ArrayList<>();
    for (int i = first; i < operands.size(); i++) {
      if (!(operands.get(i) instanceof Mul m)
          || m.factors().size() < 2
          || !(m.factors().get(m.factors().size() - 1) instanceof Sym s)
          || !CHAIN_UNITS.contains(s.name())
          || unit != null && !unit.equals(s.name())) {
        return answer;
      }
      unit = s.name();
      List<MathNode> rest = m.factors().subList(0, m.factors().size() - 1);
      values.add(rest.size() == 1 ? rest.get(0) : new Mul(List.copyOf(rest)));
    }
    for (MathNode v : values) {
      if (Nodes.freeSymbols(v).contains(unit)) {
        return answer;
      }
    }
    if (Nodes.freeSymbols(key).contains(unit)
        || first == 1 && Nodes.freeSymbols(operands.get(0)).contains(unit)) {
      return answer;
    }
    List<MathNode> out = new ArrayList<>(operands.subList(0, first));
    out.addAll(values);
    return new Relation(out, r.ops());
  }

  /** The number of components of a key that is a vector of 2 or 3 components; 0 otherwise. */
  private static int vectorSize(MathNode key) {
    int n = 0;
    if (key instanceof Seq s && s.open() == '(' && s.close() == ')') {
      n = s.items().size();
    } else if (key instanceof Matrix m && m.rows().get(0).size() == 1) {
      n = m.rows().size();
    } else if (key instanceof Matrix m && m.rows().size() == 1) {
      n = m.rows().get(0).size();
    }
    return n == 2 || n == 3 ? n : 0;
  }

  /**
   * {@code 3\hat{i} - \hat{j} + 2\hat{k}} or {@code 3\mathbf{i} - \mathbf{j} + 2\mathbf{k}} is the
   * vector {@code (3, -1, 2)} when the key is a vector of that many components; the answer itself
   * when it is not a sum of multiples of unit vectors.
   */
  static MathNode unitVectors(MathNode answer, int size) {
    List<MathNode> terms = answer instanceof Add a ? a.terms() : List.of(answer);
    MathNode[] components = new MathNode[size];
    boolean hatted = false;
    for (MathNode term : terms) {
      boolean negative = term instanceof Neg;
      MathNode t = term instanceof Neg g ? g.operand() : term;
      List<MathNode> factors = t instanceof Mul m ? m.factors() : List.of(t);
      int axis = -1;
      List<MathNode> coefficient = new ArrayList<>();
      for (MathNode f : factors) {
        int a = f instanceof Sym s ? UNIT_VECTORS.indexOf(s.name()) : -1;
        if (a >= 0) {
          if (axis >= 0) {
            return answer;
          }
          axis = a % 3;
          hatted |= a >= 3;
        } else if (Nodes.freeSymbols(f).isEmpty() && !mentions(f, "i")) {
          coefficient.add(f);
        } else {
          return answer;
        }
      }
      if (axis < 0 || axis >= size || components[axis] != null) {
        return answer;
      }
      MathNode c =
          coefficient.isEmpty()
              ? new Num(BigDecimal.ONE, false)
              : coefficient.size() == 1 ? coefficient.get(0) : new Mul(coefficient);
      components[axis] = negative ? new Neg(c) : c;
    }
    // plain i, j, k: only with j or k present, so that 3i stays an imaginary number
    if (!hatted && components[1] == null && (size < 3 || components[2] == null)) {
      return answer;
    }
    List<MathNode> items = new ArrayList<>();
    for (MathNode c : components) {
      items.add(c == null ? new Num(BigDecimal.ZERO, false) : c);
    }
    return new Seq(items, '(', ')');
  }

  private static boolean raisesJ(MathNode n) {
    if (n instanceof MathNode.Pow p && p.base() instanceof Sym s && s.name().equals("j")) {
      return true;
    }
    for (MathNode c : Nodes.children(n)) {
      if (raisesJ(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsJ(MathNode n) {
    return mentions(n, "j") || mentions(n, "jmath");
  }

  private static MathNode jAsI(MathNode n) {
    return Nodes.map(
        n,
        x ->
            x instanceof Sym s && (s.name().equals("j") || s.name().equals("jmath"))
                ? new Sym("i")
                : x);
  }

  static boolean mentions(MathNode n, String name) {
    if (n instanceof Sym s) {
      return s.name().equals(name);
    }
    for (MathNode c : Nodes.children(n)) {
      if (mentions(c, name)) {
        return true;
      }
    }
    return false;
  }
}
