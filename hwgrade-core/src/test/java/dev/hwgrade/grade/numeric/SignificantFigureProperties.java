package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Significant figures and powers, through the whole numeric grader: a key rounded to the figures it
 * asks for is correct, one unit in the last asked figure away is incorrect, and a tower of powers
 * is read right-associatively.
 */
class SignificantFigureProperties {
  private static final NumericGrader GRADER = new NumericGrader(GradingOptions.DEFAULT);

  private static Verdict grade(String key, Integer sigfigs, String response) {
    Key k = Key.builder(Kind.NUMERIC).answer(key).sigfigs(sigfigs).build();
    return GRADER.grade(Part.adHoc("1", "", k), Answer.of("1", response)).verdict();
  }

  @Property(tries = 300)
  void theKeyRoundedToItsFiguresIsCorrectAndOneUnitAwayIsNot(
      @ForAll @LongRange(min = 1, max = 999_999_999L) long digits,
      @ForAll @IntRange(min = -30, max = 30) int exponent,
      @ForAll boolean negative,
      @ForAll @IntRange(min = 1, max = 9) int sigfigs) {
    BigDecimal key = BigDecimal.valueOf(negative ? -digits : digits).scaleByPowerOfTen(exponent);
    BigDecimal rounded = key.round(new MathContext(sigfigs, RoundingMode.HALF_UP));
    if (rounded.precision() < sigfigs) {
      // written with all the asked figures, as a student must: -1 at 2 figures is -1.0
      rounded = rounded.setScale(rounded.scale() + sigfigs - rounded.precision());
    }
    BigDecimal unit =
        BigDecimal.ONE.scaleByPowerOfTen(rounded.precision() - rounded.scale() - sigfigs);
    String keyText = key.toString();

    assertThat(grade(keyText, sigfigs, rounded.toString()))
        .as("%s at %d figures: %s", keyText, sigfigs, rounded)
        .isEqualTo(Verdict.CORRECT);
    for (BigDecimal off : new BigDecimal[] {rounded.add(unit), rounded.subtract(unit)}) {
      if (off.signum() == 0) {
        continue; // 1 unit below 1×10^n at one figure is 0, a different magnitude altogether
      }
      assertThat(grade(keyText, sigfigs, off.toString()))
          .as("%s at %d figures: %s is one unit off", keyText, sigfigs, off)
          .isEqualTo(Verdict.INCORRECT);
    }
  }

  @Property(tries = 200)
  void aTowerOfPowersIsReadFromTheRight(
      @ForAll @IntRange(min = 2, max = 9) int a,
      @ForAll @IntRange(min = 1, max = 3) int b,
      @ForAll @IntRange(min = 1, max = 3) int c) {
    double right = Math.pow(a, Math.pow(b, c));
    double left = Math.pow(Math.pow(a, b), c);
    String key = BigDecimal.valueOf(right).toPlainString();
    assertThat(grade(key, null, a + "^" + b + "^" + c)).isEqualTo(Verdict.CORRECT);
    assertThat(grade(key, null, a + "**" + b + "**" + c)).isEqualTo(Verdict.CORRECT);
    if (Math.abs(left / right - 1) > 0.06) {
      assertThat(grade(key, null, "(" + a + "^" + b + ")^" + c)).isEqualTo(Verdict.INCORRECT);
    }
  }
}
