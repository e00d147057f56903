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
 */
public record Answer(
    String partId,
    String reasoning,
    String finalAnswer,
    SourceLocation location,
    List<String> otherFinalAnswers) {
  public Answer {
    reasoning = reasoning == null ? "" : reasoning;
    location = location == null ? SourceLocation.UNKNOWN : location;
    otherFinalAnswers = otherFinalAnswers == null ? List.of() : List.copyOf(otherFinalAnswers);
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
    return new Answer(partId, reasoning, answer, location, List.of());
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
