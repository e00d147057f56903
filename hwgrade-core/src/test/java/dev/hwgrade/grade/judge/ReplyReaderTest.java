package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.judge.PointDecision.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a judge's reply may look like to be read, and what makes it unreadable. */
class ReplyReaderTest {
  static final List<String> IDS = List.of("p1", "p2");
  static final String GOOD =
      "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"it rises\"},"
          + "{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":\"\"}]}";

  @Test
  void readsAStrictReplyInTheIdsOrder() {
    String swapped =
        "{\"points\":[{\"id\":\"p2\",\"decision\":\"contradicted\",\"quote\":\"no\"},"
            + "{\"id\":\"p1\",\"decision\":\"missed\",\"quote\":\"\"}]}";
    ReplyReader.Reading r = ReplyReader.read(swapped, IDS);
    assertThat(r.readable()).isTrue();
    assertThat(r.decisions())
        .containsExactly(
            new PointDecision("p1", Decision.MISSED, ""),
            new PointDecision("p2", Decision.CONTRADICTED, "no"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  %s  \n",
        "```json\n%s\n```",
        "```\n%s\n```",
        "\n```JSON\n%s\n```\n",
      })
  void acceptsTheObjectAloneOrAloneInOneFence(String shape) {
    assertThat(ReplyReader.read(shape.formatted(GOOD), IDS).readable()).isTrue();
  }

  @Test
  void aMissingQuoteIsReadableAndLeftEmpty() {
    String r =
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\"},"
            + "{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":null}]}";
    ReplyReader.Reading reading = ReplyReader.read(r, IDS);
    assertThat(reading.readable()).isTrue();
    assertThat(reading.decisions().get(0).quote()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "prose before | Here is my grading: %s | other text around it",
        "prose after | %s I hope this helps. | other text around it",
        "a verdict in prose and the JSON | The answer is (B). %s | other text around it",
        "two objects | %s %s | not valid JSON",
      })
  void refusesTextAroundTheObject(String name, String shape, String problem) {
    ReplyReader.Reading r = ReplyReader.read(shape.replace("%s", GOOD), IDS);
    assertThat(r.readable()).as(name).isFalse();
    assertThat(r.problem()).contains(problem);
  }

  @Test
  void refusesAFenceWithProseAroundIt() {
    String reply = "Sure!\n```json\n" + GOOD + "\n```";
    assertThat(ReplyReader.read(reply, IDS).problem()).contains("other text around it");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"a\"}]} | p2 is missing",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"a\"},{\"id\":\"p3\",\"decision\":\"made\",\"quote\":\"a\"}]} | unknown id",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"a\"},{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"a\"}]} | given twice",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"Made\",\"quote\":\"a\"},{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":\"\"}]} | no decision",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"partly\",\"quote\":\"a\"},{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":\"\"}]} | no decision",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":3},{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":\"\"}]} | not a string",
        "{\"points\":[{\"id\":\"p1\",\"decision\":\"made\",\"quote\":\"a\",\"score\":1},{\"id\":\"p2\",\"decision\":\"missed\",\"quote\":\"\"}]} | field the schema does not have: 'score'",
        "{\"verdict\":\"correct\",\"points\":[]} | field the schema does not have: 'verdict'",
        "{\"points\":{}} | no 'points' array",
        "{\"points\":[1, 2]} | not an object",
        "{\"points\":[], \"points\":[]} | not valid JSON",
        "{\"points\":[{\"id\":\"p1\",} | not valid JSON",
        "{'points': []} | not valid JSON",
        "{} | no 'points' array",
        "correct | not one JSON object",
      })
  void refusesAReplyThatDoesNotMatchTheSchema(String reply, String problem) {
    ReplyReader.Reading r = ReplyReader.read(reply, IDS);
    assertThat(r.readable()).isFalse();
    assertThat(r.problem()).contains(problem);
  }

  @Test
  void refusesEmptyHugeAndDeeplyNestedReplies() {
    assertThat(ReplyReader.read("", IDS).problem()).contains("empty");
    assertThat(ReplyReader.read(null, IDS).problem()).contains("empty");
    String huge = "{\"points\":[" + " ".repeat(ReplyReader.MAX_CHARS) + "]}";
    assertThat(ReplyReader.read(huge, IDS).problem()).contains("longer than");
    String deep = "{\"points\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(ReplyReader.read(deep, IDS).readable()).isFalse();
  }
}
