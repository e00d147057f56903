package dev.hwgrade.llm;

/** Told as a run advances, from any of its threads. */
public interface AskProgress {
  /**
   * @param done parts finished (answered, refused or failed; across samples)
   * @param total parts to finish
   * @param usage tokens so far
   * @param cost dollars spent so far, or null when the prices are unknown
   * @param retries retries so far
   */
  void update(int done, int total, Usage usage, Double cost, int retries);

  AskProgress NONE = (done, total, usage, cost, retries) -> {};
}
