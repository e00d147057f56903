package dev.hwgrade.model;

import java.util.List;

/**
 * What a grader decided about one answer.
 *
 * @param verdict the verdict
 * @param score the part's score, 0 to 1
 * @param confidence how sure the grader is, 0 to 1
 * @param extracted the answer the grader compared, as it read it
 * @param explanation one or two sentences saying why
 * @param evidence the facts behind the verdict (key points made or missed, values compared…)
 * @param diagnosis for an answer not correct: what most likely went wrong, worded as a hypothesis;
 *     may be null
 * @param grader the name of the grader that decided
 */
public record Grade(
    Verdict verdict,
    double score,
    double confidence,
    String extracted,
    String explanation,
    List<String> evidence,
    String diagnosis,
    String grader) {
  public Grade {
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
    extracted = extracted == null ? "" : extracted;
  }

  public static Grade of(
      Verdict verdict,
      double score,
      double confidence,
      String extracted,
      String explanation,
      String grader) {
    return new Grade(verdict, score, confidence, extracted, explanation, List.of(), null, grader);
  }

  /** A grade a person must settle. */
  public static Grade needsReview(String extracted, String why, String grader) {
    return new Grade(Verdict.NEEDS_REVIEW, 0.0, 0.0, extracted, why, List.of(), null, grader);
  }

  /**
   * A grade for an answer in which the grader finds nothing to compare: a person settles it, or,
   * when asked to decide, it counts as incorrect.
   */
  public static Grade unreadable(String extracted, String why, boolean decide, String grader) {
    if (decide) {
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.5,
          extracted,
          why + "; counted as incorrect",
          List.of(),
          null,
          grader);
    }
    return needsReview(extracted, why, grader);
  }

  public Grade withEvidence(List<String> more) {
    return new Grade(verdict, score, confidence, extracted, explanation, more, diagnosis, grader);
  }

  public Grade withDiagnosis(String text) {
    return new Grade(verdict, score, confidence, extracted, explanation, evidence, text, grader);
  }
}
