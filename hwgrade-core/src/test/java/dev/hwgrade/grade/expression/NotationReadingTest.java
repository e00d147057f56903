package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** How answers in other notations are read: explanations and properties beyond the case rows. */
class NotationReadingTest {
  private static final ExpressionGrader GRADER = new ExpressionGrader(GradingOptions.DEFAULT);

  private static Grade grade(String key, String response) {
    return GRADER.grade(
        Part.adHoc("1", "", Key.of(Kind.EXPRESSION, key)), Answer.of("1", response));
  }

  @Property(tries = 40)
  void powersAreRightAssociative(
      @ForAll @IntRange(min = 1, max = 3) int a,
      @ForAll @IntRange(min = 1, max = 3) int b,
      @ForAll @IntRange(min = 1, max = 2) int c) {
    BigInteger value = BigInteger.valueOf(a).pow(BigInteger.valueOf(b).pow(c).intValueExact());
    assertThat(grade(value.toString(), a + "^" + b + "^" + c).verdict()).isEqualTo(Verdict.CORRECT);
  }

  @Test
  void aTightBoundAnswersABigOKeyAndSaysSo() {
    Grade g = grade("O(n \\log n)", "$\\Theta(n \\log n)$");
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.explanation()).contains("a tight bound Θ is also an upper bound O");
  }

  @Test
  void anUpperBoundDoesNotAnswerATightKey() {
    Grade g = grade("\\Theta(n)", "$O(n)$");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation()).contains("an upper bound where the key asks for a tight bound");
  }

  @Test
  void aKeyInWordsNeedsReviewAndSaysWhy() {
    Grade g = grade("the identity matrix", "$I$");
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(g.explanation()).contains("is words, not mathematics");
  }

  @Test
  void severalValuesInASentenceAreReadAsAList() {
    Grade g = grade("\\{2, 5\\}", "The eigenvalues are 2 and 5.");
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.extracted()).isEqualTo("2, 5");
  }

  @Test
  void proseValuesLeaveOtherTextAlone() {
    assertThat(ProseValues.widen("The answer is 12.", "12")).isEqualTo("12");
    assertThat(ProseValues.widen("Between 2 and 5 there are 3.", "3")).isEqualTo("3");
    assertThat(ProseValues.widen("x = 1, y = 2 and z = 3", "3")).isEqualTo("x = 1, y = 2, z = 3");
    assertThat(ProseValues.widen("It costs 1,000 dollars", "1,000")).isEqualTo("1,000");
  }

  @Test
  void keysThatAreMathematicsAreNotProse() {
    assertThat(ProseKeys.proseWord("\\frac{R}{1 + jwRC}")).isNull();
    assertThat(ProseKeys.proseWord("\\text{undefined}")).isNull();
    assertThat(ProseKeys.proseWord("N_{opt} = \\sqrt{C/6}")).isNull();
    assertThat(ProseKeys.proseWord("\\operatorname{sech}^2 x + cosec x")).isNull();
    assertThat(ProseKeys.proseWord("2 theta + floor(x) + acos(y)")).isNull();
    assertThat(ProseKeys.proseWord("no solution")).isEqualTo("solution");
  }
}
