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
 */
public record JudgeReply(
    String text, long inputTokens, long outputTokens, Duration latency, Double costUsd) {
  public JudgeReply {
    Objects.requireNonNull(text, "text");
    latency = latency == null ? Duration.ZERO : latency;
  }

  /** A reply of this text with no usage known. */
  public static JudgeReply of(String text) {
    return new JudgeReply(text, 0, 0, Duration.ZERO, null);
  }
}
