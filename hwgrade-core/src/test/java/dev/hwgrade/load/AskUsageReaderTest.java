package dev.hwgrade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.AskUsage;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage {@code hwgrade ask} records in a response file, as the reports read it. */
class AskUsageReaderTest {
  private static final Assignment ASSIGNMENT =
      new Assignment(
          "hw",
          "Homework",
          List.of(
              new Problem(
                  "1", "Kinematics", List.of(part("1.a"), part("1.b"), part("1.c"), part("1.d")))));

  private static Part part(String id) {
    return new Part(id, "1", null, "How fast?", null, 1, Key.of(Kind.NUMERIC, "5 m/s"), null);
  }

  private static Response read(String yaml) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Response r = ResponseReader.read("m.yaml", "m", yaml, ASSIGNMENT, diagnostics);
    assertThat(diagnostics).isEmpty();
    return r;
  }

  @Test
  void aResponseWrittenByHandRecordsNoUsage() {
    Response r =
        read("model: M\nanswers:\n  \"1.a\":\n    reasoning: fast\n    answer: 5 m/s\n  1.b: 5\n");
    assertThat(r.usage()).isNull();
  }

  @Test
  void totalsFromTheAskBlockLatenciesRetriesAndFailuresFromTheAnswersAndSamples() {
    Response r =
        read(
            """
            model: fake-7b
            ask:
              provider: openai-compatible
              price_input: 0.5
              price_output: 1.5
              totals:
                replies: 5
                input_tokens: 500
                output_tokens: 100
                cost_usd: 0.0004
            answers:
              "1.a":
                reasoning: "Final answer: 5 m/s"
                usage: {input_tokens: 100, output_tokens: 20, latency_ms: 100, attempts: 3}
                samples:
                  - reasoning: "Final answer: 4 m/s"
                    usage: {input_tokens: 100, output_tokens: 20, latency_ms: 400, attempts: 1}
              "1.b":
                reasoning: "Final answer: 5 m/s"
                usage: {input_tokens: 100, output_tokens: 20, latency_ms: 0, attempts: 0, cached: true}
              "1.c":
                reasoning: ""
                status: failed
                reason: "HTTP 500: down (after 6 attempts)"
              "1.d":
                reasoning: "I can't help."
                status: refused
                reason: "I can't help."
                usage: {input_tokens: 100, output_tokens: 20, latency_ms: 200, attempts: 1}
            """);
    AskUsage u = r.usage();
    assertThat(u).isNotNull();
    assertThat(u.provider()).isEqualTo("openai-compatible");
    assertThat(u.replies()).isEqualTo(5);
    assertThat(u.cached()).isEqualTo(1);
    assertThat(u.inputTokens()).isEqualTo(500);
    assertThat(u.outputTokens()).isEqualTo(100);
    assertThat(u.costUsd()).isEqualTo(0.0004);
    assertThat(u.inputPrice()).isEqualTo(0.5);
    assertThat(u.outputPrice()).isEqualTo(1.5);
    // the cached reply took no time of the provider's: left out of the latencies
    assertThat(u.latenciesMs()).containsExactly(100L, 400L, 200L);
    assertThat(u.meanLatencyMs()).isEqualTo(700.0 / 3);
    assertThat(u.p95LatencyMs()).isEqualTo(400);
    assertThat(u.retries()).isEqualTo(2);
    assertThat(u.failed()).isEqualTo(1);
    assertThat(u.refused()).isEqualTo(1);
  }

  @Test
  void withoutTotalsTheAnswersAreSummedAndWithoutPricesThereIsNoCost() {
    Response r =
        read(
            """
            model: fake-7b
            answers:
              "1.a":
                reasoning: "Final answer: 5 m/s"
                usage: {input_tokens: 120, output_tokens: 30, latency_ms: 90, attempts: 1}
              "1.b":
                reasoning: "Final answer: 5 m/s"
                usage: {input_tokens: 80, output_tokens: "many", latency_ms: -4}
            """);
    AskUsage u = r.usage();
    assertThat(u.replies()).isEqualTo(2);
    assertThat(u.inputTokens()).isEqualTo(200);
    // a value that is not a count is left out, not guessed
    assertThat(u.outputTokens()).isEqualTo(30);
    assertThat(u.latenciesMs()).containsExactly(90L);
    assertThat(u.costUsd()).isNull();
    assertThat(u.priced()).isFalse();
  }

  @Test
  void theNinetyFifthPercentileIsTheNearestRank() {
    List<Long> twenty = new ArrayList<>();
    for (long i = 1; i <= 20; i++) {
      twenty.add(i * 10);
    }
    AskUsage u = new AskUsage(null, 20, 0, 0, 0, null, null, null, twenty, 0, 0, 0);
    // rank ceil(0.95 × 20) = 19 of 1..20 (×10 ms)
    assertThat(u.p95LatencyMs()).isEqualTo(190);
    assertThat(new AskUsage(null, 0, 0, 0, 0, null, null, null, List.of(), 0, 0, 0).p95LatencyMs())
        .isEqualTo(-1);
  }
}
