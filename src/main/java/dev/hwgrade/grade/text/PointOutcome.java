package dev.hwgrade.grade.text;

import dev.hwgrade.model.KeyPoint;

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
 */
public record PointOutcome(
    KeyPoint point,
    Status status,
    double made,
    double partly,
    double contradicted,
    String quote,
    String detail) {

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
