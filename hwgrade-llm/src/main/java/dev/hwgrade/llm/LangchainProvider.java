package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ChatProvider} over langchain4j's chat models for OpenAI (and compatible servers),
 * Anthropic and Gemini. langchain4j's own retries are off: {@link RetryingProvider} retries alike
 * for every vendor. The finish reason and a refusal are read from the raw reply, where each vendor
 * writes them in its own way.
 */
public final class LangchainProvider implements ChatProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

  private final ModelSpec spec;
  private final ChatModel model;
  private final String apiKey;

  /**
   * @param apiKey the key read from the environment; null when the server needs none
   */
  public LangchainProvider(ModelSpec spec, String apiKey) {
    this.spec = spec;
    this.model = build(spec, apiKey);
    this.apiKey = apiKey == null || apiKey.length() < 4 ? null : apiKey;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  private static ChatModel build(ModelSpec s, String apiKey) {
    HttpTransport.Builder http = new HttpTransport.Builder(s.timeout());
    switch (s.provider()) {
      case OPENAI:
      case OPENAI_COMPATIBLE:
        {
          OpenAiChatModel.OpenAiChatModelBuilder b =
              OpenAiChatModel.builder()
                  .httpClientBuilder(http)
                  .baseUrl(s.baseUrl())
                  .apiKey(apiKey == null ? "none" : apiKey)
                  .modelName(s.model())
                  .temperature(s.temperature())
                  .seed(s.seed())
                  .reasoningEffort(s.reasoningEffort())
                  .timeout(s.timeout())
                  .maxRetries(0);
          if (s.maxOutputTokens() != null) {
            b.maxCompletionTokens(s.maxOutputTokens());
          }
          return b.build();
        }
      case ANTHROPIC:
        return AnthropicChatModel.builder()
            .httpClientBuilder(http)
            .baseUrl(s.baseUrl())
            .apiKey(apiKey == null ? "none" : apiKey)
            .modelName(s.model())
            .temperature(s.temperature())
            .maxTokens(
                s.maxOutputTokens() == null ? ANTHROPIC_DEFAULT_MAX_TOKENS : s.maxOutputTokens())
            .timeout(s.timeout())
            .maxRetries(0)
            .build();
      case GEMINI:
        return GoogleAiGeminiChatModel.builder()
            .httpClientBuilder(http)
            .baseUrl(s.baseUrl())
            .apiKey(apiKey == null ? "none" : apiKey)
            .modelName(s.model())
            .temperature(s.temperature())
            .seed(s.seed())
            .maxOutputTokens(s.maxOutputTokens())
            .timeout(s.timeout())
            .maxRetries(0)
            .build();
      default:
        throw new IllegalArgumentException("unknown provider " + s.provider());
    }
  }

  @Override
  public ModelReply send(ModelRequest request) throws ProviderException {
    try {
      ModelReply r = ask(request);
      if (apiKey != null && (r.raw().contains(apiKey) || r.text().contains(apiKey))) {
        return new ModelReply(
            redact(r.text()),
            r.usage(),
            r.latencyMs(),
            r.finishReason(),
            r.refusal() == null ? null : redact(r.refusal()),
            redact(r.raw()),
            r.attempts(),
            r.cached());
      }
      return r;
    } catch (ProviderException e) {
      if (apiKey != null && e.getMessage() != null && e.getMessage().contains(apiKey)) {
        throw new ProviderException(
            redact(e.getMessage()), e.status(), e.retryable(), e.retryAfter());
      }
      throw e;
    }
  }

  /** The text with the API key, should a provider echo it, replaced: a key is never written. */
  private String redact(String s) {
    return s == null ? null : s.replace(apiKey, "<api key>");
  }

  private ModelReply ask(ModelRequest request) throws ProviderException {
    List<ChatMessage> messages = new ArrayList<>();
    for (Turn t : request.turns()) {
      switch (t.role()) {
        case SYSTEM:
          messages.add(SystemMessage.from(t.text()));
          break;
        case USER:
          messages.add(UserMessage.from(t.text()));
          break;
        default:
          messages.add(AiMessage.from(t.text()));
      }
    }
    HttpTransport.reset();
    long t0 = System.nanoTime();
    ChatResponse r;
    try {
      r = model.chat(messages);
    } catch (RuntimeException e) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String body = HttpTransport.lastBody();
      ModelReply refusal = refusalIn(parse(body), body, ms);
      if (refusal != null && statusOf(e) == 0) {
        return refusal;
      }
      throw classify(e, HttpTransport.lastBody());
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String raw = HttpTransport.lastBody();
    HttpTransport.reset();
    JsonNode parsed = parse(raw); // read once for the refusal and the finish reason
    ModelReply refusal = refusalIn(parsed, raw, ms);
    Usage usage = usage(r.tokenUsage());
    if (refusal != null) {
      return new ModelReply(
          refusal.text(), usage, ms, refusal.finishReason(), refusal.refusal(), raw, 1, false);
    }
    String text = r.aiMessage() == null ? null : r.aiMessage().text();
    String finish = finishReason(parsed, r);
    if ((text == null || text.isBlank()) && !finish.equals("length")) {
      throw new ProviderException(
          "the reply holds no answer text (finish reason " + finish + ")", 200, true, null);
    }
    return new ModelReply(text, usage, ms, finish, null, raw, 1, false);
  }

  private static Usage usage(TokenUsage u) {
    if (u == null) {
      return Usage.NONE;
    }
    return new Usage(
        u.inputTokenCount() == null ? 0 : u.inputTokenCount(),
        u.outputTokenCount() == null ? 0 : u.outputTokenCount());
  }

  private String finishReason(JsonNode n, ChatResponse r) {
    String f = null;
    if (n != null) {
      if (spec.provider().speaksOpenAi()) {
        f = n.path("choices").path(0).path("finish_reason").asText(null);
      } else if (spec.provider() == Provider.ANTHROPIC) {
        f = n.path("stop_reason").asText(null);
      } else {
        f = n.path("candidates").path(0).path("finishReason").asText(null);
      }
    }
    if (f == null && r.finishReason() != null) {
      f = r.finishReason().name();
    }
    return normalise(f);
  }

  static String normalise(String f) {
    if (f == null) {
      return "other";
    }
    switch (f.toLowerCase(Locale.ROOT)) {
      case "stop":
      case "end_turn":
      case "stop_sequence":
        return "stop";
      case "length":
      case "max_tokens":
        return "length";
      case "content_filter":
      case "safety":
      case "recitation":
      case "prohibited_content":
      case "blocklist":
      case "spii":
        return "content_filter";
      case "refusal":
        return "refusal";
      default:
        return "other";
    }
  }

  /** A refusal or content filter as the vendor writes it in a successful reply, else null. */
  private ModelReply refusalIn(JsonNode n, String raw, long ms) {
    if (n == null) {
      return null;
    }
    if (spec.provider().speaksOpenAi()) {
      JsonNode choice = n.path("choices").path(0);
      String refusal = choice.path("message").path("refusal").asText(null);
      if (refusal != null && !refusal.isBlank()) {
        return refused(refusal, refusal, "refusal", raw, ms);
      }
      if ("content_filter".equals(choice.path("finish_reason").asText(null))) {
        return refused(
            choice.path("message").path("content").asText(""),
            "the provider's content filter withheld the reply",
            "content_filter",
            raw,
            ms);
      }
    } else if (spec.provider() == Provider.ANTHROPIC) {
      if ("refusal".equals(n.path("stop_reason").asText(null))) {
        String text = n.path("content").path(0).path("text").asText("");
        return refused(
            text,
            text.isBlank() ? "the model refused (stop_reason refusal)" : text,
            "refusal",
            raw,
            ms);
      }
    } else {
      String block = n.path("promptFeedback").path("blockReason").asText(null);
      if (block != null) {
        return refused("", "the prompt was blocked: " + block, "content_filter", raw, ms);
      }
      String finish = n.path("candidates").path(0).path("finishReason").asText(null);
      if (finish != null && normalise(finish).equals("content_filter")) {
        return refused("", "the reply was withheld: " + finish, "content_filter", raw, ms);
      }
    }
    return null;
  }

  private static ModelReply refused(
      String text, String reason, String finish, String raw, long ms) {
    return new ModelReply(text, Usage.NONE, ms, finish, reason, raw, 1, false);
  }

  private static JsonNode parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(raw);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static int statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTransport.StatusException s) {
        return s.statusCode();
      }
    }
    return 0;
  }

  /** What went wrong, as hwgrade reports it, and whether to try again. */
  static ProviderException classify(RuntimeException e, String raw) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTransport.StatusException s) {
        int status = s.statusCode();
        String message = "HTTP " + status + ": " + providerMessage(s.body());
        boolean retry = status == 408 || status == 409 || status == 429 || status >= 500;
        return new ProviderException(message, status, retry, retryAfter(s.retryAfter()));
      }
      if (t instanceof HttpTimeoutException) {
        return new ProviderException("the request timed out", 0, true, null);
      }
      if (t instanceof HttpTransport.TransportException) {
        Throwable c = t.getCause();
        String what = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        if (c instanceof HttpTimeoutException) {
          return new ProviderException("the request timed out", 0, true, null);
        }
        return new ProviderException("no reply: " + what, 0, true, null);
      }
    }
    JsonNode n = parse(raw);
    if (raw != null && n == null) {
      return new ProviderException(
          "the reply is not readable JSON: '" + shorten(raw) + "'", 200, true, null);
    }
    if (n != null
        && n.has("choices")
        && n.path("choices").isArray()
        && n.path("choices").isEmpty()) {
      return new ProviderException("the reply has no choices", 200, true, null);
    }
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ProviderException(
        "the reply could not be read: " + shorten(what), raw == null ? 0 : 200, true, null);
  }

  /** The provider's own error message from an error body, or the body shortened. */
  static String providerMessage(String body) {
    JsonNode n = parse(body);
    if (n != null) {
      JsonNode err = n.path("error");
      String m = err.isTextual() ? err.asText() : err.path("message").asText(null);
      if (m == null) {
        m = n.path("message").asText(null);
      }
      if (m != null && !m.isBlank()) {
        return m;
      }
    }
    return body == null || body.isBlank() ? "(no message)" : shorten(body);
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException ignored) {
        return null;
      }
    }
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 200 ? t.substring(0, 199) + "…" : t;
  }
}
