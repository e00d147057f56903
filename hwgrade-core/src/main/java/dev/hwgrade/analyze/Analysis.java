package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import dev.hwgrade.review.ReviewStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the reports say about one model on one assignment, computed from its grades.
 *
 * @param assignment the assignment
 * @param response the model's response
 * @param results every part with its grade, in the assignment's order
 * @param overall the totals
 * @param byProblem one tally per problem, in order
 * @param byCategory one tally per category, in order of first appearance
 * @param errors the error analysis, one entry per part not correct, in order
 * @param reviews the parts a person must settle
 * @param findings short findings, each a sentence or two
 * @param conclusion a short conclusion
 * @param gradedAt when the grading ran
 * @param reviewStatus part id → how a person's review bears on it; only reviewed parts
 * @param samples the model's samples graded, when it was asked several times per part; else null
 */
public record Analysis(
    Assignment assignment,
    Response response,
    List<PartResult> results,
    Tally overall,
    List<GroupStats> byProblem,
    List<GroupStats> byCategory,
    List<ErrorEntry> errors,
    List<PartResult> reviews,
    List<Finding> findings,
    String conclusion,
    Instant gradedAt,
    Map<String, ReviewStatus> reviewStatus,
    Samples.Summary samples) {
  public Analysis {
    results = List.copyOf(results);
    byProblem = List.copyOf(byProblem);
    byCategory = List.copyOf(byCategory);
    errors = List.copyOf(errors);
    reviews = List.copyOf(reviews);
    findings = List.copyOf(findings);
    reviewStatus =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(reviewStatus == null ? Map.of() : reviewStatus));
  }

  /** An analysis of a model asked once per part. */
  public Analysis(
      Assignment assignment,
      Response response,
      List<PartResult> results,
      Tally overall,
      List<GroupStats> byProblem,
      List<GroupStats> byCategory,
      List<ErrorEntry> errors,
      List<PartResult> reviews,
      List<Finding> findings,
      String conclusion,
      Instant gradedAt,
      Map<String, ReviewStatus> reviewStatus) {
    this(
        assignment,
        response,
        results,
        overall,
        byProblem,
        byCategory,
        errors,
        reviews,
        findings,
        conclusion,
        gradedAt,
        reviewStatus,
        null);
  }

  /** This analysis with the model's samples graded ({@link Samples#of}); null for none. */
  public Analysis withSamples(Samples.Summary s) {
    return new Analysis(
        assignment,
        response,
        results,
        overall,
        byProblem,
        byCategory,
        errors,
        reviews,
        findings,
        conclusion,
        gradedAt,
        reviewStatus,
        s);
  }

  /** The review in force of a part and whether it applied; empty when the part has none. */
  public Optional<ReviewStatus> review(String partId) {
    return Optional.ofNullable(reviewStatus.get(partId));
  }

  /** The reviews that no longer apply because the answer or the key changed, in order. */
  public List<ReviewStatus> staleReviews() {
    return reviewStatus.values().stream().filter(ReviewStatus::stale).toList();
  }
}
