package dev.hwgrade.review;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a model's reviews to its grades: a person's verdict wins over the graders', unless the
 * answer or the key has changed since the review, in which case the review is stale — kept, shown,
 * and not applied.
 */
public final class ReviewApplier {
  /** The name reviewed grades carry as their grader. */
  public static final String GRADER = "review";

  private ReviewApplier() {}

  /**
   * The grades with the reviews applied.
   *
   * @param results the graded parts, in order
   * @param statuses part id → how its review bears on it; only parts with a review
   * @param unknownParts reviewed part ids the assignment does not have
   */
  public record Applied(
      List<PartResult> results, Map<String, ReviewStatus> statuses, List<String> unknownParts) {
    public Applied {
      results = List.copyOf(results);
      statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
      unknownParts = List.copyOf(unknownParts);
    }

    /** The statuses of stale reviews, in the parts' order. */
    public List<ReviewStatus> stale() {
      return statuses.values().stream().filter(ReviewStatus::stale).toList();
    }
  }

  public static Applied apply(List<PartResult> results, ReviewFile reviews) {
    List<PartResult> out = new ArrayList<>();
    Map<String, ReviewStatus> statuses = new LinkedHashMap<>();
    for (PartResult r : results) {
      String id = r.part().id();
      Review review = reviews.latest(id).orElse(null);
      if (review == null) {
        out.add(r);
        continue;
      }
      int n = reviews.history().get(id).size();
      String stale = staleReason(r, review);
      Verdict automatic = r.grade().verdict();
      if (stale == null) {
        out.add(new PartResult(r.part(), r.answer(), reviewed(r.grade(), review)));
        statuses.put(id, new ReviewStatus(id, review, true, automatic, null, n));
      } else {
        out.add(r);
        statuses.put(id, new ReviewStatus(id, review, false, automatic, stale, n));
      }
    }
    Set<String> known = results.stream().map(r -> r.part().id()).collect(Collectors.toSet());
    List<String> unknown =
        reviews.history().keySet().stream().filter(k -> !known.contains(k)).toList();
    return new Applied(out, statuses, unknown);
  }

  /** Why a review no longer applies to a part's answer and key, or null when it does. */
  public static String staleReason(PartResult r, Review review) {
    boolean answer = !review.overrides().answer().equals(Fingerprint.answer(r));
    boolean key = !review.overrides().key().equals(Fingerprint.key(r.part().key()));
    if (!answer && !key) {
      return null;
    }
    String what =
        answer && key ? "the answer and the key have" : answer ? "the answer has" : "the key has";
    return what
        + " changed since "
        + review.reviewer()
        + " settled it as "
        + review.verdict().id()
        + " on "
        + review.at()
        + "; the graders' verdict stands until it is settled again";
  }

  private static Grade reviewed(Grade automatic, Review review) {
    String why =
        "Settled by "
            + review.reviewer()
            + (review.comment().isBlank() ? "" : ": " + review.comment().strip())
            + " (the graders said "
            + automatic.verdict().id()
            + ": "
            + automatic.explanation()
            + ")";
    return new Grade(
        review.verdict(),
        review.score(),
        1.0,
        automatic.extracted(),
        why,
        automatic.evidence(),
        automatic.diagnosis(),
        GRADER);
  }
}
