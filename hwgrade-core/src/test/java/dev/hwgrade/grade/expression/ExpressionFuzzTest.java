package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and malformed LaTeX, as key and as answer: the grader must always come back, within the
 * time limit, with a verdict and an explanation, never an exception.
 */
class ExpressionFuzzTest {
  private static final GradingOptions OPTIONS =
      GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1));
  private static final ExpressionGrader GRADER = new ExpressionGrader(OPTIONS);
  private static final Duration BOUND = Duration.ofSeconds(4);
  private static final List<String> FRAGMENTS =
      List.of(
          "x",
          "y",
          "2",
          "0",
          "1.5",
          "1.7e15",
          "-",
          "+",
          "*",
          "/",
          "^",
          "_",
          "!",
          "%",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "\\{",
          "\\}",
          "|",
          ",",
          ";",
          "=",
          "<",
          "\\le",
          "\\ge",
          "\\pm",
          "\\frac",
          "\\sqrt",
          "\\sqrt[3]",
          "\\log_2",
          "\\binom",
          "\\sin",
          "\\cdot",
          "\\times",
          "\\left(",
          "\\right)",
          "\\begin{pmatrix}",
          "&",
          "\\\\",
          "\\end{pmatrix}",
          "\\boxed{",
          "$",
          "\\text{and}",
          "\\text{ cm}",
          "\\infty",
          "\\cup",
          "\\in",
          "O(",
          "W_{QK}",
          "\\pi",
          "e",
          "i",
          "\\sum_{k=1}^{n}",
          " ",
          "10^{",
          "\\mathrm{tr}(",
          "T",
          "\\approx",
          "**",
          "\\%",
          "\\,");

  @Provide
  Arbitrary<String> latex() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(0).ofMaxSize(25).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void randomLatexGetsAVerdictInTime(
      @ForAll("latex") String key, @ForAll("latex") String response) {
    assertGraded(key, response, List.of("x", "W_QK", "T"));
  }

  @Property(tries = 200)
  void anAnswerAlwaysEqualsItself(@ForAll("latex") String text) {
    Grade g = assertGraded(text, text, List.of());
    assertThat(g.verdict()).isIn(Verdict.CORRECT, Verdict.NEEDS_REVIEW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))",
        "2^2^2^2^2^2^2^2^2^2^2^2",
        "10^{10^{10^{10}}}",
        "9999999!",
        "(5000!)^{20000}",
        "\\binom{100000}{50000}",
        "(1+x)^{100000} - (1+x)^{100000}",
        "\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{\\frac{1}{x}}}}}}}}}}",
        "\\sum_{k=1}^{10^{100}} k!",
        "\\{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40\\}",
        "\\begin{pmatrix}1 & 2 \\\\ 3\\end{pmatrix}",
        "\\left( \\right)",
        "$$$$$$$$$",
        "\\boxed{\\boxed{\\boxed{\\boxed{}}}}",
        "1 aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv!"
      })
  void pathologicalInputIsBounded(String text) {
    assertGraded(text, text + "+1", List.of());
    assertGraded("42", text, List.of());
  }

  @org.junit.jupiter.api.Test
  void aHugeResponseIsBounded() {
    String huge = "x+".repeat(200_000) + "x";
    assertGraded("x", huge, List.of());
    assertGraded("x", "(".repeat(100_000), List.of());
    assertGraded("x", "Some words. ".repeat(20_000) + "The answer is $x$.", List.of());
  }

  private static Grade assertGraded(String key, String response, List<String> matrices) {
    Part part =
        Part.adHoc("f", "", Key.builder(Kind.EXPRESSION).answer(key).matrices(matrices).build());
    Grade g =
        assertTimeoutPreemptively(
            BOUND,
            () -> GRADER.grade(part, Answer.of("f", response)),
            () ->
                "key "
                    + key
                    + " / response "
                    + response.substring(0, Math.min(200, response.length())));
    assertThat(g).isNotNull();
    assertThat(g.verdict()).isNotNull();
    assertThat(g.explanation()).isNotBlank();
    assertThat(g.score()).isBetween(0.0, 1.0);
    return g;
  }
}
