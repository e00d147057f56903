package dev.hwgrade.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The vendors hwgrade can ask, by the wire format they speak. */
public enum Provider {
  /** OpenAI's chat completions API. */
  OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
  /** Any server speaking OpenAI's chat completions (vLLM, Ollama's /v1, LM Studio, OpenRouter…). */
  OPENAI_COMPATIBLE("openai-compatible", null, null),
  /** Anthropic's messages API. */
  ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
  /** Google's Gemini generateContent API. */
  GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY");

  private final String id;
  private final String defaultBaseUrl;
  private final String defaultKeyVariable;

  Provider(String id, String defaultBaseUrl, String defaultKeyVariable) {
    this.id = id;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultKeyVariable = defaultKeyVariable;
  }

  /** The name written in a model spec ({@code openai:gpt-4o}) and in models.yaml. */
  public String id() {
    return id;
  }

  /** The vendor's endpoint; null for an OpenAI-compatible server, which must name its own. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The environment variable read for the key unless models.yaml names another; may be null. */
  public String defaultKeyVariable() {
    return defaultKeyVariable;
  }

  /** Whether the reply is read as OpenAI's chat completions. */
  boolean speaksOpenAi() {
    return this == OPENAI || this == OPENAI_COMPATIBLE;
  }

  public static Optional<Provider> parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("google")) {
      return Optional.of(GEMINI);
    }
    return Arrays.stream(values()).filter(p -> p.id.equals(n)).findFirst();
  }

  public static String known() {
    return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
  }
}
