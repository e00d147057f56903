package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The expression key option {@code compare}: validated in assignment.yaml, read by verify. */
class CompareOptionTest {
  private static final String DIR = Path.of("src/test/resources/bad/compare-option").toString();

  @Test
  void validateRejectsAnUnknownValueAndTheOptionOnOtherKinds() {
    Cli.Run r = Cli.run("validate", DIR);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(DIR + "/assignment.yaml:12:")
        .contains("unknown 'compare' value 'solutions'; known: form, solution_set")
        .contains("'compare'")
        .doesNotContain("Exception");
    assertThat(r.err().lines().filter(l -> l.contains("compare")).count()).isEqualTo(2);
  }

  @Test
  void verifyReadsTheOption() {
    String line = "{\"kind\":\"expression\",\"key\":\"x = 2 or x = -2\",\"response\":\"x^2 = 4\"";
    Cli.Run byForm = Cli.withInput(line + "}\n", "verify");
    Cli.Run bySolutions = Cli.withInput(line + ",\"compare\":\"solution_set\"}\n", "verify");
    Cli.Run unknown = Cli.withInput(line + ",\"compare\":\"sets\"}\n", "verify");
    assertThat(byForm.out()).contains("\"verdict\":\"incorrect\"").contains("does not solve for x");
    assertThat(bySolutions.out()).contains("\"verdict\":\"correct\"");
    assertThat(unknown.out() + unknown.err()).contains("unknown compare 'sets'");
  }
}
