package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The grader's behaviour beyond the case table: options, hostile input, threads. */
class NumericGraderTest {
  private static final Part HOURS =
      Part.adHoc(
          "t", "", Key.builder(Kind.NUMERIC).answer("1.5 hours").partialWithin(10.0).build());

  @Test
  void aHedgeBetweenFiguresIsIncorrectInEitherMode() {
    Answer hedged =
        Answer.of("t", "It takes 1.5 hours or perhaps 15 hours depending on utilization.");
    Grade unsure = new NumericGrader(GradingOptions.DEFAULT).grade(HOURS, hedged);
    assertThat(unsure.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(unsure.explanation()).contains("1.5 hours", "15 hours", "commit to one");
    Grade decided = new NumericGrader(GradingOptions.DEFAULT.withDecide(true)).grade(HOURS, hedged);
    assertThat(decided.verdict()).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void aRangeWiderThanTheToleranceSaysSoInsteadOfHowFarItsMiddleIs() {
    Part speed = Part.adHoc("v", "", Key.builder(Kind.NUMERIC).answer("5").unit("m/s").build());
    Grade g =
        new NumericGrader(GradingOptions.DEFAULT)
            .grade(speed, Answer.of("v", "between 4 and 6 m/s"));
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation())
        .contains("takes in the key's 5 m/s but is wider than the 5% tolerance allows")
        .doesNotContain("below");
  }

  @Test
  void noNumberNeedsReviewUnlessTheOptionsSayDecide() {
    Answer vague = Answer.of("t", "It depends on the cluster.");
    assertThat(new NumericGrader(GradingOptions.DEFAULT).grade(HOURS, vague).verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(
            new NumericGrader(GradingOptions.DEFAULT.withDecide(true))
                .grade(HOURS, vague)
                .verdict())
        .isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void aFinalAnswerWithoutTheKeysKindFallsBackToTheReasoning() {
    Part part =
        Part.adHoc(
            "g",
            "",
            Key.builder(Kind.NUMERIC).answer("2.36").unit("MB/token").partialWithin(10.0).build());
    Answer answer =
        new Answer(
            "g",
            "The activations come to ≈ 9 MB per token. So 350 GB / 9 MB ≈ 39,000 tokens fit.",
            "39,000 tokens fit in the same memory",
            null);
    Grade g = new NumericGrader(GradingOptions.DEFAULT).grade(part, answer);
    assertThat(g.verdict()).isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(g.extracted()).isEqualTo("9 MB per token");
    assertThat(g.explanation()).contains("read from the reasoning");

    Answer stated = new Answer("g", "≈ 9 MB per token", "2.4 MB per token", null);
    assertThat(new NumericGrader(GradingOptions.DEFAULT).grade(part, stated).verdict())
        .isEqualTo(Verdict.CORRECT);
  }

  @Test
  void evidenceRecordsTheReadingTheKeyAndTheRatio() {
    Grade g = new NumericGrader(GradingOptions.DEFAULT).grade(HOURS, Answer.of("t", "4.5 hours"));
    assertThat(g.evidence()).contains("read: 4.5 hours", "key: 1.5 hours", "ratio to key: 3");
    assertThat(g.verdict()).isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(g.score()).isEqualTo(0.5);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void pathologicalInputsGetAGradeInBoundedTime() {
    NumericGrader grader = new NumericGrader(GradingOptions.DEFAULT);
    List<String> hostile =
        List.of(
            "$1 ".repeat(60_000),
            "9".repeat(100_000),
            "1,000".repeat(20_000),
            "{".repeat(50_000) + "1" + "}".repeat(50_000),
            "\\text{".repeat(20_000) + "5 MB",
            "a".repeat(150_000) + " 1.5 hours",
            "1e999999 hours",
            "10^{99999} hours",
            "1-2-3-4-5-6-7-8-9-".repeat(10_000),
            "between 1 and ".repeat(20_000),
            "× 10^".repeat(30_000));
    for (String text : hostile) {
      Grade g = grader.grade(HOURS, Answer.of("t", text));
      assertThat(g.explanation()).isNotBlank();
      assertThat(g.score()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void gradesTheSameOnManyThreads() throws Exception {
    NumericGrader grader = new NumericGrader(GradingOptions.DEFAULT);
    Part part =
        Part.adHoc(
            "m",
            "",
            Key.builder(Kind.NUMERIC)
                .answer("2.4 MB/token")
                .tolerance(0.25)
                .partialWithin(10.0)
                .build());
    List<String> responses =
        List.of("~9 MB per token", "2.4 MB/token", "19.2 Mb per token", "3 GFLOP", "2.4");
    List<Verdict> expected = new ArrayList<>();
    for (String r : responses) {
      expected.add(grader.grade(part, Answer.of("m", r)).verdict());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < 500; k++) {
                    int i = k % responses.size();
                    if (grader.grade(part, Answer.of("m", responses.get(i))).verdict()
                        != expected.get(i)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : fs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
