package dev.hwgrade.grade.text;

import java.util.Optional;

/**
 * The signals for one key point against one response, as the calibrated model reads them, with the
 * passage that matched best (for quoting) and any contradiction cue found there.
 *
 * @param values the feature values, in the order of {@link FeatureExtractor#NAMES}
 * @param bestSentence the response sentence that matches the point best
 * @param bestUnit the sentence or clause that matches best
 * @param cue a sign the best passage says the opposite of the point; empty if none
 * @param facets the number of clauses the point has: one means it is made or not, more means it can
 *     be partly made
 * @param piece for a point of several pieces, the piece the response makes best (its most similar
 *     sentence above {@link FeatureExtractor#PIECE_MADE}); empty otherwise
 */
public record PointFeatures(
    double[] values,
    String bestSentence,
    String bestUnit,
    Optional<ContradictionCues.Cue> cue,
    int facets,
    Optional<PointOutcome.Piece> piece) {

  /** Signals without a piece made. */
  public PointFeatures(
      double[] values,
      String bestSentence,
      String bestUnit,
      Optional<ContradictionCues.Cue> cue,
      int facets) {
    this(values, bestSentence, bestUnit, cue, facets, Optional.empty());
  }
}
