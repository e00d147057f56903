package dev.hwgrade.model;

import java.util.List;

/**
 * A model's answer to one part.
 *
 * @param partId the part it answers
 * @param reasoning the model's working, possibly empty
 * @param finalAnswer the final answer the model gave, or the one extracted from its reasoning; null
 *     or blank means none was found
 * @param location where the answer starts in its file
 * @param otherFinalAnswers other, different final answers the response also states and does not
 *     withdraw (a second "Final answer:", a box on another line); empty when it commits to one
 * @param status whether the model answered; a response written by {@code hwgrade ask} records a
 *     refusal or a request that failed, with its reason
 * @param statusReason why the model did not answer (the refusal, the provider's error); null when
 *     it answered
 */
public record Answer(
    String partId,
    String reasoning,
    String finalAnswer,
    SourceLocation location,
    List<String> otherFinalAnswers,
    Status status,
    String statusReason) {
  /** Whether the model answered the part. */
  public enum Status {
    /** The model answered (every hand-written response). */
    ANSWERED,
    /** The model refused or its provider's content filter withheld the answer: unanswered. */
    REFUSED,
    /** The model could not be asked (the request failed after its retries): needs review. */
    FAILED
  }

  public Answer {
    reasoning = reasoning == null ? "" : reasoning;
    location = location == null ? SourceLocation.UNKNOWN : location;
    otherFinalAnswers = otherFinalAnswers == null ? List.of() : List.copyOf(otherFinalAnswers);
    status = status == null ? Status.ANSWERED : status;
  }

  /** An answer the model gave, with the other final answers it also states. */
  public Answer(
      String partId,
      String reasoning,
      String finalAnswer,
      SourceLocation location,
      List<String> otherFinalAnswers) {
    this(partId, reasoning, finalAnswer, location, otherFinalAnswers, Status.ANSWERED, null);
  }

  /** An answer that states one final answer (or none). */
  public Answer(String partId, String reasoning, String finalAnswer, SourceLocation location) {
    this(partId, reasoning, finalAnswer, location, List.of());
  }

  public static Answer of(String partId, String finalAnswer) {
    return new Answer(partId, "", finalAnswer, SourceLocation.UNKNOWN);
  }

  /** The same answer with another final answer (and no others). */
  public Answer withFinalAnswer(String answer) {
    return new Answer(partId, reasoning, answer, location, List.of(), status, statusReason);
  }

  /** The same answer marked as not given by the model, for {@code reason}. */
  public Answer withStatus(Status newStatus, String reason) {
    return new Answer(
        partId, reasoning, finalAnswer, location, otherFinalAnswers, newStatus, reason);
  }

  /** The final answer if there is one, otherwise the reasoning. */
  public String text() {
    return hasFinalAnswer() ? finalAnswer : reasoning;
  }

  public boolean hasFinalAnswer() {
    return finalAnswer != null && !finalAnswer.isBlank();
  }

  /** The final answer and the reasoning together, for graders that read everything. */
  public String fullText() {
    if (!hasFinalAnswer()) {
      return reasoning;
    }
    if (reasoning.isBlank() || reasoning.contains(finalAnswer)) {
      return reasoning.isBlank() ? finalAnswer : reasoning;
    }
    return reasoning + "\n\n" + finalAnswer;
  }
}
