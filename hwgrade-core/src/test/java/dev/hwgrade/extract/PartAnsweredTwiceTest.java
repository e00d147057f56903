package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A part answered twice in one transcript with two different final answers keeps both, so that the
 * grading policy sees several answers rather than the later one winning.
 */
class PartAnsweredTwiceTest {
  private final TranscriptSplitter splitter = new TranscriptSplitter(List.of("1.a", "1.b"));

  @Test
  void twoDifferentFinalAnswersAreBothKept() {
    String text =
        "## Problem 1\n\n**(a)**\n\nFinal answer: 5\n\n**(b)**\n\nFinal answer: 2\n\n"
            + "**(a)**\n\nFinal answer: 4\n";
    Answer a = splitter.split("t.md", text).answers().get("1.a");
    assertThat(a.finalAnswer()).isEqualTo("4");
    assertThat(a.otherFinalAnswers()).containsExactly("5");
  }

  @Test
  void theSameFinalAnswerTwiceIsOneAnswer() {
    String text =
        "## Problem 1\n\n**(a)**\n\nFinal answer: 4\n\n**(b)**\n\nFinal answer: 2\n\n"
            + "**(a)**\n\nFinal answer: 4\n";
    Answer a = splitter.split("t.md", text).answers().get("1.a");
    assertThat(a.finalAnswer()).isEqualTo("4");
    assertThat(a.otherFinalAnswers()).isEmpty();
  }
}
