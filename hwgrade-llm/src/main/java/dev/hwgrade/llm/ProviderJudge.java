package dev.hwgrade.llm;

import dev.hwgrade.grade.judge.JudgeModel;
import dev.hwgrade.grade.judge.JudgeReply;
import dev.hwgrade.grade.judge.JudgeRequest;
import dev.hwgrade.grade.judge.JudgeUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model of the provider layer as the core's judge ({@link JudgeModel}): the judge's system and
 * user messages are sent as one request through a {@link ChatProvider} (wrap it in a {@link
 * RetryingProvider} for retries), and the reply's text, tokens, latency and cost come back for the
 * audit trail. The reply schema travels in the system message; the model's parameters (temperature,
 * output tokens) are those of its {@link ModelSpec}. A refusal, or a request that still fails,
 * makes the judge unavailable for the part, which the core grades needs_review.
 *
 * <p>With a {@link ReplyCache}, replies are kept by content like {@code ask}'s (provider, model,
 * parameters, messages and the vote as the sample index): the same prompt asked again is answered
 * from disk, free and the same. The prompt's nonce is drawn from the run's seed, so a second run
 * with the same seed sends the same messages.
 */
public final class ProviderJudge implements JudgeModel {
  private final ChatProvider provider;
  private final ReplyCache cache;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger hits = new AtomicInteger();

  /** A judge without a cache. */
  public ProviderJudge(ChatProvider provider) {
    this(provider, null);
  }

  /**
   * A judge whose replies are kept in {@code cache}.
   *
   * @param cache the reply cache; null for none
   */
  public ProviderJudge(ChatProvider provider, ReplyCache cache) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.cache = cache;
  }

  @Override
  public String id() {
    return provider.spec().id();
  }

  @Override
  public java.util.Map<String, Object> parameters() {
    return provider.spec().parameters();
  }

  /** Requests sent to the provider so far. */
  public int requests() {
    return sent.get();
  }

  /** Replies taken from the cache so far. */
  public int cacheHits() {
    return hits.get();
  }

  @Override
  public JudgeReply ask(JudgeRequest request) throws JudgeUnavailableException {
    return ask(request, 0);
  }

  @Override
  public JudgeReply ask(JudgeRequest request, int vote) throws JudgeUnavailableException {
    ModelRequest sentRequest =
        new ModelRequest(
            List.of(Turn.system(request.system()), Turn.user(request.user())), Math.max(0, vote));
    String key = cache == null ? null : ReplyCache.key(provider.spec(), sentRequest);
    if (cache != null) {
      ModelReply hit = cache.get(key).orElse(null);
      if (hit != null) {
        hits.incrementAndGet();
        return reply(hit, true);
      }
    }
    // Waiting for the model is not the part's computation: like loading a model, it is not
    // charged to the part's time limit (up to the engine's cap on loading).
    Object[] outcome =
        dev.hwgrade.grade.LoadTime.measure(
            "the judge " + id(),
            () -> {
              try {
                sent.incrementAndGet();
                return new Object[] {provider.send(sentRequest)};
              } catch (ProviderException e) {
                return new Object[] {e};
              }
            });
    if (outcome[0] instanceof ProviderException e) {
      throw new JudgeUnavailableException(
          "the judge " + id() + " could not be asked: " + e.getMessage(), e);
    }
    ModelReply reply = (ModelReply) outcome[0];
    if (cache != null) {
      try {
        cache.put(key, reply);
      } catch (IOException e) {
        // The cache saves money on the next run; failing to write it does not change this grade.
      }
    }
    return reply(reply, false);
  }

  private JudgeReply reply(ModelReply reply, boolean cached) throws JudgeUnavailableException {
    if (reply.refused()) {
      throw new JudgeUnavailableException("the judge " + id() + " declined: " + reply.refusal());
    }
    return new JudgeReply(
        reply.text(),
        reply.usage().inputTokens(),
        reply.usage().outputTokens(),
        Duration.ofMillis(reply.latencyMs()),
        provider.spec().cost(reply.usage()),
        cached);
  }
}
