package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the expression grader says, beyond the verdicts of the case table: explanations, errors,
 * limits.
 */
class ExpressionGraderTest {
  private final ExpressionGrader grader = new ExpressionGrader(GradingOptions.DEFAULT);

  private Grade grade(Key key, String response) {
    return grader.grade(Part.adHoc("1.a", "", key), Answer.of("1.a", response));
  }

  private static Part adHoc(String key) {
    return Part.adHoc("1.a", "", Key.of(Kind.EXPRESSION, key));
  }

  private Grade grade(String key, String response) {
    return grade(Key.of(Kind.EXPRESSION, key), response);
  }

  @Test
  void explainsAnExpansion() {
    Grade g = grade("4k(m+l)", "$4km + 4kl$");
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.explanation()).contains("both expand to 4km + 4kl");
    assertThat(g.extracted()).isEqualTo("4km + 4kl");
  }

  @Test
  void explainsThatMatricesDoNotCommute() {
    Key key =
        Key.builder(Kind.EXPRESSION)
            .answer("X W_2 W_1")
            .matrices(List.of("X", "W_1", "W_2"))
            .build();
    Grade g = grade(key, "X W_1 W_2");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation()).contains("random 3×3 matrices").contains("products do not commute");
    assertThat(g.diagnosis()).contains("another order");
  }

  @Test
  void theSameProductIsCorrectWhenTheSymbolsAreScalars() {
    assertThat(grade("X W_2 W_1", "X W_1 W_2").verdict()).isEqualTo(Verdict.CORRECT);
  }

  @Test
  void anUnreadableKeyNeedsReview() {
    Grade g = grade("\\frac{1}{", "1");
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(g.explanation()).startsWith("The key");
  }

  @Test
  void anUnreadableAnswerIsIncorrectWithTheReason() {
    Grade g = grade("42", "(((");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation()).contains("could not be read");
  }

  @Test
  void suggestsASignError() {
    Grade g = grade("\\frac{3}{4}", "-0.75");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.diagnosis()).contains("sign error");
  }

  @Test
  void suggestsAComplement() {
    Grade g = grade("1 - (1 - p)^n", "(1-p)^n");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation()).contains("differ at n = ").doesNotContain("i against");
    assertThat(g.diagnosis()).contains("complement");
  }

  @Test
  void acceptsAnAlternative() {
    Key key = Key.builder(Kind.EXPRESSION).answer("2").alternatives(List.of("-2")).build();
    Grade g = grade(key, "x = -2");
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.explanation()).contains("alternative");
  }

  @Test
  void keepsExactRationalsExact() {
    Grade g = grade("\\frac{1}{2004!}", "\\frac{1}{2006!}");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void tinyValuesAreNotEqual() {
    // Symja decides these; a generous limit keeps a busy machine from turning them into
    // needs_review.
    ExpressionGrader patient =
        new ExpressionGrader(
            GradingOptions.DEFAULT.withTimeLimit(java.time.Duration.ofSeconds(60)));
    assertThat(patient.grade(adHoc("10^{-20}"), Answer.of("1.a", "2 \\cdot 10^{-20}")).verdict())
        .isEqualTo(Verdict.INCORRECT);
    assertThat(patient.grade(adHoc("e^{-1000}"), Answer.of("1.a", "e^{-1001}")).verdict())
        .isEqualTo(Verdict.INCORRECT);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS) // unstopped, the 1 ms comparison runs for minutes
  void theTimeLimitStopsALongComparison() {
    String items =
        IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "\\sin(x+" + i + ")")
            .collect(Collectors.joining(","));
    String reversed =
        IntStream.iterate(60, i -> i >= 1, i -> i - 1)
            .mapToObj(i -> "\\sin(x+" + (i + 1) + "-1)")
            .collect(Collectors.joining(","));
    ExpressionGrader hurried =
        new ExpressionGrader(GradingOptions.DEFAULT.withTimeLimit(Duration.ofMillis(1)));
    Grade g =
        hurried.grade(
            Part.adHoc("1", "", Key.of(Kind.EXPRESSION, "\\{" + items + "\\}")),
            Answer.of("1", "\\{" + reversed + "\\}"));
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(g.explanation()).contains("time limit");
    // Given time, the same comparison finishes (a generous limit: no race with a busy machine).
    ExpressionGrader patient =
        new ExpressionGrader(GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(120)));
    assertThat(
            patient
                .grade(
                    Part.adHoc("1", "", Key.of(Kind.EXPRESSION, "\\{" + items + "\\}")),
                    Answer.of("1", "\\{" + reversed + "\\}"))
                .verdict())
        .isEqualTo(Verdict.CORRECT);
  }

  @Test
  void decideGivesABestVerdictInsteadOfReview() {
    ExpressionGrader deciding =
        new ExpressionGrader(
            GradingOptions.DEFAULT.withDecide(true).withTimeLimit(Duration.ofMillis(1)));
    String items =
        IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "\\sin(x+" + i + ")")
            .collect(Collectors.joining(","));
    Grade g =
        deciding.grade(
            Part.adHoc("1", "", Key.of(Kind.EXPRESSION, "\\{" + items + "\\}")),
            Answer.of("1", "\\{" + items + ", 0\\}"));
    // the answer's set has an element the key's has not: a TA marks it wrong
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.extracted()).contains(", 0");
  }
}
