package dev.hwgrade.llm;

import java.nio.file.Path;

/**
 * What a run did, for its summary.
 *
 * @param responseFile the response file written
 * @param answered parts the model answered
 * @param refused parts it refused (graded unanswered)
 * @param failed parts that failed after their retries (graded needs_review)
 * @param missing parts not asked because the run stopped
 * @param requests requests sent to the provider by this run
 * @param cacheHits answers taken from the reply cache
 * @param resumed answers taken from an earlier, interrupted run
 * @param retries retries
 * @param usage tokens of this run's requests
 * @param cost dollars this run spent, or null when the prices are unknown
 * @param stopped why the run stopped early (a bad key, an unknown model, --max-cost), or null
 */
public record AskResult(
    Path responseFile,
    int answered,
    int refused,
    int failed,
    int missing,
    int requests,
    int cacheHits,
    int resumed,
    int retries,
    Usage usage,
    Double cost,
    String stopped) {
  /** Whether every part got an answer or a refusal. */
  public boolean complete() {
    return failed == 0 && missing == 0 && stopped == null;
  }
}
