/**
 * The LLM judge for free-text answers, without any network code: it builds the rubric prompt (the
 * question, the key and each key point, the answer in a delimited block marked as untrusted), reads
 * the judge's strict JSON reply (per key point: made, missed or contradicted, with a verbatim
 * quote), keeps only quotes found in the answer, gives the verdict by the offline text grader's
 * rule ({@link dev.hwgrade.grade.text.VerdictRule}), takes votes, cross-checks with the offline
 * grader, flags answers that talk to the grader, and keeps an audit record of every call.
 *
 * <p>The one plug-in point is {@link dev.hwgrade.grade.judge.JudgeModel}: one call, a request in
 * ({@link dev.hwgrade.grade.judge.JudgeRequest}: system and user messages, the reply's JSON schema,
 * temperature and output limit), the raw reply out ({@link dev.hwgrade.grade.judge.JudgeReply}:
 * text, tokens, latency, cost when known). A provider layer implements it for real models (with its
 * own retries on network errors, cache and cost accounting); tests implement it with scripted
 * replies. {@link dev.hwgrade.grade.judge.JudgeGrader} is the {@link dev.hwgrade.grade.Grader};
 * {@link dev.hwgrade.grade.judge.ReviewJudging} passes another grader's needs_review on to it, and
 * {@link dev.hwgrade.grade.judge.JudgeEvidence} names the evidence lines the reports read back.
 */
package dev.hwgrade.grade.judge;
