package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An expression key written in words is a located {@code validate} error, not a product. */
class ProseKeyTest {
  private static final String DIR = Path.of("src/test/resources/bad/prose-key").toString();

  @Test
  void anExpressionKeyInWordsIsAValidateError() {
    Cli.Run v = Cli.run("validate", DIR);
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err())
        .containsPattern(
            "assignment\\.yaml:\\d+:\\d+: error: the key of part 1\\.a: 'the identity matrix' is"
                + " words, not mathematics")
        .contains("\\text{…}")
        .doesNotContain("part 1.b")
        .doesNotContain("part 1.c")
        .contains("1 error");
  }
}
