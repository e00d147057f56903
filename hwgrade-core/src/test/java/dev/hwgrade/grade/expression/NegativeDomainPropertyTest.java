package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Expressions that agree wherever the variable is positive but not where it is negative ({@code
 * |x|} and {@code x}, {@code \sqrt{x^2}} and {@code x}, {@code (x^2)^{1/2}} and {@code x^{2/2}}),
 * placed in the same random context on both sides ({@code c f + d}, {@code f^3}, {@code e^{f}}…),
 * are never graded correct, whichever side is the key.
 */
class NegativeDomainPropertyTest {
  private static final ExpressionGrader GRADER = new ExpressionGrader(GradingOptions.DEFAULT);

  /** Pairs equal for x > 0 and different for x < 0. */
  private static final List<String[]> PAIRS =
      List.of(
          new String[] {"|x|", "x"},
          new String[] {"\\sqrt{x^2}", "x"},
          new String[] {"(x^2)^{1/2}", "x"},
          new String[] {"(x^2)^{1/2}", "x^{2/2}"},
          new String[] {"\\sqrt{x^2}", "x^{2/2}"},
          new String[] {"|x|", "x^{2/2}"},
          new String[] {"\\sqrt{x^{2}}", "(\\sqrt{x})^{2}"});

  /** Contexts that keep a difference visible: injective in f on the reals. */
  private static final List<String> CONTEXTS =
      List.of(
          "%s",
          "%c \\cdot (%s) + %d",
          "(%s)^3",
          "e^{%s}",
          "\\frac{1}{(%s) + 10}",
          "(%s)^3 + %c(%s)",
          "%c(%s)^5 - %d",
          "\\arctan(%s)",
          "y + %c(%s)",
          "\\frac{%s}{%c}");

  @Property(tries = 150)
  void agreeingOnlyForPositiveValuesIsNeverCorrect(@ForAll("cases") String[] keyAndAnswer) {
    Grade g =
        GRADER.grade(
            Part.adHoc("p", "", Key.of(Kind.EXPRESSION, keyAndAnswer[0])),
            Answer.of("p", keyAndAnswer[1]));
    assertThat(g.verdict())
        .as("key %s, answer %s: %s", keyAndAnswer[0], keyAndAnswer[1], g.explanation())
        .isNotEqualTo(Verdict.CORRECT);
  }

  @Provide
  Arbitrary<String[]> cases() {
    Arbitrary<String[]> pair = Arbitraries.of(PAIRS);
    Arbitrary<UnaryOperator<String>> context =
        Combinators.combine(
                Arbitraries.of(CONTEXTS),
                Arbitraries.integers().between(2, 9),
                Arbitraries.integers().between(-9, 9))
            .as(
                (pattern, c, d) ->
                    f ->
                        pattern
                            .replace("%c", String.valueOf(c))
                            .replace("%d", String.valueOf(d))
                            .replace("%s", f));
    Arbitrary<Integer> depth = Arbitraries.integers().between(1, 2);
    return Combinators.combine(pair, context, context, depth, Arbitraries.of(true, false))
        .as(
            (p, outer, inner, d, swap) -> {
              String f = p[0];
              String g = p[1];
              if (d == 2) {
                f = inner.apply(f);
                g = inner.apply(g);
              }
              f = outer.apply(f);
              g = outer.apply(g);
              return swap ? new String[] {g, f} : new String[] {f, g};
            });
  }
}
