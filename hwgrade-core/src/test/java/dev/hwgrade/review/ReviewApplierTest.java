package dev.hwgrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's verdict wins, unless what it judged has changed since. */
class ReviewApplierTest {
  private static final Part PART =
      Part.adHoc("1.a", "True or false: rank(AB) <= 2.", Key.of(Kind.BOOLEAN, "true"));
  private static final PartResult GRADED =
      new PartResult(
          PART,
          Answer.of("1.a", "The rank of AB cannot exceed 2."),
          Grade.needsReview(
              "The rank of AB cannot exceed 2.", "no true/false verdict found", "boolean"));

  private static Review settle(PartResult seen, String who, Verdict v) {
    return new Review(
        v,
        Review.defaultScore(v),
        who,
        Instant.parse("2026-01-15T09:30:00Z"),
        "asserts the statement",
        new Review.Overrides(
            seen.grade().verdict(), Fingerprint.answer(seen), Fingerprint.key(seen.part().key())));
  }

  @Test
  void theReviewersVerdictWins() {
    ReviewFile f = ReviewFile.empty("m").with("1.a", settle(GRADED, "alice", Verdict.CORRECT));
    ReviewApplier.Applied a = ReviewApplier.apply(List.of(GRADED), f);
    Grade g = a.results().get(0).grade();
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.score()).isEqualTo(1.0);
    assertThat(g.grader()).isEqualTo("review");
    assertThat(g.explanation())
        .contains("alice")
        .contains("asserts the statement")
        .contains("needs_review");
    assertThat(a.statuses().get("1.a").applied()).isTrue();
    assertThat(a.stale()).isEmpty();
  }

  @Test
  void theLatestReviewIsInForce() {
    ReviewFile f =
        ReviewFile.empty("m")
            .with("1.a", settle(GRADED, "alice", Verdict.CORRECT))
            .with("1.a", settle(GRADED, "bob", Verdict.INCORRECT));
    ReviewApplier.Applied a = ReviewApplier.apply(List.of(GRADED), f);
    assertThat(a.results().get(0).grade().verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(a.statuses().get("1.a").historySize()).isEqualTo(2);
  }

  @Test
  void aChangedAnswerMakesTheReviewStale() {
    ReviewFile f = ReviewFile.empty("m").with("1.a", settle(GRADED, "alice", Verdict.CORRECT));
    PartResult changed =
        new PartResult(
            PART,
            Answer.of("1.a", "The rank of AB can be 5."),
            Grade.needsReview("The rank of AB can be 5.", "no verdict", "boolean"));
    ReviewApplier.Applied a = ReviewApplier.apply(List.of(changed), f);
    assertThat(a.results().get(0).grade().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(a.stale()).hasSize(1);
    assertThat(a.stale().get(0).staleReason()).startsWith("the answer has changed since alice");
  }

  @Test
  void aChangedKeyMakesTheReviewStale() {
    ReviewFile f = ReviewFile.empty("m").with("1.a", settle(GRADED, "alice", Verdict.CORRECT));
    Part rekeyed = Part.adHoc("1.a", PART.question(), Key.of(Kind.BOOLEAN, "false"));
    PartResult changed = new PartResult(rekeyed, GRADED.answer(), GRADED.grade());
    ReviewApplier.Applied a = ReviewApplier.apply(List.of(changed), f);
    assertThat(a.results().get(0).grade().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(a.stale().get(0).staleReason()).startsWith("the key has changed");
  }

  @Test
  void reformattingTheAnswerDoesNotMakeItStale() {
    ReviewFile f = ReviewFile.empty("m").with("1.a", settle(GRADED, "alice", Verdict.CORRECT));
    PartResult reindented =
        new PartResult(
            PART, Answer.of("1.a", "  The rank of AB\n  cannot exceed 2. "), GRADED.grade());
    assertThat(ReviewApplier.apply(List.of(reindented), f).stale()).isEmpty();
  }

  @Test
  void aReviewOfAPartTheAssignmentLacksIsReported() {
    ReviewFile f = ReviewFile.empty("m").with("9.z", settle(GRADED, "alice", Verdict.CORRECT));
    ReviewApplier.Applied a = ReviewApplier.apply(List.of(GRADED), f);
    assertThat(a.unknownParts()).containsExactly("9.z");
    assertThat(a.results().get(0)).isEqualTo(GRADED);
  }
}
