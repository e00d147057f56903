package dev.hwgrade.grade.text;

import dev.hwgrade.model.KeyPoint;
import java.util.Optional;

/**
 * What the grader found for one key point.
 *
 * @param point the key point
 * @param status made, partly made, missed or contradicted
 * @param made the calibrated probability that the response makes the point
 * @param partly the probability that it makes at least part of it
 * @param contradicted the probability that it says the opposite (0 without a cue)
 * @param quote the response's sentence that matches the point best
 * @param detail what made or contradicted it, for a reader ("accept phrase …", "'increases' where
 *     the key says 'decreases'"); may be empty
 * @param ruled whether a rule above the model decided the status (a reject phrase, a yes against a
 *     no, a reversed relation, a denial, a point found only in text that does not state it); a
 *     verdict of incorrect that rests on such a point is given in every mode
 * @param piece for a point of several pieces (sentences or clauses), the piece the response makes
 *     best, when it makes one; empty otherwise
 */
public record PointOutcome(
    KeyPoint point,
    Status status,
    double made,
    double partly,
    double contradicted,
    String quote,
    String detail,
    boolean ruled,
    Optional<Piece> piece) {

  /** An outcome without a piece made. */
  public PointOutcome(
      KeyPoint point,
      Status status,
      double made,
      double partly,
      double contradicted,
      String quote,
      String detail,
      boolean ruled) {
    this(point, status, made, partly, contradicted, quote, detail, ruled, Optional.empty());
  }

  /**
   * One piece of a point of several (a sentence or clause of a long reference) that the response
   * makes: its text, the response's sentence that makes it, and how many of the point's pieces the
   * response makes.
   *
   * @param text the piece
   * @param quote the response's sentence that makes it
   * @param made how many of the point's pieces the response makes, at least one
   * @param of how many pieces the point has, at least two
   */
  public record Piece(String text, String quote, int made, int of) {
    /** The share of the point's pieces made. */
    public double share() {
      return made / (double) of;
    }
  }

  /** An outcome the model decided. */
  public PointOutcome(
      KeyPoint point,
      Status status,
      double made,
      double partly,
      double contradicted,
      String quote,
      String detail) {
    this(point, status, made, partly, contradicted, quote, detail, false);
  }

  /** An outcome decided by a rule above the model. */
  static PointOutcome ruled(
      KeyPoint point, Status status, double made, String quote, String detail) {
    double contradicted = status == Status.CONTRADICTED ? 0.95 : 0;
    return new PointOutcome(point, status, made, made, contradicted, quote, detail, true);
  }

  /** How a response stands to one key point. */
  public enum Status {
    MADE("made"),
    PARTLY_MADE("partly made"),
    MISSED("missed"),
    CONTRADICTED("contradicted");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** Words for a reader. */
    public String label() {
      return label;
    }
  }
}
