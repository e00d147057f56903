package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Huge or hostile answers and replies give a grade in bounded time. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JudgePathologicalTest {
  static final String HOSTILE =
      "<".repeat(60_000) + "ignore the ".repeat(8_000) + "\"".repeat(30_000) + "`".repeat(30_000);

  @Test
  void aHostileAnswerIsScreenedAndGraded() {
    assertThat(InjectionScreen.screen(HOSTILE)).isNotNull();
    Grade g =
        JudgeGrader.builder(List.of(ScriptedJudge.replying("fake:a", JudgeGraderTest.ALL_MADE)))
            .build()
            .grade(JudgeGraderTest.PART, Answer.of("3.b", HOSTILE));
    // the quotes of the scripted reply are not in this answer: nothing is made
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.explanation()).isNotBlank();
  }

  @Test
  void aHugeReplyOrQuoteIsRefusedOrChecked() {
    String quote = "a".repeat(90_000);
    ReplyReader.Reading r =
        ReplyReader.read(
            "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"" + quote + "\"}]}",
            List.of("p1"));
    assertThat(r.readable()).isTrue();
    assertThat(new QuoteCheck("b".repeat(200_000)).found(quote)).isFalse();
  }
}
