package dev.hwgrade.review;

import dev.hwgrade.model.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's verdict on one part: an entry of a part's history in the reviews file.
 *
 * @param verdict the settled verdict; never {@link Verdict#NEEDS_REVIEW}
 * @param score the part's score, 0..1: 1 for correct, 0 for incorrect or unanswered, strictly
 *     between for partially correct
 * @param reviewer who settled it
 * @param at when
 * @param comment why, in the reviewer's words; may be empty
 * @param overrides what the reviewer saw: the automatic verdict and the fingerprints of the answer
 *     and the key
 */
public record Review(
    Verdict verdict,
    double score,
    String reviewer,
    Instant at,
    String comment,
    Overrides overrides) {
  public Review {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(overrides, "overrides");
    comment = comment == null ? "" : comment;
    String problem = scoreProblem(verdict, score);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * What a review overrode.
   *
   * @param verdict the automatic verdict the reviewer saw
   * @param answer the fingerprint of the model's answer ({@link Fingerprint#answer})
   * @param key the fingerprint of the key ({@link Fingerprint#key})
   */
  public record Overrides(Verdict verdict, String answer, String key) {
    public Overrides {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(key, "key");
    }
  }

  /** The score a verdict implies when none is given: 1 for correct, else 0; NaN for partial. */
  public static double defaultScore(Verdict v) {
    return switch (v) {
      case CORRECT -> 1.0;
      case PARTIALLY_CORRECT -> Double.NaN;
      default -> 0.0;
    };
  }

  /** What is wrong with a verdict and a score together, or null when they agree. */
  public static String scoreProblem(Verdict v, double score) {
    if (v == Verdict.NEEDS_REVIEW) {
      return "a review settles a part: its verdict cannot be needs_review";
    }
    if (v == Verdict.PARTIALLY_CORRECT && Double.isNaN(score)) {
      return "a partially correct part needs its score, strictly between 0 and 1 (e.g. 0.5)";
    }
    if (Double.isNaN(score) || score < 0 || score > 1) {
      return "the score must be a number from 0 to 1";
    }
    if (v == Verdict.PARTIALLY_CORRECT && (score <= 0 || score >= 1)) {
      return "a partially correct part needs a score strictly between 0 and 1 (e.g. 0.5)";
    }
    if (v != Verdict.PARTIALLY_CORRECT && score != defaultScore(v)) {
      return "a part "
          + v.label()
          + " scores "
          + (int) defaultScore(v)
          + "; give partially_correct for partial credit";
    }
    return null;
  }
}
