package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;

/** Properties of the tiers and of the grader on any input. */
class TierProperties {
  private static int rank(Verdict v) {
    return switch (v) {
      case CORRECT -> 0;
      case PARTIALLY_CORRECT -> 1;
      default -> 2;
    };
  }

  @Provide
  Arbitrary<Double> partialFactors() {
    return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.doubles().between(1.01, 1000));
  }

  @Property(tries = 1000)
  void movingAwayFromTheKeyNeverImprovesTheTier(
      @ForAll @Scale(9) @DoubleRange(min = -1e12, max = 1e12) double key,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 0.9) double tolerance,
      @ForAll("partialFactors") Double partial,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 8) double near,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 8) double extra,
      @ForAll boolean above) {
    Tiers.Tolerance t = new Tiers.Tolerance(tolerance, null, partial);
    double sign = above ? 1 : -1;
    double closer = key * Math.exp(sign * near);
    double farther = key * Math.exp(sign * (near + extra));
    assertThat(rank(Tiers.decide(key, key, farther, t)))
        .isGreaterThanOrEqualTo(rank(Tiers.decide(key, key, closer, t)));
  }

  @Property(tries = 500)
  void widerToleranceNeverLowersTheTier(
      @ForAll @Scale(9) @DoubleRange(min = 1e-6, max = 1e12) double key,
      @ForAll @Scale(9) @DoubleRange(min = 1e-6, max = 1e12) double value,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 0.5) double tol,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 0.5) double more) {
    Verdict narrow = Tiers.decide(key, key, value, new Tiers.Tolerance(tol, null, 10.0));
    Verdict wide = Tiers.decide(key, key, value, new Tiers.Tolerance(tol + more, null, 10.0));
    assertThat(rank(wide)).isLessThanOrEqualTo(rank(narrow));
  }

  @Property(tries = 500)
  void theKeyItselfIsAlwaysCorrect(
      @ForAll @Scale(9) @DoubleRange(min = -1e20, max = 1e20) double key,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 0.5) double tol) {
    assertThat(Tiers.decide(key, key, key, new Tiers.Tolerance(tol, null, null)))
        .isEqualTo(Verdict.CORRECT);
  }

  @Property(tries = 300)
  void scalingKeyAndAnswerTogetherKeepsTheVerdict(
      @ForAll @Scale(9) @DoubleRange(min = 1e-3, max = 1e3) double key,
      @ForAll @Scale(9) @DoubleRange(min = -3, max = 3) double logRatio,
      @ForAll("powersOfTen") double scale) {
    double value = key * Math.exp(logRatio);
    Tiers.Tolerance t = new Tiers.Tolerance(0.05, null, 10.0);
    Verdict plain = Tiers.decide(key, key, value, t);
    Verdict scaled = Tiers.decide(key * scale, key * scale, value * scale, t);
    // allow a flip only at a boundary, where rounding decides
    boolean nearBoundary =
        Math.abs(Math.abs(logRatio) - Math.log(10)) < 1e-9
            || Math.abs(value / key - 1.05) < 1e-9
            || Math.abs(value / key - 0.95) < 1e-9;
    if (!nearBoundary) {
      assertThat(scaled).isEqualTo(plain);
    }
  }

  @Provide
  Arbitrary<Double> powersOfTen() {
    return Arbitraries.integers().between(-12, 12).map(e -> Math.pow(10, e));
  }

  private static final NumericGrader GRADER = new NumericGrader(GradingOptions.DEFAULT);

  @Property(tries = 500)
  void anyTextGetsAWellFormedGrade(@ForAll @StringLength(max = 300) String text) {
    Part part =
        Part.adHoc(
            "p", "", Key.builder(Kind.NUMERIC).answer("2.4 MB/token").partialWithin(10.0).build());
    Grade g = GRADER.grade(part, Answer.of("p", text));
    assertThat(g.verdict()).isNotNull();
    assertThat(g.score()).isBetween(0.0, 1.0);
    assertThat(g.explanation()).isNotBlank();
  }

  @Property(tries = 200)
  void numberSoupGetsAWellFormedGrade(@ForAll("soup") String text) {
    Part part =
        Part.adHoc("p", "", Key.builder(Kind.NUMERIC).answer("$2.78 per 1M tokens").build());
    Grade g = GRADER.grade(part, Answer.of("p", text));
    assertThat(g.explanation()).isNotBlank();
    if (g.verdict() == Verdict.PARTIALLY_CORRECT || g.verdict() == Verdict.INCORRECT) {
      assertThat(g.diagnosis()).contains("consistent with");
    }
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "1", "2.78", "0.42", "$", "\\$", "1e", "e15", "10^", "{", "}", "×", "x", "~", "≈", "=",
            " ", "MB", "/", "per", "token", "tokens", "1M", "k", "B", "billion", "-", "–", "%",
            "between", "and", ",", ".", "\\times", "\\text{", "s", "hours", "PF/s", "FLOPs", "\n",
            "$$", "^{-", "⁻¹⁹", "for");
    return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
