package dev.hwgrade.grade;

import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;

/** Checks what a grader returned, turning a malformed grade into {@code needs_review}. */
final class GradeChecker {
  private GradeChecker() {}

  static Grade check(Grade g, String graderName) {
    if (g == null) {
      return Grade.needsReview("", "grader '" + graderName + "' returned no grade", graderName);
    }
    if (g.verdict() == null) {
      return Grade.needsReview(
          g.extracted(), "grader '" + graderName + "' returned no verdict", graderName);
    }
    if (Double.isNaN(g.score()) || g.score() < 0 || g.score() > 1) {
      return Grade.needsReview(
          g.extracted(),
          "grader '" + graderName + "' returned score " + g.score() + " outside [0, 1]",
          graderName);
    }
    if (g.explanation() == null || g.explanation().isBlank()) {
      return Grade.needsReview(
          g.extracted(),
          "grader '"
              + graderName
              + "' gave verdict "
              + g.verdict().id()
              + " without an explanation",
          graderName);
    }
    if (g.verdict() == Verdict.CORRECT && g.score() == 0) {
      return Grade.needsReview(
          g.extracted(), "grader '" + graderName + "' said correct with score 0", graderName);
    }
    double confidence = Double.isNaN(g.confidence()) ? 0 : Math.max(0, Math.min(1, g.confidence()));
    String grader = g.grader() == null || g.grader().isBlank() ? graderName : g.grader();
    return new Grade(
        g.verdict(),
        g.score(),
        confidence,
        g.extracted(),
        g.explanation(),
        g.evidence(),
        g.diagnosis(),
        grader);
  }
}
