package dev.hwgrade.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor-free layer: model specs, templates, retries and the cache key. */
class ProviderLayerTest {
  @TempDir Path tmp;

  @Test
  void aSpecIsProviderColonModelOrAnIdOfModelsYaml() throws Exception {
    Path f = tmp.resolve("models.yaml");
    Files.writeString(
        f,
        "models:\n  local:\n    provider: openai-compatible\n    model: m\n"
            + "    base_url: http://127.0.0.1:9/v1\n    price_input: 1\n    price_output: 2\n");
    ModelCatalog c = ModelCatalog.read(List.of(f, tmp.resolve("absent.yaml")));
    ModelSpec local = c.resolve("local");
    assertThat(local.apiKeyVariable()).isNull();
    assertThat(local.cost(new Usage(1_000_000, 500_000))).isEqualTo(2.0);
    ModelSpec o = c.resolve("openai:gpt-4o-mini");
    assertThat(o.id()).isEqualTo("openai-gpt-4o-mini");
    assertThat(o.apiKeyVariable()).isEqualTo("OPENAI_API_KEY");
    assertThat(c.resolve("anthropic:claude-x").apiKeyVariable()).isEqualTo("ANTHROPIC_API_KEY");
    assertThatThrownBy(() -> c.resolve("mistral:large"))
        .hasMessageContaining("unknown provider 'mistral'")
        .hasMessageContaining("openai, openai-compatible, anthropic, gemini");
    assertThatThrownBy(() -> c.resolve("nothing")).hasMessageContaining("(local)");
  }

  @Test
  void aKeyWrittenInModelsYamlIsRefused() throws IOException {
    Path f = tmp.resolve("models.yaml");
    Files.writeString(f, "models:\n  m:\n    provider: openai\n    model: x\n    api_key: sk-1\n");
    assertThatThrownBy(() -> ModelCatalog.read(List.of(f)))
        .hasMessageContaining("environment only")
        .hasMessageNotContaining("sk-1");
    Files.writeString(f, "models:\n  m:\n    provider: openai-compatible\n    model: x\n");
    assertThatThrownBy(() -> ModelCatalog.read(List.of(f))).hasMessageContaining("base_url");
  }

  @Test
  void templatesReplaceKnownVariablesAndRefuseUnknownOnes() {
    PromptTemplate t =
        PromptTemplate.of("Q {{ part_label }}: {{question}}", Prompts.PART_VARIABLES);
    assertThat(t.render(Map.of("part_label", "1(a)", "question", "$x$ costs \\$5")))
        .isEqualTo("Q 1(a): $x$ costs \\$5");
    assertThatThrownBy(() -> PromptTemplate.of("{{questoin}}", Prompts.PART_VARIABLES))
        .hasMessageContaining("{{questoin}}")
        .hasMessageContaining("question");
  }

  @Test
  void retryAfterIsReadAsSecondsOrADate() {
    assertThat(LangchainProvider.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(LangchainProvider.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
    assertThat(LangchainProvider.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO);
    assertThat(LangchainProvider.retryAfter("soon")).isNull();
    assertThat(LangchainProvider.providerMessage("{\"error\":{\"message\":\"no such model\"}}"))
        .isEqualTo("no such model");
  }

  @Test
  void retriesBackOffHonourRetryAfterAndGiveUp() throws Exception {
    ModelSpec spec = ModelSpec.of(Provider.OPENAI, "m");
    AtomicInteger calls = new AtomicInteger();
    List<Duration> waits = new ArrayList<>();
    ChatProvider flaky =
        new ChatProvider() {
          @Override
          public ModelSpec spec() {
            return spec;
          }

          @Override
          public ModelReply send(ModelRequest r) throws ProviderException {
            int n = calls.incrementAndGet();
            if (n == 1) {
              throw new ProviderException("HTTP 429", 429, true, Duration.ofSeconds(30));
            }
            if (n < 4) {
              throw new ProviderException("HTTP 503", 503, true, null);
            }
            return new ModelReply("ok", Usage.NONE, 1, "stop", null, "{}", 1, false);
          }
        };
    RetryingProvider.Policy policy =
        new RetryingProvider.Policy(5, Duration.ofMillis(100), Duration.ofSeconds(10));
    ModelRequest req = new ModelRequest(List.of(Turn.user("q")), 0);
    ModelReply r = new RetryingProvider(flaky, policy, waits::add, (e, a, w) -> {}).send(req);
    assertThat(r.attempts()).isEqualTo(4);
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(200));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(400));

    calls.set(1);
    RetryingProvider.Policy two =
        new RetryingProvider.Policy(2, Duration.ofMillis(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> new RetryingProvider(flaky, two, d -> {}, (e, a, w) -> {}).send(req))
        .hasMessageContaining("HTTP 503 (after 2 attempts)");

    ChatProvider badKey =
        new ChatProvider() {
          @Override
          public ModelSpec spec() {
            return spec;
          }

          @Override
          public ModelReply send(ModelRequest r) throws ProviderException {
            calls.incrementAndGet();
            throw new ProviderException("HTTP 401: bad key", 401, false, null);
          }
        };
    calls.set(0);
    assertThatThrownBy(
            () -> new RetryingProvider(badKey, policy, d -> {}, (e, a, w) -> {}).send(req))
        .hasMessage("HTTP 401: bad key");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void theCacheKeyChangesWithParametersMessagesAndSampleButNotTheKey() {
    ModelSpec a = ModelSpec.of(Provider.OPENAI, "m");
    ModelSpec b =
        new ModelSpec(
            a.id(),
            a.provider(),
            a.model(),
            null,
            "OTHER_VAR",
            null,
            null,
            null,
            null,
            null,
            null,
            9,
            null);
    ModelRequest r0 = new ModelRequest(List.of(Turn.user("q")), 0);
    assertThat(ReplyCache.key(a, r0)).isEqualTo(ReplyCache.key(b, r0));
    assertThat(ReplyCache.key(a, r0))
        .isNotEqualTo(ReplyCache.key(a, new ModelRequest(List.of(Turn.user("q")), 1)));
    assertThat(ReplyCache.key(a, r0))
        .isNotEqualTo(ReplyCache.key(a, new ModelRequest(List.of(Turn.user("q2")), 0)));
    ModelSpec hot =
        new ModelSpec(
            a.id(),
            a.provider(),
            a.model(),
            null,
            null,
            0.7,
            null,
            null,
            null,
            null,
            null,
            0,
            null);
    assertThat(ReplyCache.key(a, r0)).isNotEqualTo(ReplyCache.key(hot, r0));
  }
}
