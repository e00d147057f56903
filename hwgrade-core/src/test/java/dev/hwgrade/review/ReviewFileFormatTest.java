package dev.hwgrade.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reviews file: written, read back the same, and every problem of a bad one located. */
class ReviewFileFormatTest {
  private static final Review.Overrides SAW =
      new Review.Overrides(Verdict.NEEDS_REVIEW, "aaaaaaaaaaaa", "bbbbbbbbbbbb");

  @Test
  void roundTripKeepsEveryEntryInOrder() throws InputException {
    ReviewFile f =
        ReviewFile.empty("model-a")
            .with(
                "1.a",
                new Review(
                    Verdict.INCORRECT,
                    0,
                    "alice",
                    Instant.parse("2026-01-15T09:30:00Z"),
                    "says \"maybe\": a hedge",
                    SAW))
            .with(
                "1.a",
                new Review(
                    Verdict.PARTIALLY_CORRECT,
                    0.5,
                    "bob",
                    Instant.parse("2026-01-16T10:00:00Z"),
                    "",
                    SAW))
            .with(
                "2.b",
                new Review(
                    Verdict.CORRECT, 1, "alice", Instant.parse("2026-01-16T11:00:00Z"), "ok", SAW));
    String text = ReviewFileFormat.render(f);
    ReviewFile back = ReviewFileFormat.parse("reviews/model-a.yaml", text, "model-a");
    assertThat(back).isEqualTo(f);
    assertThat(back.history().get("1.a")).hasSize(2);
    assertThat(back.latest("1.a").orElseThrow().reviewer()).isEqualTo("bob");
    assertThat(text).contains("reviewer: \"bob\"").contains("\"1.a\":");
  }

  @Test
  void aMalformedFileIsReportedAllAtOnceAndLocated() {
    String text =
        """
        model: model-b
        parts:
          "1.a":
            - verdict: corect
              reviewer: alice
              at: "2026-01-15T09:30:00Z"
              overrides: {verdict: needs_review, answer: a1, key: k1}
            - verdict: partially_correct
              score: 1.5
              reviewer: bob
              at: "yesterday"
              overrides: {verdict: needs_review, answer: a1, key: k1}
              mood: grumpy
          "1.b": correct
        """;
    InputException e = problems("reviews/model-a.yaml", text, "model-a");
    assertThat(e.diagnostics().stream().map(Diagnostic::toString))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:1:8: error:") && d.contains("model-b"))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:4:16: error: unknown verdict 'corect'"))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:9:14: error:") && d.contains("score"))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:11:11: error: 'at' must be a UTC time"))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:13:7: error: unknown field 'mood'"))
        .anyMatch(d -> d.startsWith("reviews/model-a.yaml:14:10: error:") && d.contains("list"));
    assertThat(e.diagnostics()).hasSize(6);
  }

  @Test
  void invalidYamlIsOneLocatedError() {
    InputException e = problems("r.yaml", "model: a\nparts: [\n", "a");
    assertThat(e.diagnostics()).hasSize(1);
    assertThat(e.diagnostics().get(0).toString()).startsWith("r.yaml:").contains("invalid YAML");
  }

  @Test
  void aReviewCannotLeaveAPartUndecidedOrScoreAgainstItsVerdict() {
    assertThat(Review.scoreProblem(Verdict.NEEDS_REVIEW, 0)).contains("needs_review");
    assertThat(Review.scoreProblem(Verdict.CORRECT, 0.5)).contains("partially_correct");
    assertThat(Review.scoreProblem(Verdict.PARTIALLY_CORRECT, 1)).contains("strictly between");
    assertThat(Review.scoreProblem(Verdict.PARTIALLY_CORRECT, 0.25)).isNull();
    assertThat(Review.scoreProblem(Verdict.UNANSWERED, 0)).isNull();
  }

  private static InputException problems(String file, String text, String model) {
    try {
      ReviewFileFormat.parse(file, text, model);
    } catch (InputException e) {
      return e;
    }
    return fail("expected %s to be refused", file);
  }
}
