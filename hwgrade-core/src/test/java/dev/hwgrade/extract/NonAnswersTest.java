package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the case table {@code extract/non-answers.yaml}. */
class NonAnswersTest {
  record Case(String text, boolean nonAnswer) {
    @Override
    public String toString() {
      return (nonAnswer ? "no answer: " : "an answer: ") + text.replace("\n", "\\n");
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = TranscriptSplitterTest.resource("extract/non-answers.yaml")) {
      return Arrays.stream(new ObjectMapper(new YAMLFactory()).readValue(in, Case[].class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void recognisesAnswersThatOnlyDecline(Case c) {
    assertThat(NonAnswers.isNonAnswer(c.text())).isEqualTo(c.nonAnswer());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aDeclineFollowedByAnAnswerIsAnAnswer(Case c) {
    assertThat(NonAnswers.isNonAnswer(c.text() + " So the answer is 12.")).isFalse();
  }
}
