package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.model.Answer;
import dev.hwgrade.report.ReportFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: what a judged part's record holds and where it is written. */
class JudgeAuditWriterTest {
  @TempDir Path dir;

  private List<JudgeRecord> judged() {
    List<JudgeRecord> records = new ArrayList<>();
    ScriptedJudge judge =
        ScriptedJudge.replying("fake:judge", "not json", JudgeGraderTest.ALL_MADE);
    JudgeGrader.builder(List.of(judge))
        .audit(records::add)
        .build()
        .grade(JudgeGraderTest.PART, Answer.of("3.b", JudgeGraderTest.GOOD_ANSWER));
    return records;
  }

  @Test
  void aRecordHoldsThePromptTheRawRepliesTheJudgeTheHashTokensLatencyAndCost() throws Exception {
    List<JudgeRecord> records = judged();
    assertThat(records).hasSize(1);
    JsonNode r = new ObjectMapper().readTree(JudgeAuditWriter.json(records.get(0)));

    assertThat(r.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(r.get("partId").asText()).isEqualTo("3.b");
    assertThat(r.get("templateHash").asText()).isEqualTo(JudgePrompt.TEMPLATE_HASH);
    assertThat(r.get("judges").toString()).isEqualTo("[\"fake:judge\"]");
    assertThat(r.get("verdict").asText()).isEqualTo("correct");
    assertThat(r.get("calls")).hasSize(2);
    JsonNode first = r.get("calls").get(0);
    assertThat(first.get("reply").asText()).isEqualTo("not json");
    assertThat(first.get("problem").asText()).contains("not one JSON object");
    assertThat(first.at("/request/system").asText()).contains("untrusted data");
    assertThat(first.at("/request/user").asText()).contains(JudgeGraderTest.GOOD_ANSWER);
    assertThat(first.at("/request/temperature").asDouble()).isZero();
    assertThat(first.at("/request/maxOutputTokens").asInt()).isEqualTo(2000);
    assertThat(first.get("latencyMillis").asLong()).isEqualTo(350);
    JsonNode second = r.get("calls").get(1);
    assertThat(second.get("attempt").asInt()).isEqualTo(2);
    assertThat(second.get("reply").asText()).isEqualTo(JudgeGraderTest.ALL_MADE);
    assertThat(second.at("/decisions/0/decision").asText()).isEqualTo("made");
    assertThat(r.get("inputTokens").asLong()).isEqualTo(2400);
    assertThat(r.get("outputTokens").asLong()).isEqualTo(160);
    assertThat(r.get("costUsd").asDouble()).isEqualTo(0.00084);
  }

  @Test
  void recordsAreWrittenBesideTheReportInOneSetWithNoCredentialAnywhere() throws Exception {
    List<JudgeRecord> records = judged();
    Path assignment = Files.createDirectories(dir.resolve("hw1"));
    try (ReportFolder folder = ReportFolder.open(assignment)) {
      List<Path> written =
          JudgeAuditWriter.writeWith(folder, "gpt-x", Map.of("report.md", "# Report\n"), records);
      assertThat(written).hasSize(2);
    }
    Path model = assignment.resolve("reports/gpt-x");
    Path file = model.resolve("judge/3.b.json");
    assertThat(model.resolve("report.md")).hasContent("# Report");
    assertThat(file).exists();
    assertThat(new ObjectMapper().readTree(file.toFile()).get("partId").asText()).isEqualTo("3.b");
    try (Stream<Path> all = Files.walk(assignment)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(p))
            .as(p.toString())
            .doesNotContainIgnoringCase("api_key")
            .doesNotContainIgnoringCase("apikey")
            .doesNotContainIgnoringCase("authorization")
            .doesNotContain("sk-");
      }
    }
  }

  @Test
  void aPartIdBecomesASafeFileName() {
    assertThat(JudgeAuditWriter.fileName("2.a.i")).isEqualTo("judge/2.a.i.json");
    assertThat(JudgeAuditWriter.fileName("../x/y")).isEqualTo("judge/_.._x_y.json");
    assertThat(JudgeAuditWriter.fileName("")).isEqualTo("judge/_.json");
  }
}
