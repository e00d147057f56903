package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mathematics of a response's final answer: the final statement as {@link FinalAnswerExtractor}
 * finds it, read by {@link MathAnswer}.
 */
class MathAnswerTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Thus $x-p=\\boxed{2-2p}$.|2-2p",
        "\\boxed{1} and \\boxed{2}|1, 2",
        "\\boxed{1} no no no no no \\boxed{2}|2",
        "So \\boxed{143}. **Final Answer** \\boxed{143}|143",
        "$\\boxed{255}$ then more. Final Answer: The final answer is $10,455$. I hope it is correct.|10,455",
        "Final Answer: The largest $n$ is 34.|34",
        "We have $x = 5$. Therefore there are 12 of them.|12",
        "The answer is $\\frac{1}{2}$ and that is all|\\frac{1}{2}",
        "$1$ and $2$ and $3$|1, 2, 3",
        "the number is not 10 which is 1,000.99€|1,000.99",
        "\\frac{10}{9}|\\frac{10}{9}",
        "Evelyn|Evelyn",
        "The probability is **2/3**.|2/3",
        "\\\\boxed{004}|004",
      })
  void findsTheFinalAnswer(String text, String expected) {
    // what a key of several values reads: the values the final statement writes together
    var e = FinalAnswerExtractor.extractMarked(text);
    java.util.List<String> all = new java.util.ArrayList<>(e.others());
    all.add(e.answer());
    assertThat(MathAnswer.extract(String.join(", ", all))).isEqualTo(expected);
  }
}
