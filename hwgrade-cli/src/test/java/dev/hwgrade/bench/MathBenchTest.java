package dev.hwgrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The math benchmark reports accuracy, every miss, throughput and latency. */
class MathBenchTest {
  @Test
  void reportsAccuracyMissesAndSpeed() throws URISyntaxException {
    Path pairs = Path.of(MathBenchTest.class.getResource("/bench/math-pairs.jsonl").toURI());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int code = MathBench.run(pairs, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(out).contains("pairs: 10").contains("accuracy: 0.9000 (9/10)").contains("misses: 1");
    assertThat(out).contains("line 10:").contains("expected=true got=incorrect");
    assertThat(out)
        .containsPattern("throughput: \\d+ pairs/s on one thread, \\d+ pairs/s on \\d+ cores");
    assertThat(out).containsPattern("latency: p50 [\\d.]+ ms, p99 [\\d.]+ ms");
  }

  @Test
  void anUnreadableFileIsAnInputError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        MathBench.run(
            Path.of("no-such-file.jsonl"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("cannot read");
  }
}
