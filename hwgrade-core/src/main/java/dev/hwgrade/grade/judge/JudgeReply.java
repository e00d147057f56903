package dev.hwgrade.grade.judge;

import java.time.Duration;
import java.util.Objects;

/**
 * A judge model's raw reply.
 *
 * @param text the reply exactly as received
 * @param inputTokens the prompt's tokens as the provider counted them; 0 when unknown
 * @param outputTokens the reply's tokens; 0 when unknown
 * @param latency the time the call took
 * @param costUsd the call's cost in US dollars; null when unknown
 * @param cached whether the reply came from a reply cache (asked and paid for by an earlier run)
 */
public record JudgeReply(
    String text,
    long inputTokens,
    long outputTokens,
    Duration latency,
    Double costUsd,
    boolean cached) {
  public JudgeReply {
    Objects.requireNonNull(text, "text");
    latency = latency == null ? Duration.ZERO : latency;
  }

  /** A reply received from the model now, not from a cache. */
  public JudgeReply(
      String text, long inputTokens, long outputTokens, Duration latency, Double costUsd) {
    this(text, inputTokens, outputTokens, latency, costUsd, false);
  }

  /** A reply of this text with no usage known. */
  public static JudgeReply of(String text) {
    return new JudgeReply(text, 0, 0, Duration.ZERO, null);
  }
}
