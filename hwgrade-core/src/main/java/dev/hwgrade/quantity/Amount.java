package dev.hwgrade.quantity;

/**
 * A number or range with its unit, as found in a text.
 *
 * @param low the value, or the low end of a range, in {@code unit}
 * @param high the same as {@code low}, or the high end of a range
 * @param unit the unit written with it ({@link QuantityUnit#NONE} when none was)
 * @param text the text it was read from
 * @param start where it starts in the normalised text
 * @param end where it ends
 * @param relation 3 after "a total of"; 2 after {@code =}, {@code ≈}, {@code i.e.}, {@code so}…; 1
 *     after {@code ~}, {@code about}, a colon; 0 otherwise — how much it reads like a stated result
 * @param operand true when it is a factor of a written product or quotient ({@code 96 × 128})
 * @param significantDigits digits written in its mantissa
 */
public record Amount(
    double low,
    double high,
    QuantityUnit unit,
    String text,
    int start,
    int end,
    int relation,
    boolean operand,
    int significantDigits) {

  public boolean isRange() {
    return low != high;
  }

  /** The value, or a range's middle (geometric when both ends are positive). */
  public double value() {
    if (!isRange()) {
      return low;
    }
    return low > 0 && high > 0 ? Math.sqrt(low * high) : (low + high) / 2;
  }

  public boolean hasUnit() {
    return !unit.isNone();
  }

  @Override
  public String toString() {
    return text;
  }
}
