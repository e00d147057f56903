package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages for bad input say what is wrong, where, and what would be right. */
class InputMessagesTest {
  private static final Path TINY = Path.of("src/test/resources/good/tiny");

  @TempDir Path dir;

  private Path tiny() throws IOException {
    return TestFiles.copyAssignment(TINY, dir.resolve("tiny"));
  }

  private static void replaceIn(Path file, String from, String to) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(s).contains(from);
    Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void aHugeWeightNamesTheRealBound() throws IOException {
    Path a = tiny();
    replaceIn(
        a.resolve("assignment.yaml"),
        "        category: true-false\n        key: {kind: boolean, answer: \"true\"}",
        "        category: true-false\n        weight: 1e308\n        key: {kind: boolean, answer: \"true\"}");
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("assignment.yaml:11:17: error: 'weight' must be a number from 0 to 1000000")
        .contains("found 1e308")
        .doesNotContain("at least 0");
  }

  @Test
  void anExtraPartInATranscriptIsAWarningAndTheRestIsGraded() throws IOException {
    Path a = tiny();
    Files.delete(a.resolve("responses/model-a.yaml"));
    Files.writeString(
        a.resolve("responses/model-a.md"),
        "## Problem 1\n\n**(a)** Final answer: True\n\n**(b)** Final answer: (B)\n\n"
            + "**(c)** Final answer: False\n\n## Problem 9\n\n**(a)** 42\n",
        StandardCharsets.UTF_8);
    Cli.Run v = Cli.run("validate", a.toString());
    assertThat(v.code()).isZero();
    assertThat(v.err()).contains("model-a.md:9:4: warning: ").contains("'Problem 9'");
    Cli.Run g = Cli.run("grade", a.toString());
    assertThat(g.code()).isZero();
    assertThat(g.err()).contains("'Problem 9'").doesNotContain(": error: ");
    assertThat(a.resolve("reports/model-a")).isDirectory();
  }
}
