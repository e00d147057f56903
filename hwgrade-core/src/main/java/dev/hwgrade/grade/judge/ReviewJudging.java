package dev.hwgrade.grade.judge;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.Objects;

/**
 * A grader whose {@code needs_review} parts are passed on to the judge ({@link
 * JudgeGrader#gradeLeftForReview}); every other grade is its own. Thread-safe when both are.
 */
public final class ReviewJudging implements Grader {
  private final Grader first;
  private final JudgeGrader judge;

  public ReviewJudging(Grader first, JudgeGrader judge) {
    this.first = Objects.requireNonNull(first, "first");
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  @Override
  public String name() {
    return first.name();
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    Grade g = first.grade(part, answer);
    if (g.verdict() != Verdict.NEEDS_REVIEW || JudgeEvidence.judged(g)) {
      return g;
    }
    return judge.gradeLeftForReview(part, answer, g);
  }

  @Override
  public java.util.List<String> checkKey(Part part) {
    return first.checkKey(part);
  }
}
