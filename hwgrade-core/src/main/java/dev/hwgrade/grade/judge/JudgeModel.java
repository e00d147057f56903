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
   * Sends one request.
   *
   * @return the reply's raw text with its usage
   * @throws JudgeUnavailableException when no reply could be had (network, quota, refusal)
   */
  JudgeReply ask(JudgeRequest request) throws JudgeUnavailableException;
}
