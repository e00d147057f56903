package dev.hwgrade.model;

import java.util.Arrays;
import java.util.List;

/**
 * What asking a model took, as {@code hwgrade ask} recorded it in the response file: the totals of
 * the replies the file holds, each reply's latency and the retries and failures. Absent (null in
 * {@link Response#usage()}) for a response written by hand.
 *
 * @param provider the provider the model was asked through, or null when not recorded
 * @param replies replies held, from the provider or the reply cache
 * @param cached of these, replies taken from the reply cache
 * @param inputTokens input tokens of the replies held
 * @param outputTokens output tokens of the replies held
 * @param costUsd their cost in US dollars at the model's prices; null when the prices are unknown
 * @param inputPrice US dollars per million input tokens, or null when unknown
 * @param outputPrice US dollars per million output tokens, or null when unknown
 * @param latenciesMs the latency of each reply received from the provider (cached ones left out)
 * @param retries attempts beyond the first that the replies held took
 * @param failed answers (samples included) that failed after their retries
 * @param refused answers (samples included) the model or its filter refused
 */
public record AskUsage(
    String provider,
    int replies,
    int cached,
    long inputTokens,
    long outputTokens,
    Double costUsd,
    Double inputPrice,
    Double outputPrice,
    List<Long> latenciesMs,
    int retries,
    int failed,
    int refused) {
  public AskUsage {
    latenciesMs = List.copyOf(latenciesMs);
  }

  /** The mean latency in milliseconds; NaN when no latency was recorded. */
  public double meanLatencyMs() {
    return latenciesMs.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
  }

  /** The 95th percentile of the latencies (nearest rank); -1 when no latency was recorded. */
  public long p95LatencyMs() {
    if (latenciesMs.isEmpty()) {
      return -1;
    }
    long[] sorted = latenciesMs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
  }

  /** Whether the prices, and so the cost, are known. */
  public boolean priced() {
    return costUsd != null;
  }
}
