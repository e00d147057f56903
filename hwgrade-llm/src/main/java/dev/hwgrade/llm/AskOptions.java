package dev.hwgrade.llm;

/**
 * How to ask.
 *
 * @param prompts the prompts, which also say per part or whole
 * @param samples how many times each part is asked (1 or more)
 * @param cache the reply cache, or null to bypass it ({@code --no-cache})
 * @param maxCost stop before the run's spending would exceed this many US dollars; null for no
 *     limit
 * @param retry how to retry
 */
public record AskOptions(
    Prompts prompts, int samples, ReplyCache cache, Double maxCost, RetryingProvider.Policy retry) {
  public AskOptions {
    samples = Math.max(1, samples);
  }
}
