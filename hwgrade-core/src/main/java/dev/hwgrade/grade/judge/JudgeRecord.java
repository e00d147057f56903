package dev.hwgrade.grade.judge;

import java.util.List;

/**
 * What the judge did for one part, for the audit trail: the exact requests, the raw replies and how
 * each was read, the judges and their parameters, the prompt's template hash, tokens, latency and
 * cost, and the grade given. Serialised as JSON next to the report; it holds no credential (a
 * {@link JudgeModel} gives only its id).
 *
 * @param schemaVersion the version of this record's layout
 * @param partId the part judged
 * @param answerSha256 SHA-256 of the answer's full text, to match the record to its answer
 * @param templateHash {@link JudgePrompt#TEMPLATE_HASH} when the prompt was built
 * @param nonce the nonce of the answer block
 * @param judges the ids of the judge models asked
 * @param parameters each judge's parameters ({@link JudgeModel#parameters()}), by id
 * @param votesPerJudge how many replies each judge was asked for
 * @param injectionFlags what the {@link InjectionScreen} found in the answer
 * @param calls every call made, retries included, in order
 * @param inputTokens the calls' input tokens, summed
 * @param outputTokens the calls' output tokens, summed
 * @param costUsd the calls' cost in US dollars, summed over the calls whose cost is known; null
 *     when none is
 * @param verdict the verdict given, {@code needs_review} included
 * @param score the score given
 * @param explanation the grade's explanation
 */
public record JudgeRecord(
    int schemaVersion,
    String partId,
    String answerSha256,
    String templateHash,
    String nonce,
    List<String> judges,
    java.util.Map<String, java.util.Map<String, Object>> parameters,
    int votesPerJudge,
    List<String> injectionFlags,
    List<Call> calls,
    long inputTokens,
    long outputTokens,
    Double costUsd,
    String verdict,
    double score,
    String explanation) {
  /** The layout version written into every record. */
  public static final int SCHEMA_VERSION = 1;

  public JudgeRecord {
    judges = List.copyOf(judges);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    injectionFlags = List.copyOf(injectionFlags);
    calls = List.copyOf(calls);
  }

  /**
   * One call to a judge model.
   *
   * @param judge the model's id
   * @param vote which of its votes (from 1)
   * @param attempt 1, or 2 for the retry after an unreadable reply
   * @param request the request exactly as sent (messages, schema, temperature, output limit)
   * @param reply the raw reply; null when the model could not be reached
   * @param inputTokens input tokens as the provider counted them
   * @param outputTokens output tokens
   * @param latencyMillis how long the call took
   * @param costUsd its cost; null when unknown
   * @param cached whether the reply came from the reply cache (its tokens and cost are those of the
   *     earlier run that asked)
   * @param problem why the reply could not be read, or why the model could not be reached; null
   *     when it was read
   * @param decisions the point decisions read from the reply, before quotes were checked
   */
  public record Call(
      String judge,
      int vote,
      int attempt,
      JudgeRequest request,
      String reply,
      long inputTokens,
      long outputTokens,
      long latencyMillis,
      Double costUsd,
      boolean cached,
      String problem,
      List<PointDecision> decisions) {
    public Call {
      decisions = List.copyOf(decisions == null ? List.of() : decisions);
    }
  }
}
