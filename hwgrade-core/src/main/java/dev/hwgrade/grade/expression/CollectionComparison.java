package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Compares lists, sets, tuples, intervals, unions and matrices: sets and bare lists in any order,
 * tuples and intervals in order (unless the key says order does not matter) with the same kind of
 * ends, matrices entry by entry.
 */
final class CollectionComparison {
  private static final int MAX_ITEMS = 64;
  private final Equivalence equivalence;
  private final boolean ordered;

  CollectionComparison(Equivalence equivalence, boolean ordered) {
    this.equivalence = equivalence;
    this.ordered = ordered;
  }

  /** Compares when key or answer is a list, set, tuple, interval or union. */
  Decision compare(MathNode k, MathNode a) {
    if (k instanceof Union ku && a instanceof Union au) {
      return asSets(ku.parts(), au.parts(), "parts");
    }
    if (k instanceof Union && a instanceof Seq as && asUnion(as) != null) {
      return asSets(((Union) k).parts(), asUnion(as).parts(), "parts");
    }
    if (a instanceof Union && k instanceof Seq ks && asUnion(ks) != null) {
      return asSets(asUnion(ks).parts(), ((Union) a).parts(), "parts");
    }
    if (k instanceof Union || a instanceof Union) {
      return Decision.different("the key is " + k + " but the answer is " + a);
    }
    if (!(k instanceof Seq) || !(a instanceof Seq)) {
      Seq s = (Seq) (k instanceof Seq ? k : a);
      MathNode other = k instanceof Seq ? a : k;
      if (s.items().size() == 1 && (s.bare() || s.isSet())) {
        return k instanceof Seq
            ? equivalence.any(s.items().get(0), other)
            : equivalence.any(other, s.items().get(0));
      }
      if (other instanceof Matrix m && m.rows().get(0).size() == 1 && !s.bare()) {
        return equivalence.any(
            k instanceof Seq ? k : columnAsTuple(m), k instanceof Seq ? columnAsTuple(m) : a);
      }
      // a tuple has no orientation: it is a row vector as well as a column
      if (other instanceof Matrix m && m.rows().size() == 1 && !s.bare() && !s.isSet()) {
        Seq row = new Seq(m.rows().get(0), '(', ')');
        return equivalence.any(k instanceof Seq ? k : row, k instanceof Seq ? row : a);
      }
      return Decision.different(
          k instanceof Seq
              ? "the key lists " + s.items().size() + " items; the answer is " + a
              : "the answer lists " + s.items().size() + " items; the key is " + k);
    }
    Seq ks = (Seq) k;
    Seq as = (Seq) a;
    if (ks.items().size() > MAX_ITEMS || as.items().size() > MAX_ITEMS) {
      return Decision.unknown("too many items to compare");
    }
    TreeMap<String, MathNode> kNamed = ks.bare() ? byName(ks.items()) : null;
    TreeMap<String, MathNode> aNamed = as.bare() ? byName(as.items()) : null;
    if (kNamed != null && aNamed != null && kNamed.size() > 1) {
      return namedValues(kNamed, aNamed);
    }
    boolean kTuple = !ks.bare() && !ks.isSet();
    boolean aTuple = !as.bare() && !as.isSet();
    if (ks.isSet() && isClosedInterval(as) || as.isSet() && isClosedInterval(ks)) {
      return Decision.different(
          "a set of numbers is not an interval: "
              + a
              + " against "
              + k
              + (ks.isSet() ? " (the interval holds every number between its ends)" : ""));
    }
    if (kTuple
        && aTuple
        && ks.items().size() == 2
        && (ks.open() != as.open() || ks.close() != as.close())) {
      return Decision.different(
          "the ends differ: " + a + " against " + k + " (open and closed ends are not the same)");
    }
    if ((kTuple || aTuple) && (ordered || !(kTuple && aTuple))) {
      Decision d = inOrder(ks.items(), as.items());
      List<MathNode> byName = kTuple && as.bare() ? sortedByName(as.items()) : null;
      if (byName == null || byName.equals(as.items())) {
        return d;
      }
      // b = 2, a = 1 against (1, 2): the key's order may be the names' alphabetical order or
      // another
      Decision sorted = inOrder(ks.items(), byName);
      if (d.isEqual() == sorted.isEqual()
          && (d.isEqual() || d.isDifferent() && sorted.isDifferent())) {
        return d;
      }
      if (d.isEqual() || sorted.isEqual()) {
        return Decision.unknown(
            "the named values match the key's entries only "
                + (d.isEqual() ? "in the order written" : "in alphabetical order of their names")
                + ", and the key does not name them");
      }
      return d.isDifferent() ? sorted : d;
    }
    return asSets(ks.items(), as.items(), "items");
  }

  /**
   * {@code [1, 3]}, {@code [1, 3)}, {@code (1, 3]}: a pair with a square bracket and increasing
   * constant ends, which reads as an interval (a round pair may be a point).
   */
  private static boolean isClosedInterval(Seq s) {
    if (s.items().size() != 2 || s.open() != '[' && s.close() != ']' || s.bare() || s.isSet()) {
      return false;
    }
    Rational lo = ExactEvaluator.eval(s.items().get(0));
    Rational hi = ExactEvaluator.eval(s.items().get(1));
    return lo != null && hi != null && lo.toBigDecimal().compareTo(hi.toBigDecimal()) < 0;
  }

  /**
   * {@code x = y = z = 1} as {@code x = 1, y = 1, z = 1}: a chain of equalities naming distinct
   * one-letter variables and ending in a value without a name; else null.
   */
  static Seq chainOfNames(MathNode n) {
    if (!(n instanceof Relation r) || r.operands().size() < 3) {
      return null;
    }
    for (String op : r.ops()) {
      if (!op.equals("=")) {
        return null;
      }
    }
    List<MathNode> operands = r.operands();
    MathNode value = operands.get(operands.size() - 1);
    if (value instanceof Sym || value instanceof Relation || value instanceof Seq) {
      return null;
    }
    List<MathNode> items = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (MathNode name : operands.subList(0, operands.size() - 1)) {
      if (!(name instanceof Sym s) || s.name().length() != 1 || !names.add(s.name())) {
        return null;
      }
      items.add(new Relation(List.of(name, value), List.of("=")));
    }
    return new Seq(items, ' ', ' ');
  }

  /**
   * {@code x < 2, x > 3} (conditions joined by "or") as the union of their intervals; null when not
   * of that shape.
   */
  private static Union asUnion(Seq s) {
    if (!s.bare() || s.items().size() < 2) {
      return null;
    }
    List<MathNode> parts = new ArrayList<>();
    for (MathNode item : s.items()) {
      MathNode interval =
          RelationComparison.isOrder(item) ? RelationComparison.toInterval((Relation) item) : null;
      if (interval == null) {
        return null;
      }
      parts.add(interval);
    }
    return new Union(parts);
  }

  /**
   * {@code b = 2, a = 1} as {@code a = 1, b = 2}: equations naming distinct one-letter variables,
   * by name; else null.
   */
  private static List<MathNode> sortedByName(List<MathNode> items) {
    TreeMap<String, MathNode> byName = byName(items);
    return byName == null ? null : new ArrayList<>(byName.values());
  }

  /**
   * {@code x = 1, y = 2} against {@code y = 2, x = 1}: the same names, each with an equal value;
   * {@code x = 2, y = 1} gives x the wrong value.
   */
  private Decision namedValues(TreeMap<String, MathNode> k, TreeMap<String, MathNode> a) {
    if (!k.keySet().equals(a.keySet())) {
      return Decision.different(
          "the answer names "
              + String.join(", ", a.keySet())
              + "; the key names "
              + String.join(", ", k.keySet()));
    }
    for (String name : k.keySet()) {
      MathNode kv = ((Relation) k.get(name)).operands().get(1);
      MathNode av = ((Relation) a.get(name)).operands().get(1);
      Decision d = equivalence.any(kv, av);
      if (!d.isEqual()) {
        return d.isDifferent()
            ? Decision.different("the value of " + name + " differs: " + d.reason())
            : Decision.unknown("the value of " + name + ": " + d.reason());
      }
    }
    return Decision.equal("each of " + String.join(", ", k.keySet()) + " has the key's value");
  }

  /** Equations naming distinct one-letter variables, by name; else null. */
  private static TreeMap<String, MathNode> byName(List<MathNode> items) {
    TreeMap<String, MathNode> byName = new TreeMap<>();
    for (MathNode item : items) {
      if (!(RelationComparison.isEquation(item)
          && ((Relation) item).operands().get(0) instanceof Sym s
          && s.name().length() == 1
          && byName.put(s.name(), item) == null)) {
        return null;
      }
    }
    return byName;
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
      Decision d = equivalence.any(k.get(i), a.get(i));
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
      Decision d = xIsKey ? equivalence.any(x, y) : equivalence.any(y, x);
      if (d.isEqual()) {
        return d;
      }
      unknown |= d.outcome() == Decision.Outcome.UNKNOWN;
    }
    return unknown ? Decision.unknown("undecided") : Decision.different("absent");
  }

  /** Compares two matrices entry by entry. */
  Decision matrices(Matrix k, Matrix a) {
    int rows = k.rows().size();
    int cols = k.rows().get(0).size();
    if (a.rows().size() != rows || a.rows().get(0).size() != cols) {
      return Decision.different(
          "the answer is a "
              + a.rows().size()
              + "×"
              + a.rows().get(0).size()
              + " matrix, the key "
              + rows
              + "×"
              + cols);
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Decision d = equivalence.any(k.rows().get(i).get(j), a.rows().get(i).get(j));
        if (!d.isEqual()) {
          String where = "entry (" + (i + 1) + ", " + (j + 1) + ")";
          return d.isDifferent()
              ? Decision.different(where + " differs: " + d.reason())
              : Decision.unknown(where + ": " + d.reason());
        }
      }
    }
    return Decision.equal(
        "all " + rows * cols + " entries of the " + rows + "×" + cols + " matrices match");
  }
}
