package dev.hwgrade.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.judge.JudgeGrader;
import dev.hwgrade.grade.judge.JudgeRecord;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The provider layer as the core's judge: what is sent, what comes back, and failures. */
class ProviderJudgeTest {
  private static final Part PART =
      Part.adHoc(
          "1.a",
          "Why does LoRA initialise B to zero?",
          Key.builder(Kind.TEXT)
              .answer("So that the adapted model starts equal to the pretrained one.")
              .keyPoints(List.of(KeyPoint.of("the update BA is zero at the start", true)))
              .build());

  private static final String ANSWER =
      "With B = 0 the update BA is zero at the start, so training begins from the pretrained"
          + " weights.";

  /** A provider answering every request with {@code reply}, remembering what it was sent. */
  private static final class Scripted implements ChatProvider {
    final List<ModelRequest> sent = new ArrayList<>();
    final Function<ModelRequest, ModelReply> reply;

    Scripted(Function<ModelRequest, ModelReply> reply) {
      this.reply = reply;
    }

    @Override
    public ModelSpec spec() {
      return new ModelSpec(
          "judge-a",
          Provider.OPENAI_COMPATIBLE,
          "m",
          "http://127.0.0.1:1/v1",
          null,
          0.0,
          null,
          null,
          null,
          1.0,
          2.0,
          1,
          ModelSpec.DEFAULT_TIMEOUT);
    }

    @Override
    public synchronized ModelReply send(ModelRequest request) throws ProviderException {
      sent.add(request);
      ModelReply r = reply.apply(request);
      if (r == null) {
        throw new ProviderException("HTTP 503: overloaded", 503, true, null);
      }
      return r;
    }
  }

  private static ModelReply text(String t) {
    return new ModelReply(t, new Usage(1_000, 50), 120, "stop", null, t, 1, false);
  }

  /** A reply that makes every point of the prompt, quoting {@code quote}. */
  private static ModelReply making(ModelRequest r, String quote) {
    Matcher m = Pattern.compile("(?m)^- id: (p\\d+)").matcher(r.turns().get(1).text());
    StringBuilder points = new StringBuilder();
    while (m.find()) {
      if (points.length() > 0) {
        points.append(',');
      }
      points
          .append("{\"id\":\"")
          .append(m.group(1))
          .append("\",\"decision\":\"made\",\"quote\":\"");
      points.append(quote).append("\"}");
    }
    return text("{\"points\":[" + points + "]}");
  }

  private static Grade judge(Scripted provider, List<JudgeRecord> audit) {
    JudgeGrader g =
        JudgeGrader.builder(List.of(new ProviderJudge(provider))).audit(audit::add).build();
    return g.grade(PART, new Answer("1.a", "", ANSWER, null));
  }

  @Test
  void aRubricReplyWithATrueQuoteMakesThePointAndIsAudited() {
    Scripted p = new Scripted(r -> making(r, "the update BA is zero at the start"));
    List<JudgeRecord> audit = new ArrayList<>();
    Grade g = judge(p, audit);
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(p.sent).hasSize(1);
    ModelRequest sent = p.sent.get(0);
    assertThat(sent.turns())
        .extracting(Turn::role)
        .containsExactly(Turn.Role.SYSTEM, Turn.Role.USER);
    assertThat(sent.turns().get(1).text()).contains(ANSWER);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).toString()).contains("judge-a");
  }

  @Test
  void aFabricatedQuoteDoesNotCount() {
    Scripted p = new Scripted(r -> making(r, "B is initialised with Xavier noise"));
    assertThat(judge(p, new ArrayList<>()).verdict())
        .isNotIn(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT);
  }

  @Test
  void aRefusalOrAFailedRequestIsNeedsReviewNeverIncorrect() {
    Scripted refusing =
        new Scripted(
            r -> new ModelReply("", Usage.NONE, 10, "content_filter", "policy", "", 1, false));
    assertThat(judge(refusing, new ArrayList<>()).verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    Scripted failing = new Scripted(r -> null);
    Grade g = judge(failing, new ArrayList<>());
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
  }
}
