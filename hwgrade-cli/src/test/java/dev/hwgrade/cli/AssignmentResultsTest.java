package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reports/results.json and results.csv for the whole assignment, and where the models disagree. */
class AssignmentResultsTest {
  @TempDir Path tmp;

  @Test
  void everyModelEveryPartAndTheDisagreements() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Path a = dir.resolve("responses/model-a.yaml");
    // model-b picks option A for 1.b, where model-a picks the key's B.
    Files.writeString(
        dir.resolve("responses/model-b.yaml"),
        Files.readString(a).replace("Model A", "Model B").replace("\"(B)\"", "\"(A)\""));
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/results.json").toFile());
    assertThat(json.get("assignment").asText()).isEqualTo("tiny");
    assertThat(json.get("models")).hasSize(2);
    assertThat(json.get("parts")).hasSize(6);
    assertThat(json.at("/parts/4/model").asText()).isEqualTo("model-b");
    assertThat(json.at("/parts/4/id").asText()).isEqualTo("1.b");
    assertThat(json.at("/parts/4/verdict").asText()).isEqualTo("incorrect");
    assertThat(json.at("/parts/4/reviewed").asBoolean()).isFalse();
    String csv = Files.readString(dir.resolve("reports/results.csv"));
    assertThat(csv.lines()).hasSize(7);
    assertThat(csv).contains("model-b,1.b,1,conceptual,choice,1.0,incorrect,0.0,false,,false,A,");
    String comparison = Files.readString(dir.resolve("reports/comparison.md"));
    assertThat(comparison)
        .contains("## Where the models disagree")
        .contains("1 part has different verdicts")
        .contains("| 1(b) | model-a: ✓ B<br>model-b: ✗ A |");

    // Grading one model again keeps the other in the assignment's results.
    Cli.Run one = Cli.run("grade", dir.toString(), "--quiet", "--model", "model-a");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(
            new ObjectMapper().readTree(dir.resolve("reports/results.json").toFile()).get("parts"))
        .hasSize(6);
  }

  @Test
  void gradingOneModelRebuildsTheComparisonFromTheStoredResults() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Path a = dir.resolve("responses/model-a.yaml");
    Path b = dir.resolve("responses/model-b.yaml");
    Files.writeString(
        b, Files.readString(a).replace("Model A", "Model B").replace("\"(B)\"", "\"(A)\""));
    Cli.Run all = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(all.code()).as(all.err()).isZero();
    Path comparison = dir.resolve("reports/comparison.md");
    assertThat(Files.readString(comparison))
        .contains("| 1(b) | choice | ✓ | ✗ |")
        .contains("1 part has different verdicts")
        .contains("[report.md](model-a/report.md)")
        .contains("[report.md](model-b/report.md)");
    Path storedA = dir.resolve("reports/model-a/results.json");
    String resultsA = Files.readString(storedA);
    // model-a's stored results, edited as if its last grading had said 1(c) was correct: the
    // comparison must show what is stored, proving model-a is not graded again.
    Files.writeString(
        storedA,
        resultsA.replaceFirst(
            "(\"id\" : \"1\\.c\",[^}]*?\"verdict\" : )\"unanswered\"", "$1\"correct\""));
    assertThat(Files.readString(storedA)).isNotEqualTo(resultsA);

    // model-b now picks the key's B; only model-b is graded.
    Files.writeString(b, Files.readString(b).replace("\"(A)\"", "\"(B)\""));
    Cli.Run one = Cli.run("grade", dir.toString(), "--model", "model-b");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(one.out()).contains("comparison of 2 models");
    String md = Files.readString(comparison);
    assertThat(md)
        .contains("| 1(b) | choice | ✓ | ✓ |")
        .contains("| 1(c) | boolean | ✓ | – |")
        .contains("1 part has different verdicts")
        .contains("| 1(c) | model-a: ✓ I don't know.<br>model-b: – I don't know. |")
        .doesNotContain("| 1(b) | model-a");
    assertThat(dir.resolve("reports/model-a/report.md")).exists();
    // The HTML index, too, lists model-a as last graded.
    assertThat(Files.readString(dir.resolve("reports/index.html")))
        .contains("href=\"model-a/report.html\"")
        .contains("href=\"model-b/report.html\"")
        .contains("2 models");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/results.json").toFile());
    assertThat(json.at("/parts/2/model").asText()).isEqualTo("model-a");
    assertThat(json.at("/parts/2/verdict").asText()).isEqualTo("correct");
    assertThat(json.at("/parts/4/verdict").asText()).isEqualTo("correct");
  }

  @Test
  void aComparisonLeftFromMoreModelsIsRemoved() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("reports/comparison.md"), "# Model comparison: old\n");
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isZero();
    assertThat(dir.resolve("reports/comparison.md")).doesNotExist();
  }
}
