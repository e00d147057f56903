package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the case table {@code extract/final-answers.yaml}. */
class FinalAnswerExtractorTest {
  record Case(String text, String expected, List<String> others, List<String> stated) {
    @Override
    public String toString() {
      return text.replace("\n", "\\n") + " -> " + expected;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = TranscriptSplitterTest.resource("extract/final-answers.yaml")) {
      return Arrays.stream(new ObjectMapper(new YAMLFactory()).readValue(in, Case[].class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsTheFinalAnswer(Case c) {
    FinalAnswerExtractor.Extraction e = FinalAnswerExtractor.extractMarked(c.text());
    assertThat(e.answer()).isEqualTo(c.expected());
    if (c.others() != null) {
      assertThat(e.others()).as("the other final answers").isEqualTo(c.others());
    }
    if (c.stated() != null) {
      assertThat(Candidates.read(e.answer(), false).stated())
          .as("what the final answer commits to")
          .isEqualTo(c.stated());
    }
  }

  @Test
  void lastBoxedBalancesBracesAndGivesNullWhenUnclosed() {
    assertThat(FinalAnswerExtractor.lastBoxed("\\boxed{1} and \\boxed{\\frac{a}{b}}"))
        .isEqualTo("\\frac{a}{b}");
    assertThat(FinalAnswerExtractor.lastBoxed("\\boxed{1} and \\boxed{oops")).isNull();
    assertThat(FinalAnswerExtractor.lastBoxed("no box")).isNull();
    assertThat(FinalAnswerExtractor.lastBoxed(null)).isNull();
  }

  static Stream<String> hostile() {
    // a step quadratic in 1 MB (10^12 operations) or a backtracking pattern runs far past the
    // timeout
    int size = 1024 * 1024;
    return Stream.of(
            "**",
            "Final answer: \n",
            "the answer is ",
            "\\boxed{",
            "$",
            "a",
            "\n",
            "```\n",
            "I don't know. ",
            "- **x:** ",
            "\\boxed{}")
        .map(unit -> unit.repeat(size / unit.length()));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aMegabyteOfHostileTextTakesLinearTime(String text) {
    FinalAnswerExtractor.extract(text)
        .ifPresent(
            a -> assertThat(a).hasSizeLessThanOrEqualTo(FinalAnswerExtractor.MAX_ANSWER_CHARS + 2));
    assertThat(NonAnswers.isNonAnswer(text)).isEqualTo(text.isBlank());
  }

  @Test
  void cutsAVeryLongFinalAnswer() {
    String answer =
        FinalAnswerExtractor.extract("Final answer: " + "x".repeat(10_000)).orElseThrow();
    assertThat(answer)
        .hasSizeLessThanOrEqualTo(FinalAnswerExtractor.MAX_ANSWER_CHARS + 2)
        .endsWith("…");
  }
}
