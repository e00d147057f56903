package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A key unit no unit system reads is a located validate error, never silently dropped. */
class UnreadKeyUnitTest {
  private static final String DIR = Path.of("src/test/resources/bad/unit-keys").toString();

  @Test
  void validateLocatesEveryUnreadKeyUnitAndAcceptsTheReadOnes() {
    Cli.Run v = Cli.run("validate", DIR);
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err())
        .contains(
            "assignment.yaml:5:9: error: the key of part 1.a: the key's answer '5 zorgs/s' has a"
                + " unit hwgrade cannot read, 'zorgs/s'")
        .contains(
            "assignment.yaml:7:9: error: the key of part 1.b: the key's unit 'furlongz' is not a"
                + " unit hwgrade knows")
        .contains("assignment.yaml:9:9: error: the key of part 1.c: the key's answer '3 hh'")
        .doesNotContain("part 1.d")
        .doesNotContain("part 1.e")
        .contains("3 errors");
  }
}
