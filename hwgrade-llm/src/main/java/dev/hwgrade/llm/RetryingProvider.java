package dev.hwgrade.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a provider's retryable failures (429, 5xx, timeouts, resets, unreadable replies) with
 * exponential backoff and full jitter, waiting at least what the provider's Retry-After asks; a
 * failure that is not retryable (a bad key, an unknown model) is thrown at once.
 */
public final class RetryingProvider implements ChatProvider {
  /** Waits; replaced in tests. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Told of every retry, for the progress line. */
  public interface Listener {
    void retrying(ProviderException cause, int attempt, Duration wait);
  }

  /** How often and how long to retry. */
  public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public static final Policy DEFAULT =
        new Policy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Policy {
      maxAttempts = Math.max(1, maxAttempts);
    }

    /** The backoff before attempt {@code attempt + 1}: random in [0, base·2^(attempt-1)]. */
    Duration backoff(int attempt) {
      long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
      return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
  }

  private final ChatProvider delegate;
  private final Policy policy;
  private final Sleeper sleeper;
  private final Listener listener;

  public RetryingProvider(
      ChatProvider delegate, Policy policy, Sleeper sleeper, Listener listener) {
    this.delegate = delegate;
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  public RetryingProvider(ChatProvider delegate, Policy policy, Listener listener) {
    this(delegate, policy, d -> Thread.sleep(d.toMillis()), listener);
  }

  @Override
  public ModelSpec spec() {
    return delegate.spec();
  }

  @Override
  public ModelReply send(ModelRequest request) throws ProviderException {
    for (int attempt = 1; ; attempt++) {
      try {
        return delegate.send(request).withAttempts(attempt);
      } catch (ProviderException e) {
        if (!e.retryable() || attempt >= policy.maxAttempts()) {
          if (e.retryable()) {
            throw new ProviderException(
                e.getMessage() + " (after " + attempt + " attempts)", e.status(), false, null);
          }
          throw e;
        }
        Duration wait = policy.backoff(attempt);
        if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
          wait =
              e.retryAfter().compareTo(policy.maxDelay().multipliedBy(5)) > 0
                  ? policy.maxDelay().multipliedBy(5)
                  : e.retryAfter();
        }
        listener.retrying(e, attempt, wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ProviderException("interrupted while waiting to retry", 0, false, null);
        }
      }
    }
  }
}
