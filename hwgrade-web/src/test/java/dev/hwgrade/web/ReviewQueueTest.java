package dev.hwgrade.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.Review;
import dev.hwgrade.review.ReviewFile;
import dev.hwgrade.review.ReviewStore;
import dev.hwgrade.review.StoredResults;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a part stands with its reviewer, and the queue's order, from stored results alone. */
class ReviewQueueTest {
  private static final Instant AT = Instant.parse("2026-01-15T09:30:00Z");

  private static ShownPart part(
      String id, Verdict v, Verdict automatic, boolean reviewed, String stale) {
    return new ShownPart(
        new StoredResults.StoredPart(
            id, v, automatic, "ans-" + id, "key-" + id, reviewed, stale, "x", "y", "why"),
        id.substring(0, 1),
        "boolean",
        1.0,
        v == Verdict.NEEDS_REVIEW ? null : 1.0,
        0.9,
        "boolean",
        List.of(),
        "",
        reviewed ? "alice" : "",
        reviewed ? AT.toString() : "",
        "");
  }

  private static Review review(String id, String answerFingerprint) {
    return new Review(
        Verdict.CORRECT,
        1.0,
        "alice",
        AT,
        "",
        new Review.Overrides(Verdict.NEEDS_REVIEW, answerFingerprint, "key-" + id));
  }

  private static ModelState model(String id, ReviewFile reviews, ShownPart... parts) {
    return new ModelState(
        id, id, "", List.of(parts), null, new ReviewStore.Snapshot(reviews, "v1"));
  }

  @Test
  void aReviewOfTheAnswerAndKeyLastGradedIsSettledUntilGradeAppliesIt() {
    ShownPart waiting = part("1.a", Verdict.NEEDS_REVIEW, Verdict.NEEDS_REVIEW, false, null);
    ReviewFile reviews = ReviewFile.empty("m").with("1.a", review("1.a", "ans-1.a"));
    ReviewQueue q = new ReviewQueue(List.of(model("m", reviews, waiting)));
    ReviewQueue.Entry e = q.find("m", "1.a").orElseThrow();
    assertThat(e.status()).isEqualTo(ReviewQueue.Status.SETTLED);
    assertThat(e.group()).isEqualTo(ReviewQueue.Group.AWAITING);
    assertThat(q.progress()).containsExactly(1, 1);
  }

  @Test
  void aReviewTheLastGradeAppliedIsReviewed() {
    ShownPart applied = part("1.a", Verdict.CORRECT, Verdict.NEEDS_REVIEW, true, null);
    ReviewFile reviews = ReviewFile.empty("m").with("1.a", review("1.a", "ans-1.a"));
    ReviewQueue q = new ReviewQueue(List.of(model("m", reviews, applied)));
    assertThat(q.find("m", "1.a").orElseThrow().status()).isEqualTo(ReviewQueue.Status.REVIEWED);
    assertThat(q.progress()).containsExactly(1, 1);
  }

  @Test
  void aReviewOfAnotherAnswerIsStaleAndNotCountedAsSettled() {
    ShownPart stale =
        part("1.a", Verdict.NEEDS_REVIEW, Verdict.NEEDS_REVIEW, false, "the answer has changed");
    ReviewFile reviews = ReviewFile.empty("m").with("1.a", review("1.a", "an-older-answer"));
    ReviewQueue q = new ReviewQueue(List.of(model("m", reviews, stale)));
    ReviewQueue.Entry e = q.find("m", "1.a").orElseThrow();
    assertThat(e.status()).isEqualTo(ReviewQueue.Status.STALE);
    assertThat(e.group()).isEqualTo(ReviewQueue.Group.AWAITING);
    assertThat(q.progress()).containsExactly(0, 1);
  }

  @Test
  void modelsDisagreeOnlyOnDecidedVerdicts() {
    ReviewFile none = ReviewFile.empty("a");
    ReviewQueue q =
        new ReviewQueue(
            List.of(
                model(
                    "a",
                    none,
                    part("1.a", Verdict.CORRECT, Verdict.CORRECT, false, null),
                    part("1.b", Verdict.NEEDS_REVIEW, Verdict.NEEDS_REVIEW, false, null),
                    part("1.c", Verdict.CORRECT, Verdict.CORRECT, false, null)),
                model(
                    "b",
                    ReviewFile.empty("b"),
                    part("1.a", Verdict.INCORRECT, Verdict.INCORRECT, false, null),
                    part("1.b", Verdict.CORRECT, Verdict.CORRECT, false, null),
                    part("1.c", Verdict.CORRECT, Verdict.CORRECT, false, null))));
    assertThat(q.disagreement("1.a")).containsExactly("a: correct", "b: incorrect");
    assertThat(q.disagreement("1.b")).isEmpty();
    assertThat(
            q.entries(Filter.NONE).stream()
                .map(e -> e.group().name() + " " + e.modelId() + " " + e.part().id())
                .toList())
        .containsExactly(
            "AWAITING a 1.b",
            "DISAGREEMENT a 1.a",
            "DISAGREEMENT b 1.a",
            "OTHER b 1.b",
            "OTHER a 1.c",
            "OTHER b 1.c");
    assertThat(q.entries(new Filter("b", "", "correct", "")))
        .extracting(e -> e.part().id())
        .containsExactly("1.b", "1.c");
  }
}
