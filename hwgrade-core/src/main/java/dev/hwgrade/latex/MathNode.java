package dev.hwgrade.latex;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed mathematical answer. The tree keeps what equivalence needs: products stay in order (for
 * symbols that do not commute), decimals remember how they were written (an approximation is judged
 * by the digits shown), and brackets remember their shape (an interval is not a tuple).
 */
public sealed interface MathNode {

  /** A number as written; {@code approximate} when it has a decimal point or an exponent. */
  record Num(BigDecimal value, boolean approximate) implements MathNode {
    @Override
    public String toString() {
      // Never spell out a huge power of ten: 1e-999999999 in plain digits is a billion characters.
      boolean small = value.precision() + Math.abs((long) value.scale()) <= 40;
      return small ? value.toPlainString() : value.toString();
    }
  }

  /** A variable or named constant ({@code x}, {@code W_QK}, {@code pi}, {@code ∞}). */
  record Sym(String name) implements MathNode {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A word that is not mathematics ({@code Evelyn}, {@code odd}). */
  record Word(String text) implements MathNode {
    @Override
    public String toString() {
      return "\"" + text + "\"";
    }
  }

  /** A known function applied to arguments ({@code sqrt}, {@code log}, {@code tr}, {@code O}). */
  record Call(String function, List<MathNode> args) implements MathNode {
    @Override
    public String toString() {
      return function + "(" + join(args, ", ") + ")";
    }
  }

  /** A sum of terms. */
  record Add(List<MathNode> terms) implements MathNode {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (MathNode t : terms) {
        if (sb.length() == 0) {
          sb.append(t);
        } else if (t instanceof Neg n) {
          sb.append(" - ").append(wrap(n.operand()));
        } else {
          sb.append(" + ").append(t);
        }
      }
      return sb.toString();
    }
  }

  /** A product in the order written. */
  record Mul(List<MathNode> factors) implements MathNode {
    @Override
    public String toString() {
      return factors.stream().map(MathNode::wrap).collect(Collectors.joining("*"));
    }
  }

  /** A quotient. */
  record Div(MathNode numerator, MathNode denominator) implements MathNode {
    @Override
    public String toString() {
      return wrap(numerator) + "/" + wrap(denominator);
    }
  }

  /** A power. */
  record Pow(MathNode base, MathNode exponent) implements MathNode {
    @Override
    public String toString() {
      return wrap(base) + "^" + wrap(exponent);
    }
  }

  /** A negation. */
  record Neg(MathNode operand) implements MathNode {
    @Override
    public String toString() {
      return "-" + wrap(operand);
    }
  }

  /** {@code a ± b}; {@code left} is null for a leading {@code ±b}. */
  record PlusMinus(MathNode left, MathNode right) implements MathNode {
    @Override
    public String toString() {
      return (left == null ? "" : left + " ") + "± " + right;
    }
  }

  /** A value written with a percent sign. */
  record Percent(MathNode value) implements MathNode {
    @Override
    public String toString() {
      return value + "%";
    }
  }

  /**
   * A relation or a chain of them: operands.size() == ops.size() + 1; ops are = ≈ < ≤ > ≥ ≠ ∈ :.
   */
  record Relation(List<MathNode> operands, List<String> ops) implements MathNode {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(operands.get(0).toString());
      for (int i = 0; i < ops.size(); i++) {
        sb.append(' ').append(ops.get(i)).append(' ').append(operands.get(i + 1));
      }
      return sb.toString();
    }
  }

  /**
   * Items between brackets or bare with commas: {@code open} is one of {@code ( [ { } or a space
   * for a bare list, {@code close} one of {@code ) ] } or a space.
   */
  record Seq(List<MathNode> items, char open, char close) implements MathNode {
    public boolean bare() {
      return open == ' ';
    }

    public boolean isSet() {
      return open == '{';
    }

    @Override
    public String toString() {
      String body = join(items, ", ");
      return bare() ? body : open + body + close;
    }
  }

  /** A union of sets or intervals. */
  record Union(List<MathNode> parts) implements MathNode {
    @Override
    public String toString() {
      return join(parts, " ∪ ");
    }
  }

  /** A matrix or column vector, row by row. */
  record Matrix(List<List<MathNode>> rows) implements MathNode {
    @Override
    public String toString() {
      return rows.stream().map(r -> join(r, ", ")).collect(Collectors.joining("; ", "[", "]"));
    }
  }

  /** The node in parentheses unless it is atomic. */
  private static String wrap(MathNode n) {
    boolean atomic =
        n instanceof Num num && num.value().signum() >= 0
            || n instanceof Sym
            || n instanceof Call
            || n instanceof Seq
            || n instanceof Matrix
            || n instanceof Word;
    return atomic ? n.toString() : "(" + n + ")";
  }

  private static String join(List<MathNode> nodes, String sep) {
    return nodes.stream().map(String::valueOf).collect(Collectors.joining(sep));
  }
}
