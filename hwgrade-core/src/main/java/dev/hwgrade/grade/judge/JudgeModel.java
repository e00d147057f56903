package dev.hwgrade.grade.judge;

/**
 * One language model used as a judge. Implementations are thread-safe; they send one request and
 * return the raw reply, leaving its reading to the judge. They hold their own credentials and never
 * put them in a request, a reply or their id.
 */
public interface JudgeModel {
  /** The model's name for the audit trail and the report, {@code openai:gpt-4o-mini}. */
  String id();

  /**
   * What decides the model's replies besides the messages (provider, model, base URL, temperature,
   * output limit…), for the audit trail; never a credential. Empty by default.
   */
  default java.util.Map<String, Object> parameters() {
    return java.util.Map.of();
  }

  /**
   * Sends one request.
   *
   * @return the reply's raw text with its usage
   * @throws JudgeUnavailableException when no reply could be had (network, quota, refusal)
   */
  JudgeReply ask(JudgeRequest request) throws JudgeUnavailableException;

  /**
   * Sends one request as the given vote of several on the same prompt. The vote tells replies to
   * the same prompt apart (a reply cache keeps one per vote); by default it is ignored.
   *
   * @param vote which vote this is, from 0
   */
  default JudgeReply ask(JudgeRequest request, int vote) throws JudgeUnavailableException {
    return ask(request);
  }
}
