package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hwgrade ask} against a fake provider on 127.0.0.1, then {@code grade} on what it wrote.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AskCommandTest {
  @TempDir Path tmp;

  private Path assignment(String example) throws IOException {
    Path dir = tmp.resolve(example);
    TestFiles.copyAssignment(Path.of("../examples", example), dir);
    try (Stream<Path> s = Files.list(dir.resolve("responses"))) {
      for (Path f : s.toList()) {
        Files.delete(f);
      }
    }
    return dir;
  }

  private static void models(Path dir, FakeProvider fake, String extra) throws IOException {
    Files.writeString(
        dir.resolve("models.yaml"),
        "models:\n"
            + "  local:\n"
            + "    provider: openai-compatible\n"
            + "    model: fake-7b\n"
            + "    base_url: "
            + fake.baseUrl("openai")
            + "\n"
            + "    price_input: 1.0\n"
            + "    price_output: 2.0\n"
            + extra
            + "  claude:\n"
            + "    provider: anthropic\n"
            + "    model: claude-fake\n"
            + "    api_key_env: ''\n"
            + "    base_url: "
            + fake.baseUrl("anthropic")
            + "\n"
            + "  gem:\n"
            + "    provider: gemini\n"
            + "    model: gemini-fake\n"
            + "    api_key_env: ''\n"
            + "    base_url: "
            + fake.baseUrl("gemini")
            + "\n"
            + "  needs-key:\n"
            + "    provider: openai\n"
            + "    model: gpt-fake\n"
            + "    api_key_env: HWGRADE_TEST_UNSET_VARIABLE\n"
            + "    base_url: "
            + fake.baseUrl("openai")
            + "\n");
  }

  private Cli.Run ask(Path dir, String... more) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "ask",
                    dir.toString(),
                    "--cache-dir",
                    tmp.resolve("cache").toString(),
                    "--backoff-ms",
                    "10"),
                Stream.of(more))
            .toArray(String[]::new);
    return Cli.run(args);
  }

  private static JsonNode results(Path dir, String model) throws IOException {
    return FakeProvider.JSON.readTree(
        dir.resolve("reports").resolve(model).resolve("results.json").toFile());
  }

  private static JsonNode part(JsonNode results, String id) {
    for (JsonNode p : results.path("parts")) {
      if (p.path("id").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no part " + id);
  }

  @Test
  void bothExamplesEndToEndThenTheCacheAnswersASecondRunWithZeroRequests() throws IOException {
    for (String example : new String[] {"physics-linalg", "eecs182-hw11"}) {
      Path dir = assignment(example);
      try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
        models(dir, fake, "");
        Cli.Run run = ask(dir, "--model", "local");
        assertThat(run.code()).as(run.err()).isZero();
        int parts = fake.answersCount();
        assertThat(fake.requests.get()).isEqualTo(parts);
        String yaml = Files.readString(dir.resolve("responses/local.yaml"));
        assertThat(yaml).contains("ask:").contains("input_tokens").contains("cost_usd");

        Cli.Run grade = Cli.run("grade", dir.toString(), "--quiet");
        assertThat(grade.code()).as(grade.err()).isZero();
        JsonNode summary = results(dir, "local").path("summary");
        assertThat(summary.path("total").asInt()).isEqualTo(parts);
        // every reply states the key's answer: a TA marks none of them wrong
        assertThat(summary.path("incorrect").asInt()).isZero();
        assertThat(summary.path("unanswered").asInt()).isZero();
        assertThat(summary.path("correct").asInt()).isGreaterThan(parts / 2);

        // a second run of a fresh folder is answered by the cache: zero requests
        deleteTree(dir.resolve("replies"));
        Files.delete(dir.resolve("responses/local.yaml"));
        Cli.Run again = ask(dir, "--model", "local");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(fake.requests.get()).isEqualTo(parts);
        assertThat(again.err()).contains("0 requests, " + parts + " from the cache");
        // and a run of the same folder resumes from its journal: zero requests
        Cli.Run resumed = ask(dir, "--model", "local", "--no-cache");
        assertThat(resumed.code()).isZero();
        assertThat(fake.requests.get()).isEqualTo(parts);
      }
    }
  }

  @Test
  void anthropicAndGeminiWireFormatsPerPartAndWhole() throws IOException {
    Path dir = assignment("networks-pset2");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "");
      Cli.Run run = ask(dir, "--model", "claude", "--model", "gem", "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      Cli.Run whole = ask(dir, "--model", "local", "--whole", "--no-cache");
      assertThat(whole.code()).as(whole.err()).isZero();
      assertThat(fake.requests.get()).isEqualTo(2 * fake.answersCount() + 1);
      Cli.Run grade = Cli.run("grade", dir.toString(), "--quiet");
      assertThat(grade.code()).as(grade.err()).isZero();
      for (String m : new String[] {"claude", "gem", "local"}) {
        JsonNode s = results(dir, m).path("summary");
        assertThat(s.path("incorrect").asInt()).as(m).isZero();
        assertThat(s.path("unanswered").asInt()).as(m).isZero();
      }
    }
  }

  @Test
  void retriesRateLimitsServerErrorsTimeoutsAndUnreadableReplies() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "    concurrency: 1\n");
      fake.then(
          r ->
              new MockResponse.Builder()
                  .code(429)
                  .addHeader("Retry-After", "1")
                  .body("{\"error\":{\"message\":\"slow down\"}}")
                  .build());
      fake.then(r -> new MockResponse.Builder().code(500).body("oops").build());
      fake.then(r -> new MockResponse.Builder().code(503).body("busy").build());
      fake.then(
          r ->
              new MockResponse.Builder()
                  .code(200)
                  .headersDelay(3, TimeUnit.SECONDS)
                  .body("{}")
                  .build());
      fake.then(r -> new MockResponse.Builder().code(200).body("{\"choices\": [ {\"mess").build());
      fake.then(
          r -> new MockResponse.Builder().code(200).body("{\"id\":\"x\",\"choices\":[]}").build());
      long t0 = System.nanoTime();
      Cli.Run run = ask(dir, "--model", "local", "--no-cache", "--timeout", "1", "--retries", "8");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.err()).contains("6 retries");
      assertThat(ms).as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(1000);
      assertThat(fake.requests.get()).isEqualTo(fake.answersCount() + 6);
    }
  }

  @Test
  void refusalIsUnansweredTruncationIsKeptAndAPersistentFailureNeedsReview() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "    concurrency: 1\n");
      // the first problem's parts are asked first, in order: 1.a refused, 1.b truncated
      fake.then(
          r ->
              new MockResponse.Builder()
                  .code(200)
                  .body(
                      "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                          + "\"content\":null,\"refusal\":\"I can't help with homework.\"},"
                          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,"
                          + "\"completion_tokens\":3,\"total_tokens\":12}}")
                  .build());
      fake.then(r -> FakeProvider.ok("/v1/chat/completions", "Let me compute the accel", "length"));
      for (int i = 0; i < 3; i++) {
        fake.then(r -> new MockResponse.Builder().code(500).body("down").build());
      }
      Cli.Run run = ask(dir, "--model", "local", "--no-cache", "--retries", "2");
      assertThat(run.code()).as("a failed part makes the run fail").isEqualTo(1);
      assertThat(run.err()).contains("1 refused, 1 failed").doesNotContain("Exception");
      String yaml = Files.readString(dir.resolve("responses/local.yaml"));
      assertThat(yaml).contains("status: \"refused\"").contains("I can't help with homework.");
      assertThat(yaml).contains("finish: \"length\"").contains("status: \"failed\"");

      Cli.Run grade = Cli.run("grade", dir.toString(), "--quiet");
      assertThat(grade.code()).as(grade.err()).isZero();
      JsonNode res = results(dir, "local");
      assertThat(part(res, "1.a").path("verdict").asText()).isEqualTo("unanswered");
      assertThat(part(res, "1.a").path("explanation").asText())
          .contains("I can't help with homework.");
      // cut off by the output-token limit before any answer: never credited
      assertThat(part(res, "1.b").path("verdict").asText()).isNotEqualTo("correct");
      JsonNode failed = part(res, fake.partAt(2));
      assertThat(failed.path("verdict").asText()).isEqualTo("needs_review");
      assertThat(failed.path("explanation").asText()).contains("HTTP 500");

      // the next run asks again only the failed part 1.c and the part after it in its
      // conversation, 1.d, whose history now holds 1.c's answer
      int before = fake.requests.get();
      Cli.Run again = ask(dir, "--model", "local", "--no-cache");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(fake.requests.get()).isEqualTo(before + 2);
      assertThat(again.err()).contains(fake.answersCount() - 2 + " from an earlier run");
    }
  }

  @Test
  void aBadKeyStopsTheRunWithTheProvidersMessage() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "    concurrency: 1\n");
      for (int i = 0; i < 50; i++) {
        fake.then(
            r ->
                new MockResponse.Builder()
                    .code(401)
                    .body("{\"error\":{\"message\":\"Incorrect API key provided: sk-***\"}}")
                    .build());
      }
      Cli.Run run = ask(dir, "--model", "local", "--no-cache");
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err())
          .contains("HTTP 401: Incorrect API key provided")
          .doesNotContain("at dev.");
      assertThat(fake.requests.get()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aMissingKeyNamesItsVariableBeforeAnyRequest() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "");
      Cli.Run run = ask(dir, "--model", "local", "--model", "needs-key");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("HWGRADE_TEST_UNSET_VARIABLE");
      assertThat(fake.requests.get()).isZero();
    }
  }

  @Test
  void dryRunPrintsThePromptsAndAsksNothing() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "");
      Cli.Run run = ask(dir, "--model", "local", "--dry-run", "--samples", "2");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("Final answer:").contains("Part 1(a):");
      assertThat(run.out())
          .contains("local (openai-compatible:fake-7b): " + 2 * fake.answersCount() + " requests");
      assertThat(fake.requests.get()).isZero();
    }
  }

  @Test
  void samplesAreKeptAndGradedEachWithAShareCorrectAndAnInterval() throws IOException {
    Path dir = assignment("physics-linalg");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "    temperature: 0.7\n");
      fake.answerOnAsk("1(a)", 3, "7 m/s^2"); // one sample of three is wrong
      Cli.Run run = ask(dir, "--model", "local", "--samples", "3", "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(fake.requests.get()).isEqualTo(3 * fake.answersCount());
      String yaml = Files.readString(dir.resolve("responses/local.yaml"));
      assertThat(yaml).contains("samples:").contains("7 m/s^2").contains("temperature: 0.7");

      Cli.Run grade = Cli.run("grade", dir.toString());
      assertThat(grade.code()).as(grade.err()).isZero();
      assertThat(grade.out())
          .contains("local: 3 samples per part; mean score")
          .contains("95% interval");
      String md = Files.readString(dir.resolve("reports/samples.md"));
      assertThat(md).contains("| 1(a) | 3 | 2 | 67% | correct |");
      // and in the model's own reports: 1(a) correct in two samples of three
      String report = Files.readString(dir.resolve("reports/local/report.md"));
      assertThat(report)
          .contains("## Samples")
          .contains("Each part was asked up to 3 times")
          .contains("| 1(a) | 3 | 2 | 66.7% | ✓ correct |")
          .contains("| 1(b) | 3 | 3 | 100% | ✓ correct |");
      JsonNode samples = results(dir, "local").path("samples");
      assertThat(samples.path("samplesPerPart").asInt()).isEqualTo(3);
      JsonNode first = samples.path("parts").path(0);
      assertThat(first.path("id").asText()).isEqualTo("1.a");
      assertThat(first.path("samples").asInt()).isEqualTo(3);
      assertThat(first.path("correct").asInt()).isEqualTo(2);
      assertThat(first.path("shareCorrect").asDouble()).isEqualTo(0.6667);
      assertThat(first.path("majority").asText()).isEqualTo("correct");
      double mean = samples.path("mean").asDouble();
      assertThat(mean).isLessThan(1.0);
      assertThat(samples.path("low").asDouble()).isLessThanOrEqualTo(mean);
      assertThat(samples.path("high").asDouble()).isGreaterThanOrEqualTo(mean);
      assertThat(Files.readString(dir.resolve("reports/local/report.html")))
          .contains("<section id=\"samples\">")
          .contains("66.7%");
      JsonNode all = FakeProvider.JSON.readTree(dir.resolve("reports/results.json").toFile());
      assertThat(all.path("models").path(0).path("samples").path("mean").asDouble())
          .isEqualTo(mean);
    }
  }

  @Test
  void reportsGiveTheUsageAndTheCostAtTheModelsPrices() throws IOException {
    Path dir = assignment("physics-linalg");
    Files.copy(
        Path.of("../examples/physics-linalg/responses/model-a.yaml"),
        dir.resolve("responses/model-a.yaml"));
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "    concurrency: 1\n");
      fake.latencyMs = 5;
      fake.then(r -> new MockResponse.Builder().code(500).body("down").build());
      Cli.Run run = ask(dir, "--model", "local", "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      Cli.Run grade = Cli.run("grade", dir.toString(), "--quiet");
      assertThat(grade.code()).as(grade.err()).isZero();

      // every reply of the fake carries 100 input and 20 output tokens; the prices are $1 and
      // $2 per million: 140 micro-dollars a reply
      int n = fake.answersCount();
      String cost = String.format(java.util.Locale.ROOT, "$%.4f", 140.0 * n / 1e6);
      String md = Files.readString(dir.resolve("reports/local/report.md"));
      assertThat(md)
          .contains("## Usage and cost")
          .contains("| Replies | " + n + " |")
          .contains("| Input tokens | " + String.format(java.util.Locale.ROOT, "%,d", 100 * n))
          .contains("| Output tokens | " + 20 * n + " |")
          .contains("| Cost | " + cost + " |")
          .contains("| Retries | 1 |")
          .contains("| Failed after retries | 0 |")
          .contains("Cost at $1.00 per million input tokens and $2.00 per million output tokens.");
      JsonNode usage = results(dir, "local").path("usage");
      assertThat(usage.path("replies").asInt()).isEqualTo(n);
      assertThat(usage.path("inputTokens").asLong()).isEqualTo(100L * n);
      assertThat(usage.path("outputTokens").asLong()).isEqualTo(20L * n);
      assertThat(usage.path("costUsd").asDouble())
          .isCloseTo(140.0 * n / 1e6, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(usage.path("pricePerMillionTokens").path("output").asDouble()).isEqualTo(2.0);
      assertThat(usage.path("retries").asInt()).isEqualTo(1);
      assertThat(usage.path("latencyMsMean").asDouble()).isGreaterThanOrEqualTo(5);
      assertThat(usage.path("latencyMsP95").asLong()).isGreaterThanOrEqualTo(5);
      String html = Files.readString(dir.resolve("reports/local/report.html"));
      assertThat(html).contains("<section id=\"usage\">").contains(cost);
      JsonNode all = FakeProvider.JSON.readTree(dir.resolve("reports/results.json").toFile());
      JsonNode local = all.path("models").path(0);
      assertThat(local.path("modelId").asText()).isEqualTo("local");
      assertThat(local.path("usage").path("replies").asInt()).isEqualTo(n);

      // a response written by hand records no usage: its reports have no such section
      assertThat(Files.readString(dir.resolve("reports/model-a/report.md")))
          .doesNotContain("Usage and cost");
      assertThat(results(dir, "model-a").has("usage")).isFalse();
      assertThat(all.path("models").path(1).path("modelId").asText()).isEqualTo("model-a");
      assertThat(all.path("models").path(1).has("usage")).isFalse();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
