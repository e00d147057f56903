package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expression key option {@code positive}: symbols that stand for positive quantities are
 * compared at positive values only; read from assignment.yaml and by verify, and flagged on keys of
 * other kinds.
 */
class PositiveOptionTest {
  private static final Path DIR = Path.of("src/test/resources/positive-option");

  @Test
  void validateWarnsOfTheOptionOnAnotherKind() {
    Cli.Run r = Cli.run("validate", DIR.toString());
    assertThat(r.err())
        .contains(DIR + "/assignment.yaml:15:")
        .contains("'positive' applies only to kind expression")
        .doesNotContain("Exception");
    assertThat(r.err().lines().filter(l -> l.contains("positive")).count()).isEqualTo(1);
  }

  @Test
  void gradeComparesDeclaredPositiveSymbolsAtPositiveValuesOnly(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("hw");
    Files.createDirectories(dir.resolve("responses"));
    Files.copy(DIR.resolve("assignment.yaml"), dir.resolve("assignment.yaml"));
    Files.copy(DIR.resolve("responses/model-x.yaml"), dir.resolve("responses/model-x.yaml"));
    Cli.Run r = Cli.run("grade", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    String results = Files.readString(dir.resolve("reports/model-x/results.json"));
    // 1.a declares L and g positive: sqrt(L)/sqrt(g) is sqrt(L/g); 1.b does not: a person decides
    assertThat(results)
        .containsPattern("\"id\"\\s*:\\s*\"1\\.a\"[^}]*?\"verdict\"\\s*:\\s*\"correct\"");
    assertThat(results)
        .containsPattern("\"id\"\\s*:\\s*\"1\\.b\"[^}]*?\"verdict\"\\s*:\\s*\"needs_review\"");
  }

  @Test
  void verifyReadsTheOption() {
    String line =
        "{\"kind\":\"expression\",\"key\":\"\\\\ln(V_2/V_1)\",\"response\":\"\\\\ln V_2 - \\\\ln V_1\"";
    Cli.Run plain = Cli.withInput(line + "}\n", "verify");
    Cli.Run positive = Cli.withInput(line + ",\"positive\":\"all\"}\n", "verify");
    Cli.Run bad = Cli.withInput(line + ",\"positive\":{\"V_1\":true}}\n", "verify");
    assertThat(plain.out()).contains("\"verdict\":\"needs_review\"");
    assertThat(positive.out()).contains("\"verdict\":\"correct\"");
    assertThat(bad.out() + bad.err()).contains("'positive' must be a list of strings");
  }
}
