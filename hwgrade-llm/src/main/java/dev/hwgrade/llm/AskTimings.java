package dev.hwgrade.llm;

import java.util.Locale;

/**
 * Where a run's time went, from timestamps taken on its worker threads: what hwgrade itself spends
 * per request is the time its threads were busy minus the time they waited in the HTTP client's
 * send (the provider's latency, the network and the client). Only requests that reach a provider
 * through hwgrade's HTTP transport have a send time; for any other provider all is counted as
 * hwgrade's.
 *
 * @param threads worker threads (the model's concurrency, or fewer for a small run)
 * @param wallNanos the run's wall time, from planning to the response file written
 * @param busyNanos the sum over worker threads of the time spent on their conversations
 * @param sendNanos the part of {@code busyNanos} spent in the HTTP client's send
 * @param journalNanos the part spent writing outcomes to the journal
 * @param cpuNanos the CPU time the worker threads used (their waits not counted): what hwgrade
 *     costs per request whatever else the machine runs; -1 when the JVM cannot tell
 * @param finishNanos the time at the end to force the journal's last files to the disk and write
 *     the response file
 * @param lastSyncNanos the part of {@code finishNanos} spent forcing the journal's last files
 * @param outcomes parts (or whole-assignment requests) finished: asked, cached or resumed
 */
public record AskTimings(
    int threads,
    long wallNanos,
    long busyNanos,
    long sendNanos,
    long journalNanos,
    long cpuNanos,
    long finishNanos,
    long lastSyncNanos,
    int outcomes) {
  /** hwgrade's own time per outcome in milliseconds: busy time outside the HTTP client's send. */
  public double ownMsPerOutcome() {
    return perOutcome(busyNanos - sendNanos);
  }

  /** Time in the HTTP client's send per outcome, in milliseconds. */
  public double sendMsPerOutcome() {
    return perOutcome(sendNanos);
  }

  /** Journal writes per outcome, in milliseconds (a part of {@link #ownMsPerOutcome()}). */
  public double journalMsPerOutcome() {
    return perOutcome(journalNanos);
  }

  /** The worker threads' CPU time per outcome in milliseconds; NaN when unknown. */
  public double cpuMsPerOutcome() {
    return cpuNanos < 0 ? Double.NaN : perOutcome(cpuNanos);
  }

  /**
   * Thread time not spent on any conversation before the run's finishing (threads started late,
   * idle at the end while others finish) per outcome, in milliseconds.
   */
  public double idleMsPerOutcome() {
    return perOutcome(Math.max(0, threads * (wallNanos - finishNanos) - busyNanos));
  }

  private double perOutcome(long nanos) {
    return outcomes == 0 ? 0 : nanos / 1e6 / outcomes;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d outcomes on %d threads in %.2f s: own %.2f ms (CPU %.2f ms), send %.2f ms, journal"
            + " %.2f ms, idle %.2f ms per outcome; finishing %.1f ms (the last sync %.1f ms)",
        outcomes,
        threads,
        wallNanos / 1e9,
        ownMsPerOutcome(),
        cpuMsPerOutcome(),
        sendMsPerOutcome(),
        journalMsPerOutcome(),
        idleMsPerOutcome(),
        finishNanos / 1e6,
        lastSyncNanos / 1e6);
  }
}
