package dev.hwgrade.grade.bool;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;

/** Grades true/false answers. */
public final class BooleanGrader implements Grader {
  public BooleanGrader(GradingOptions options) {}

  @Override
  public String name() {
    return "boolean";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    return Grade.needsReview(answer.text(), "not yet", name());
  }
}
