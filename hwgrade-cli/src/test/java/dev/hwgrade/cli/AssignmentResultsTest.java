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
}
