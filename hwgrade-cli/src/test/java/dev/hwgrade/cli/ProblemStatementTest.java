package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem's {@code statement} is read and shown once in report.md, before its parts. */
class ProblemStatementTest {
  @TempDir Path tmp;

  @Test
  void theStatementOpensItsProblemOnce() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Path yaml = dir.resolve("assignment.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            .replace(
                "    title: \"Warm-up\"\n",
                "    title: \"Warm-up\"\n"
                    + "    statement: 'Let $A$ be 5×2 and $B$ be 2×5, with \\(W_0\\) frozen.'\n"));
    Cli.Run r = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    String md = Files.readString(dir.resolve("reports/model-a/report.md"));
    String statement = "Let $A$ be 5×2 and $B$ be 2×5, with $W_0$ frozen.";
    assertThat(md).contains("## Problem 1: Warm-up\n\n" + statement + "\n\n_");
    assertThat(md.indexOf(statement)).isEqualTo(md.lastIndexOf(statement));
    assertThat(Files.readString(dir.resolve("reports/model-a/report.html")))
        .contains("<div class=\"statement\">")
        .contains("be 5×2 and");
  }
}
