package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the transcript case table {@code extract/transcripts.yaml}: realistic transcripts in the
 * styles models write, with the final answer expected for each part.
 */
class TranscriptSplitterTest {

  /** One row of the case table; see the comment at the top of the YAML file. */
  record Case(
      String name,
      String transcript,
      List<String> parts,
      Map<String, String> titles,
      Map<String, String> answers,
      List<String> unanswered,
      List<String> absent,
      Map<String, String> reasoning,
      Map<String, String> notInReasoning,
      Map<String, Integer> lines,
      List<ExpectedWarning> warnings) {
    @Override
    public String toString() {
      return name;
    }
  }

  record ExpectedWarning(int line, TranscriptWarning.Kind kind, String contains) {}

  static Stream<Case> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = resource("extract/transcripts.yaml")) {
      return Arrays.stream(yaml.readValue(in, Case[].class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsTranscriptIntoExpectedAnswers(Case c) throws IOException {
    String text;
    try (InputStream in = resource("extract/transcripts/" + c.transcript())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TranscriptSplit split =
        new TranscriptSplitter(c.parts(), orEmpty(c.titles())).split(c.transcript(), text);
    Map<String, Answer> answers = split.answers();

    SoftAssertions soft = new SoftAssertions();
    orEmpty(c.answers())
        .forEach(
            (id, expected) -> {
              soft.assertThat(answers).as("answers").containsKey(id);
              if (answers.containsKey(id)) {
                soft.assertThat(answers.get(id).finalAnswer())
                    .as("final answer of %s", id)
                    .isEqualTo(expected);
              }
            });
    for (String id : orEmpty(c.unanswered())) {
      soft.assertThat(answers).as("answers").containsKey(id);
      if (answers.containsKey(id)) {
        soft.assertThat(NonAnswers.isNonAnswer(answers.get(id).text()))
            .as("%s is no answer: %s", id, answers.get(id).text())
            .isTrue();
      }
    }
    for (String id : orEmpty(c.absent())) {
      soft.assertThat(answers).as("answers").doesNotContainKey(id);
    }
    orEmpty(c.reasoning())
        .forEach(
            (id, fragment) -> {
              if (answers.containsKey(id)) {
                soft.assertThat(answers.get(id).reasoning())
                    .as("reasoning of %s", id)
                    .contains(fragment);
              }
            });
    orEmpty(c.notInReasoning())
        .forEach(
            (id, fragment) -> {
              if (answers.containsKey(id)) {
                soft.assertThat(answers.get(id).reasoning())
                    .as("reasoning of %s", id)
                    .doesNotContain(fragment);
              }
            });
    orEmpty(c.lines())
        .forEach(
            (id, line) -> {
              if (answers.containsKey(id)) {
                soft.assertThat(answers.get(id).location().line())
                    .as("line of %s", id)
                    .isEqualTo(line);
                soft.assertThat(answers.get(id).location().file()).isEqualTo(c.transcript());
              }
            });
    List<ExpectedWarning> expectedWarnings = orEmpty(c.warnings());
    soft.assertThat(split.warnings()).as("warnings").hasSize(expectedWarnings.size());
    for (int i = 0; i < Math.min(expectedWarnings.size(), split.warnings().size()); i++) {
      TranscriptWarning w = split.warnings().get(i);
      soft.assertThat(w.location().line())
          .as("line of warning %s", w)
          .isEqualTo(expectedWarnings.get(i).line());
      soft.assertThat(w.message()).contains(expectedWarnings.get(i).contains());
      soft.assertThat(w.kind())
          .as("kind of warning %s", w)
          .isEqualTo(expectedWarnings.get(i).kind());
    }
    // every part the table mentions is accounted for, so a new answer cannot slip in unchecked
    soft.assertThat(answers.keySet())
        .as("parts present")
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(orEmpty(c.answers()).keySet().stream(), orEmpty(c.unanswered()).stream())
                .distinct()
                .toList());
    soft.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void windowsLineEndingsGiveTheSameAnswers(Case c) throws IOException {
    String text;
    try (InputStream in = resource("extract/transcripts/" + c.transcript())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TranscriptSplitter splitter = new TranscriptSplitter(c.parts());
    Map<String, Answer> unix = splitter.split("t.md", text).answers();
    Map<String, Answer> windows = splitter.split("t.md", text.replace("\n", "\r\n")).answers();
    assertThat(windows.keySet()).isEqualTo(unix.keySet());
    for (String id : unix.keySet()) {
      assertThat(windows.get(id).finalAnswer()).as(id).isEqualTo(unix.get(id).finalAnswer());
      assertThat(windows.get(id).location()).as(id).isEqualTo(unix.get(id).location());
    }
  }

  @Test
  void anAssignmentGivesItsPartIdsAndTitles() {
    Part a =
        new Part("1.a", "1", "Addressing underfitting", "", null, 1, Key.of(Kind.TEXT, "k"), null);
    Part b = new Part("1.b", "1", null, "", null, 1, Key.of(Kind.TEXT, "k"), null);
    Assignment assignment =
        new Assignment("hw", "Homework", List.of(new Problem("1", "LoRA adapters", List.of(a, b))));
    String text = "# LoRA adapters\n\n## Addressing underfitting\n\nMore rank.\n\n**(b)** Zero.\n";

    TranscriptSplit split = TranscriptSplitter.of(assignment).split("t.md", text);

    assertThat(split.answers().keySet()).containsExactly("1.a", "1.b");
    assertThat(split.answers().get("1.a").finalAnswer()).isEqualTo("More rank");
    assertThat(split.answers().get("1.b").finalAnswer()).isEqualTo("Zero");
    assertThat(split.warnings()).isEmpty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  static InputStream resource(String name) {
    InputStream in = TranscriptSplitterTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing test resource " + name));
    }
    return in;
  }
}
