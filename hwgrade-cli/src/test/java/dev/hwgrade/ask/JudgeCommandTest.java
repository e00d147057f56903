package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --judge}: text parts judged by a model on 127.0.0.1, with an audit trail. */
class JudgeCommandTest {
  @TempDir Path tmp;

  private static final Pattern POINT = Pattern.compile("(?m)^- id: (p\\d+)$");
  private static final Pattern BLOCK =
      Pattern.compile("(?s)<answer-([0-9a-f]{16})>\\n(.*?)\\n</answer-\\1>");

  /**
   * A judge that makes every point, quoting the answer's first words: a reply in the schema with a
   * quote that occurs in the answer.
   */
  private static MockResponse rubric(RecordedRequest r) {
    try {
      JsonNode body = FakeProvider.JSON.readTree(r.getBody().utf8());
      String user = "";
      for (JsonNode m : body.path("messages")) {
        if (m.path("role").asText().equals("user")) {
          JsonNode c = m.path("content");
          user = c.isArray() ? c.path(0).path("text").asText() : c.asText();
        }
      }
      Matcher block = BLOCK.matcher(user);
      String answer = block.find() ? block.group(2).strip() : "";
      String[] words = answer.split("\\s+");
      String quote = String.join(" ", List.of(words).subList(0, Math.min(4, words.length)));
      ObjectNode reply = FakeProvider.JSON.createObjectNode();
      var points = reply.putArray("points");
      Matcher m = POINT.matcher(user);
      while (m.find()) {
        points.addObject().put("id", m.group(1)).put("decision", "made").put("quote", quote);
      }
      return FakeProvider.ok(r.getUrl().encodedPath(), reply.toString(), "stop");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Timeout(300) // against a hang only
  void textPartsAreJudgedAndEveryJudgementIsAudited() throws Exception {
    Path dir = TestFiles.copyAssignment(Path.of("../examples/eecs182-hw11"), tmp.resolve("hw"));
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      Files.writeString(
          dir.resolve("models.yaml"),
          "models:\n  judge:\n    provider: openai-compatible\n    model: judge-fake\n"
              + "    base_url: "
              + fake.baseUrl("openai")
              + "\n    price_input: 1.0\n    price_output: 2.0\n");
      for (int i = 0; i < 400; i++) {
        fake.then(JudgeCommandTest::rubric);
      }
      Cli.Run run =
          Cli.run(
              "grade",
              dir.toString(),
              "--judge",
              "judge",
              "--cache-dir",
              tmp.resolve("cache").toString(),
              "--quiet");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(fake.requests.get()).isPositive();
      Path audit = dir.resolve("reports/reference-llm/judge");
      List<Path> records;
      try (Stream<Path> s = Files.list(audit)) {
        records = s.toList();
      }
      assertThat(records).isNotEmpty();
      String one = Files.readString(records.get(0));
      assertThat(one).contains("judge").contains("templateHash").contains("points");
      // A text part is graded by the judge; no other kind is sent to it.
      String results = Files.readString(dir.resolve("reports/reference-llm/results.json"));
      assertThat(results).contains("judge");
    }
  }

  @Test
  void aJudgeWhoseKeyIsMissingStopsBeforeAnyRequest() throws Exception {
    Path dir = TestFiles.copyAssignment(Path.of("../examples/eecs182-hw11"), tmp.resolve("hw2"));
    Files.writeString(
        dir.resolve("models.yaml"),
        "models:\n  keyed:\n    provider: openai\n    model: gpt-fake\n"
            + "    api_key_env: HWGRADE_TEST_UNSET_VARIABLE\n    base_url: http://127.0.0.1:9/v1\n");
    Cli.Run run = Cli.run("grade", dir.toString(), "--judge", "keyed", "--quiet");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("HWGRADE_TEST_UNSET_VARIABLE");
  }
}
