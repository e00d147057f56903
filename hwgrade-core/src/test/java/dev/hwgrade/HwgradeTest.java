package dev.hwgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hwgrade used as a library through its facade, with no command line on the class path. */
class HwgradeTest {
  @TempDir Path dir;

  private void write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void gradesAnAssignmentFolderAndWritesItsReports() throws Exception {
    write(
        "assignment.yaml",
        """
        id: lib
        problems:
          - id: "1"
            parts:
              - id: a
                question: "A car covers 100 m in 8 s. Its mean speed?"
                key: {kind: numeric, answer: "12.5 m/s"}
              - id: b
                question: "True or false: speed is a vector."
                key: {kind: boolean, answer: "false"}
        """);
    write(
        "responses/m.yaml",
        """
        model: "M"
        answers:
          "1.a": {reasoning: "100/8", answer: "45 km/h"}
          "1.b": {answer: "True"}
        """);
    List<Analysis> analyses = Hwgrade.grade(dir, List.of(), GradingOptions.DEFAULT);
    assertThat(analyses).hasSize(1);
    Analysis a = analyses.get(0);
    assertThat(a.overall().count(Verdict.CORRECT)).isEqualTo(1);
    assertThat(a.overall().count(Verdict.INCORRECT)).isEqualTo(1);

    List<Path> files = Hwgrade.writeReports(dir, analyses);
    assertThat(files.get(0)).endsWith(Path.of("reports", "m", "report.md"));
    assertThat(files).allSatisfy(f -> assertThat(f).exists());
  }

  @Test
  void aBadFolderIsALocatedInputException() throws Exception {
    write("assignment.yaml", "id: bad\nproblems: 7\n");
    assertThatThrownBy(() -> Hwgrade.grade(dir, List.of(), GradingOptions.DEFAULT))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .anySatisfy(d -> assertThat(d.toString()).contains("assignment.yaml:2")));
  }

  @Test
  void checksOneAnswerAgainstAKey() {
    Grade right =
        Hwgrade.check(
            Key.builder(Kind.NUMERIC).answer("12.5 m/s").build(),
            "The mean speed is 100/8 = 12.5.\n\n**Final answer:** 45 km/h");
    assertThat(right.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(right.extracted()).contains("45 km/h");

    Grade wrong = Hwgrade.check(Key.builder(Kind.NUMERIC).answer("12.5 m/s").build(), "12.5 m");
    assertThat(wrong.verdict()).isEqualTo(Verdict.INCORRECT);
  }
}
