package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwgrade grade} end to end on a small assignment copied to a temporary folder. */
class GradeCommandTest {
  @TempDir Path tmp;

  @Test
  void writesTheThreeReportsWithComputedCounts() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Cli.Run r = Cli.run("grade", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("model-a: 3 parts — 2 correct, 0 partially correct, 0 incorrect, 1 unanswered");
    Path out = dir.resolve("reports/model-a");
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(json.get("assignment").asText()).isEqualTo("tiny");
    assertThat(json.get("model").asText()).isEqualTo("Model A");
    assertThat(json.get("parts")).hasSize(3);
    JsonNode first = json.get("parts").get(0);
    for (String f :
        new String[] {
          "id",
          "problem",
          "category",
          "kind",
          "verdict",
          "score",
          "confidence",
          "extracted",
          "key",
          "explanation",
          "grader"
        }) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    assertThat(first.get("verdict").asText()).isEqualTo("correct");
    assertThat(json.at("/parts/1/extracted").asText()).isEqualTo("B");
    assertThat(json.at("/parts/2/verdict").asText()).isEqualTo("unanswered");
    JsonNode s = json.get("summary");
    assertThat(s.get("total").asInt()).isEqualTo(3);
    assertThat(s.get("correct").asInt()).isEqualTo(2);
    assertThat(s.get("unanswered").asInt()).isEqualTo(1);
    assertThat(s.get("needs_review").asInt()).isZero();
    assertThat(s.get("score").asDouble()).isEqualTo(0.6667);
    String csv = Files.readString(out.resolve("results.csv"));
    assertThat(csv.lines()).hasSize(4);
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith("id,problem,category,kind,weight,verdict");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md)
        .contains("# Homework analysis: A tiny assignment")
        .contains("**Model:** Model A")
        .contains("## Error analysis")
        .contains("1(c)")
        .contains("## Overall performance")
        .contains("## Key findings")
        .contains("## Conclusion");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.md", "report.html", "results.json", "results.csv");
    }
    Path reports = out.getParent();
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<h1>Homework analysis: A tiny assignment</h1>")
        .contains("src=\"../assets/mathjax/tex-chtml.js\"");
    assertThat(Files.readString(reports.resolve("index.html"))).contains("<table class=\"grid\">");
    assertThat(reports.resolve("assets/mathjax/tex-chtml.js")).isRegularFile();
  }

  @Test
  void onlyTheModelsAsked() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Files.writeString(
        dir.resolve("responses/model-b.yaml"),
        "model: B\nanswers:\n  \"1.a\": {answer: 'false'}\n");
    Cli.Run r = Cli.run("grade", dir.toString(), "--model", "model-b");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("reports/model-b/report.md")).exists();
    assertThat(dir.resolve("reports/model-a")).doesNotExist();
  }

  @Test
  void oneModelsFailureIsReportedAndTheOthersAreStillWritten() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Files.copy(dir.resolve("responses/model-a.yaml"), dir.resolve("responses/comparison.md.yaml"));
    Cli.Run r = Cli.run("grade", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write the reports of comparison.md").contains("reserved");
    assertThat(dir.resolve("reports/model-a/report.md")).exists();
  }

  @Test
  void modelWrittenTextCannotInjectMarkupIntoTheReport() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Files.writeString(
        dir.resolve("responses/model-a.yaml"),
        "model: \"Sly\\n<!--\"\n"
            + "answers:\n"
            + "  \"1.a\": {reasoning: \"<script>alert(1)</script> ![x](http://evil.example/t.png)"
            + " <img src=x onerror=alert(1)>\", answer: \"**True**\"}\n");
    Cli.Run r = Cli.run("grade", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String md = Files.readString(dir.resolve("reports/model-a/report.md"));
    assertThat(md).doesNotContain("<!--").doesNotContain("<script").doesNotContain("<img");
    assertThat(md).doesNotContain("![x]");
  }
}
