package dev.hwgrade.grade.expression;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;

/** Grades expression answers. */
public final class ExpressionGrader implements Grader {
  public ExpressionGrader(GradingOptions options) {}

  @Override
  public String name() {
    return "expression";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    return Grade.needsReview(answer.text(), "the expression grader is not available yet", name());
  }
}
