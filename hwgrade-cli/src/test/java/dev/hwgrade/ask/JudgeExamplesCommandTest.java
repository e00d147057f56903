package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled examples graded end to end with a scripted judge: every model's report names the
 * judge and shows each judged part's evidence and audit record; and, in a JVM of its own with the
 * API key in its environment, the key is sent to the provider and written into no file.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JudgeExamplesCommandTest {
  private static final String SECRET = "sk-test-JUDGE-NEVER-WRITE-8d1e5b";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"eecs182-hw11", "physics-linalg", "networks-pset2"})
  void everyExampleIsGradedWithTheJudgeAndItsReportsShowTheEvidence(String example)
      throws Exception {
    Path dir = TestFiles.copyAssignment(Path.of("../examples/" + example), tmp.resolve(example));
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      Files.writeString(
          dir.resolve("models.yaml"),
          "models:\n  judge:\n    provider: openai-compatible\n    model: judge-fake\n"
              + "    base_url: "
              + fake.baseUrl("openai")
              + "\n");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 1000);
      Cli.Run run =
          Cli.run(
              "grade",
              dir.toString(),
              "--judge",
              "judge",
              "--judge-all-review",
              "--cache-dir",
              tmp.resolve("cache").toString(),
              "--quiet");
      assertThat(run.code()).as(run.err()).isZero();
      List<Path> models;
      try (Stream<Path> s = Files.list(dir.resolve("responses"))) {
        models = s.toList();
      }
      for (Path response : models) {
        String id = response.getFileName().toString().replaceFirst("\\.(yaml|md)$", "");
        Path folder = dir.resolve("reports").resolve(id);
        JsonNode results = FakeProvider.JSON.readTree(folder.resolve("results.json").toFile());
        List<String> judged = new ArrayList<>();
        for (JsonNode p : results.path("parts")) {
          if (p.has("judgeAudit")) {
            judged.add(p.path("id").asText());
            assertThat(folder.resolve(p.path("judgeAudit").asText())).isRegularFile();
            assertThat(p.path("evidence").path(0).asText()).startsWith("judge: judge");
          }
        }
        assertThat(judged).as(id).isNotEmpty();
        assertThat(results.path("judge").path("partsJudged").asInt()).isEqualTo(judged.size());
        String md = Files.readString(folder.resolve("report.md"));
        assertThat(md).contains("## Judge").contains("| Judge model(s) | judge |");
        for (String part : judged) {
          assertThat(md).contains("[audit record](judge/" + part + ".json)");
        }
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html).contains("Judge's evidence").contains("href=\"judge/" + judged.get(0));
      }
    }
  }

  @Test
  void theApiKeyIsSentButWrittenNowhere() throws Exception {
    Path dir = TestFiles.copyAssignment(Path.of("../examples/physics-linalg"), tmp.resolve("hw"));
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      Files.writeString(
          dir.resolve("models.yaml"),
          "models:\n  judge:\n    provider: openai\n    model: judge-fake\n"
              + "    api_key_env: HWGRADE_TEST_JUDGE_KEY\n    base_url: "
              + fake.baseUrl("openai")
              + "\n");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 1000);
      Path log = tmp.resolve("grade.log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.hwgrade.cli.Main",
                  "grade",
                  dir.toString(),
                  "--judge",
                  "judge",
                  "--judge-all-review",
                  "--cache-dir",
                  tmp.resolve("cache").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("HWGRADE_TEST_JUDGE_KEY", SECRET);
      Process p = pb.start();
      assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(log)).isZero();
      assertThat(fake.authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer " + SECRET));

      List<Path> written = new ArrayList<>();
      try (Stream<Path> s = Files.walk(tmp)) {
        s.filter(Files::isRegularFile).forEach(written::add);
      }
      assertThat(written).anyMatch(f -> f.toString().contains("/judge/"));
      assertThat(written).anyMatch(f -> f.startsWith(tmp.resolve("cache")));
      for (Path f : written) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(SECRET);
      }
    }
  }
}
