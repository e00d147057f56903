package dev.hwgrade.llm;

import dev.hwgrade.grade.judge.JudgeModel;
import dev.hwgrade.grade.judge.JudgeReply;
import dev.hwgrade.grade.judge.JudgeRequest;
import dev.hwgrade.grade.judge.JudgeUnavailableException;
import java.time.Duration;
import java.util.List;

/**
 * A model of the provider layer as the core's judge ({@link JudgeModel}): the judge's system and
 * user messages are sent as one request through a {@link ChatProvider} (wrap it in a {@link
 * RetryingProvider} for retries), and the reply's text, tokens, latency and cost come back for the
 * audit trail. The reply schema travels in the system message; the model's parameters (temperature,
 * output tokens) are those of its {@link ModelSpec}. A refusal, or a request that still fails,
 * makes the judge unavailable for the part, which the core grades needs_review.
 */
public final class ProviderJudge implements JudgeModel {
  private final ChatProvider provider;

  public ProviderJudge(ChatProvider provider) {
    this.provider = java.util.Objects.requireNonNull(provider, "provider");
  }

  @Override
  public String id() {
    return provider.spec().id();
  }

  @Override
  public JudgeReply ask(JudgeRequest request) throws JudgeUnavailableException {
    ModelRequest sent =
        new ModelRequest(List.of(Turn.system(request.system()), Turn.user(request.user())), 0);
    // Waiting for the model is not the part's computation: like loading a model, it is not
    // charged to the part's time limit (up to the engine's cap on loading).
    Object[] outcome =
        dev.hwgrade.grade.LoadTime.measure(
            "the judge " + id(),
            () -> {
              try {
                return new Object[] {provider.send(sent)};
              } catch (ProviderException e) {
                return new Object[] {e};
              }
            });
    ModelReply reply;
    try {
      if (outcome[0] instanceof ProviderException pe) {
        throw pe;
      }
      reply = (ModelReply) outcome[0];
    } catch (ProviderException e) {
      throw new JudgeUnavailableException(
          "the judge " + id() + " could not be asked: " + e.getMessage(), e);
    }
    if (reply.refused()) {
      throw new JudgeUnavailableException("the judge " + id() + " declined: " + reply.refusal());
    }
    return new JudgeReply(
        reply.text(),
        reply.usage().inputTokens(),
        reply.usage().outputTokens(),
        Duration.ofMillis(reply.latencyMs()),
        provider.spec().cost(reply.usage()));
  }
}
