package dev.hwgrade.llm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model to ask and how: everything that decides its replies and its cost. The API key itself is
 * never held here, only the name of the environment variable that holds it.
 *
 * @param id the model id: the response file is {@code responses/<id>.yaml}
 * @param provider the wire format
 * @param model the provider's model name
 * @param baseUrl the endpoint (the provider's by default)
 * @param apiKeyVariable the environment variable holding the key; null when the server needs none
 * @param temperature sampling temperature, or null for the provider's default
 * @param maxOutputTokens the output-token limit, or null for the provider's default
 * @param reasoningEffort {@code low}/{@code medium}/{@code high} where the provider has it, or null
 * @param seed the sampling seed where the provider has it, or null
 * @param inputPrice US dollars per million input tokens, or null when unknown
 * @param outputPrice US dollars per million output tokens, or null when unknown
 * @param concurrency how many requests may be in flight at once
 * @param timeout how long one request may take
 */
public record ModelSpec(
    String id,
    Provider provider,
    String model,
    String baseUrl,
    String apiKeyVariable,
    Double temperature,
    Integer maxOutputTokens,
    String reasoningEffort,
    Integer seed,
    Double inputPrice,
    Double outputPrice,
    int concurrency,
    Duration timeout) {
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : baseUrl.strip();
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          "model " + id + ": an openai-compatible model needs a base_url");
    }
    concurrency = concurrency <= 0 ? DEFAULT_CONCURRENCY : concurrency;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** A model named on the command line as {@code provider:model}, with the defaults. */
  /**
   * The API key, read from the environment variable this model names; null when it names none (a
   * local server). The key is never stored anywhere.
   *
   * @throws ModelConfigException when the variable is named but not set
   */
  public String apiKeyFromEnvironment() throws ModelConfigException {
    if (apiKeyVariable == null) {
      return null;
    }
    String key = System.getenv(apiKeyVariable);
    if (key == null || key.isBlank()) {
      throw new ModelConfigException(
          "the API key is read from the environment variable "
              + apiKeyVariable
              + ", which is not set");
    }
    return key;
  }

  public static ModelSpec of(Provider provider, String model) {
    return new ModelSpec(
        safeId(provider.id() + "-" + model),
        provider,
        model,
        null,
        provider.defaultKeyVariable(),
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null);
  }

  /** A model id usable as a file name: letters, digits, '.', '_' and '-'. */
  static String safeId(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return t.isEmpty() ? "model" : t;
  }

  /** The cost in US dollars of {@code usage}, or null when the prices are unknown. */
  public Double cost(Usage usage) {
    if (inputPrice == null || outputPrice == null) {
      return null;
    }
    return (usage.inputTokens() * inputPrice + usage.outputTokens() * outputPrice) / 1e6;
  }

  /**
   * What decides a reply besides the messages, for the cache key and the response file: never the
   * key, its variable, the concurrency or the timeout.
   */
  public Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", provider.id());
    m.put("model", model);
    m.put("base_url", baseUrl);
    if (temperature != null) {
      m.put("temperature", temperature);
    }
    if (maxOutputTokens != null) {
      m.put("max_output_tokens", maxOutputTokens);
    }
    if (reasoningEffort != null) {
      m.put("reasoning_effort", reasoningEffort);
    }
    if (seed != null) {
      m.put("seed", seed);
    }
    return m;
  }
}
