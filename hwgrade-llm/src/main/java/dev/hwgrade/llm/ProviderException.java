package dev.hwgrade.llm;

import java.time.Duration;

/**
 * A request that did not get a reply. {@link #retryable()} failures (429, 5xx, timeouts, reset
 * connections, unreadable replies) are tried again; the others (401/403 bad key, 404 unknown model,
 * 400) stop the run, since every later request would fail alike.
 */
public final class ProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean retryable;
  private final Duration retryAfter;

  /**
   * @param message what went wrong, with the provider's own message when it gave one
   * @param status the HTTP status, or 0 when there was no response
   * @param retryable whether trying again may succeed
   * @param retryAfter how long the provider asked to wait (Retry-After), or null
   */
  public ProviderException(String message, int status, boolean retryable, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait the provider asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
