package dev.hwgrade.grade;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;

/**
 * Grades one answer against one part's key. Implementations are thread-safe, keep start-up light
 * (load heavy models on first use) and return {@code needs_review} rather than guess.
 */
public interface Grader {
  /** The grader's name, as written into results. */
  String name();

  /**
   * Grades an answer that has text (the engine handles empty and "I don't know" answers).
   *
   * @return a grade with a score in [0, 1] and a non-empty explanation
   */
  Grade grade(Part part, Answer answer);

  /**
   * Problems that keep this grader from using a part's key (a number it cannot read, an expression
   * it cannot parse), each a sentence for {@code hwgrade validate}; empty when none.
   */
  default java.util.List<String> checkKey(Part part) {
    return java.util.List.of();
  }
}
