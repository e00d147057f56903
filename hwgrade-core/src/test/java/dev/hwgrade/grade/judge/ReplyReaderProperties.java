package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Untrusted text read by the judge gives an answer, never an exception. */
class ReplyReaderProperties {
  @Property(tries = 300)
  void anyReplyIsReadOrRefusedWithAReason(@ForAll @StringLength(max = 400) String reply) {
    ReplyReader.Reading r = ReplyReader.read(reply, List.of("p1"));
    assertThat(r.readable() ? !r.decisions().isEmpty() : !r.problem().isBlank()).isTrue();
  }

  @Property(tries = 300)
  void anyTextInAJsonShellIsReadOrRefused(@ForAll @StringLength(max = 200) String inner) {
    ReplyReader.Reading r = ReplyReader.read("{\"points\":[" + inner + "]}", List.of("p1"));
    assertThat(r.readable() ? r.decisions().size() == 1 : !r.problem().isBlank()).isTrue();
  }

  @Property(tries = 300)
  void anyAnswerIsScreenedWithoutFailing(@ForAll @StringLength(max = 400) String answer) {
    assertThat(InjectionScreen.screen(answer)).isNotNull();
    assertThat(new QuoteCheck(answer).found(answer)).isIn(true, false);
  }
}
