package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Verdict;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {
  private static PointOutcome outcome(boolean required, double made, double contradicted) {
    return new PointOutcome(
        KeyPoint.of("p", required), PointOutcome.Status.MISSED, made, made, contradicted, "", "");
  }

  @Test
  void allRequiredPointsMadeIsCorrect() {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, 0.95, 0), outcome(true, 0.9, 0)));
    assertThat(d.verdict(0.5, 0.5)).isEqualTo(Verdict.CORRECT);
  }

  @Test
  void someMadeIsPartial() {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, 0.95, 0), outcome(true, 0.05, 0)));
    assertThat(d.verdict(0.5, 0.5)).isEqualTo(Verdict.PARTIALLY_CORRECT);
  }

  @Test
  void noneMadeIsIncorrect() {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, 0.05, 0), outcome(true, 0.1, 0)));
    assertThat(d.verdict(0.5, 0.5)).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void aContradictedPointMakesItIncorrectEvenIfTheOthersAreMade() {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, 0.95, 0), outcome(true, 0.02, 0.9)));
    assertThat(d.verdict(0.5, 0.5)).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void optionalPointsDoNotBlockCorrect() {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, 0.95, 0), outcome(false, 0.05, 0)));
    assertThat(d.verdict(0.5, 0.5)).isEqualTo(Verdict.CORRECT);
  }

  private static PointOutcome status(boolean required, PointOutcome.Status s) {
    return new PointOutcome(KeyPoint.of("p", required), s, 0.5, 0.5, 0, "", "");
  }

  @Test
  void statusesGiveTheVerdictTheExplanationImplies() {
    PointOutcome.Status made = PointOutcome.Status.MADE;
    PointOutcome.Status missed = PointOutcome.Status.MISSED;
    assertThat(VerdictRule.fromStatuses(List.of(status(true, made), status(true, made))))
        .isEqualTo(Verdict.CORRECT);
    assertThat(VerdictRule.fromStatuses(List.of(status(true, made), status(false, missed))))
        .isEqualTo(Verdict.CORRECT);
    assertThat(VerdictRule.fromStatuses(List.of(status(true, made), status(true, missed))))
        .isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(
            VerdictRule.fromStatuses(
                List.of(status(true, PointOutcome.Status.PARTLY_MADE), status(true, missed))))
        .isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(VerdictRule.fromStatuses(List.of(status(true, missed), status(false, missed))))
        .isEqualTo(Verdict.INCORRECT);
    assertThat(
            VerdictRule.fromStatuses(
                List.of(status(true, made), status(true, PointOutcome.Status.CONTRADICTED))))
        .isEqualTo(Verdict.INCORRECT);
    assertThat(VerdictRule.fromStatuses(List.of(status(false, made), status(false, made))))
        .isEqualTo(Verdict.CORRECT);
  }

  @Property(tries = 300)
  void probabilitiesSumToOne(
      @ForAll @DoubleRange(min = 0, max = 1) double a,
      @ForAll @DoubleRange(min = 0, max = 1) double b,
      @ForAll @DoubleRange(min = 0, max = 0.99) double c) {
    VerdictRule.Distribution d =
        VerdictRule.distribution(List.of(outcome(true, a, 0), outcome(true, b, c)));
    assertThat(d.correct() + d.partial() + d.incorrect()).isCloseTo(1.0, within(1e-9));
    assertThat(d.correct()).isBetween(0.0, 1.0);
    assertThat(d.partial()).isBetween(0.0, 1.0);
    assertThat(d.incorrect()).isBetween(0.0, 1.0);
  }
}
