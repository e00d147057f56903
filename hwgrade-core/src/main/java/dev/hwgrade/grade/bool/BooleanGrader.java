package dev.hwgrade.grade.bool;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.load.BooleanWords;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;

/**
 * Grades true/false answers: reads the model's verdict with {@link BooleanReader} and compares it
 * with the key's. An answer whose verdict cannot be read is {@code needs_review}.
 */
public final class BooleanGrader implements Grader {
  private final GradingOptions options;

  public BooleanGrader(GradingOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "boolean";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    Boolean key = BooleanWords.parse(part.key().answer());
    if (key == null) {
      return Grade.needsReview(
          answer.text(), "the key '" + part.key().answer() + "' is not true or false", name());
    }
    BooleanReader.Reading r = BooleanReader.read(answer.text());
    if (r == null && answer.hasFinalAnswer()) {
      r = BooleanReader.read(answer.reasoning());
    }
    if (r == null) {
      String why = "no true/false verdict found in the answer";
      return Grade.unreadable(answer.text(), why, options.decide(), name());
    }
    if (r.ambiguous()) {
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.9,
          r.word(),
          "The answer says both true and false ("
              + r.evidence()
              + ") — an answer must commit to one.",
          List.of("read both TRUE and FALSE from: " + r.evidence()),
          "The model hedged between true and false.",
          name());
    }
    String said = r.value() ? "TRUE" : "FALSE";
    String expected = key ? "TRUE" : "FALSE";
    List<String> evidence = List.of("read " + said + " from: " + r.evidence());
    if (r.value() == key) {
      return new Grade(
          Verdict.CORRECT,
          1,
          r.confidence(),
          said,
          "The model answers " + said + ", as the key does.",
          evidence,
          null,
          name());
    }
    return new Grade(
        Verdict.INCORRECT,
        0,
        r.confidence(),
        said,
        "The model answers " + said + "; the key says " + expected + ".",
        evidence,
        "The model reached the opposite verdict to the key (" + said + " for " + expected + ").",
        name());
  }
}
