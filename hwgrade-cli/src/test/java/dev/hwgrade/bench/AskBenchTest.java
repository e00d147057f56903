package dev.hwgrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bench ask}: the provider-alone wall time it compares with, and what it prints. */
class AskBenchTest {
  @Test
  void theLatencyAloneFollowsTheConversationsThroughTheThreads() {
    // 250 conversations of 4 parts on 16 threads: 16 rounds of 4 × 50 ms
    assertThat(AskBench.ideal(1000, 50, 16)).isEqualTo(3.2);
    // 3 conversations (4, 4 and 2 parts) on 2 threads: 4 × 50 ms, then 2 × 50 ms more
    assertThat(AskBench.ideal(10, 50, 2)).isEqualTo(0.3);
    // as many threads as conversations: one conversation's time
    assertThat(AskBench.ideal(1000, 50, 250)).isEqualTo(0.2);
  }

  @Test
  void aSmallRunPrintsBothRunsWithTheirBreakdown() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AskBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 24, 5, 4);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("ask, cold JVM: 24 parts (24 answered, 0 failed)")
        .contains("ask, warm JVM: 24 parts (24 answered, 0 failed)")
        // 6 conversations of 4 parts on 4 threads: two rounds of 4 × 5 ms
        .contains("the latency alone takes 0.04 s")
        .contains("per request: hwgrade's own time")
        .contains("CPU per request:");
  }
}
