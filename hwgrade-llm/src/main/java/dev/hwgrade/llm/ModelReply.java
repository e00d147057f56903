package dev.hwgrade.llm;

/**
 * A model's reply to one request.
 *
 * @param text what the model wrote (empty for a refusal with no text)
 * @param usage tokens in and out
 * @param latencyMs wall time of the successful attempt
 * @param finishReason why the model stopped, as hwgrade names it: {@code stop}, {@code length} (the
 *     output-token limit: the reply is truncated), {@code content_filter}, {@code refusal}, {@code
 *     other}
 * @param refusal why the model declined, when it did (its refusal text or the filter's reason);
 *     null when it answered
 * @param raw the provider's reply body as received
 * @param attempts how many attempts it took (1 without retries)
 * @param cached whether it came from the reply cache rather than the provider
 */
public record ModelReply(
    String text,
    Usage usage,
    long latencyMs,
    String finishReason,
    String refusal,
    String raw,
    int attempts,
    boolean cached) {
  public ModelReply {
    text = text == null ? "" : text;
    usage = usage == null ? Usage.NONE : usage;
    finishReason = finishReason == null ? "other" : finishReason;
    raw = raw == null ? "" : raw;
  }

  public boolean refused() {
    return refusal != null;
  }

  public boolean truncated() {
    return finishReason.equals("length");
  }

  ModelReply withAttempts(int n) {
    return new ModelReply(text, usage, latencyMs, finishReason, refusal, raw, n, cached);
  }

  ModelReply asCached() {
    return new ModelReply(text, usage, 0, finishReason, refusal, raw, 0, true);
  }
}
