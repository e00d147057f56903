package dev.hwgrade.llm;

/**
 * A model that answers requests: one small interface for every vendor. An implementation sends one
 * request and reports what came back; retries, concurrency limits, the cache and cost are layered
 * on top ({@link RetryingProvider}, {@link ReplyCache}, {@link ModelSpec#cost}) and are the same
 * for every vendor. Implementations are safe to call from several threads.
 */
public interface ChatProvider {
  /** The model this provider asks. */
  ModelSpec spec();

  /**
   * Sends one request.
   *
   * @return the reply, a refusal included ({@link ModelReply#refused()})
   * @throws ProviderException when no usable reply came back
   */
  ModelReply send(ModelRequest request) throws ProviderException;
}
