package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

  @Test
  void aWrongKindSuggestsTheClosestAndIsReportedOnce() throws IOException {
    Path a = tiny();
    replaceIn(
        a.resolve("assignment.yaml"),
        "{kind: boolean, answer: \"true\"}",
        "{kind: boolen, answer: \"true\"}");
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("unknown kind 'boolen' in part 1.a")
        .contains("(did you mean 'boolean'?)")
        .doesNotContain("model-a.yaml")
        .contains("1 error");
  }

  @Test
  void aTabInTheIndentationIsNamedAtItsLine() throws IOException {
    Path a = tiny();
    replaceIn(a.resolve("assignment.yaml"), "\n        title: \"Truth\"", "\n\ttitle: \"Truth\"");
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("assignment.yaml:8:1: error: tabs cannot indent YAML; use spaces");
  }

  @Test
  void aFileThatIsNotUtf8IsLocatedAndSaysSo() throws IOException {
    Path a = tiny();
    Path f = a.resolve("responses/model-a.yaml");
    String s =
        Files.readString(f, StandardCharsets.UTF_8)
            .replace("I don't know.", "Je ne sais pas, caf\u00e9.");
    Files.write(f, s.getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    int offset = s.indexOf('\u00e9');
    assertThat(r.err())
        .contains("model-a.yaml:5:")
        .contains("byte 0xE9 at byte offset " + offset)
        .contains("the file is not UTF-8 (save it as UTF-8)");
  }

  @Test
  void tooLargeAYamlFileIsRefusedBeforeParsing() throws IOException {
    Path a = tiny();
    Path f = a.resolve("assignment.yaml");
    String big = "# " + "x".repeat(3 * 1024 * 1024) + "\n";
    Files.writeString(f, big + Files.readString(f, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("assignment.yaml:1:1: error: file is too large")
        .contains("3145728");
  }

  @Test
  void nestingTooDeepIsLocatedAndWorded() throws IOException {
    Path a = tiny();
    Path f = a.resolve("responses/model-a.yaml");
    String deep = "[".repeat(100) + "]".repeat(100);
    Files.writeString(f, "model: x\nanswers:\n  \"1.a\": " + deep + "\n", StandardCharsets.UTF_8);
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .containsPattern("model-a\\.yaml:3:\\d+: error: nesting deeper than 64 levels")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void responseEntriesThatCannotBeReadAreReported() throws Exception {
    Path a = tiny();
    Path r = a.resolve("responses");
    Files.createDirectory(dir.resolve("folder"));
    Files.createSymbolicLink(r.resolve("linked.yaml"), dir.resolve("folder"));
    Files.createSymbolicLink(r.resolve("gone.yaml"), dir.resolve("nothing-here"));
    Files.writeString(r.resolve("notes.txt"), "1.a: true\n", StandardCharsets.UTF_8);
    Cli.Run v = Cli.run("validate", a.toString());
    assertThat(v.err())
        .contains("linked.yaml: warning: a link to a folder")
        .contains("gone.yaml: error: a link to a file that does not exist")
        .contains("notes.txt: warning: not read");
    assertThat(v.code()).isEqualTo(2);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aPipeInResponsesIsAnErrorAndNeverBlocks() throws Exception {
    Path a = tiny();
    Path fifo = a.resolve("responses/pipe.yaml");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0);
    Cli.Run v = Cli.run("validate", a.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains("pipe.yaml: error: not a regular file");
  }

  @Test
  void keyProblemsAndStructuralErrorsInOneRun() throws IOException {
    Path a = tiny();
    Path f = a.resolve("assignment.yaml");
    replaceIn(f, "{kind: boolean, answer: \"false\"}", "{kind: numeric, answer: \"about lots\"}");
    replaceIn(f, "        title: \"Truth\"", "        titel: \"Truth\"");
    Cli.Run r = Cli.run("validate", a.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("unknown field 'titel'")
        .contains("the key of part 1.c: the key's answer 'about lots' holds no number")
        .contains("2 errors");
  }
}
