package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import java.time.Instant;
import java.util.List;

/**
 * Everything the reports say about one model on one assignment, computed from its grades.
 *
 * @param assignment the assignment
 * @param response the model's response
 * @param results every part with its grade, in the assignment's order
 * @param overall the totals
 * @param byProblem one tally per problem, in order
 * @param byCategory one tally per category, in order of first appearance
 * @param errors the error analysis, one entry per part not correct, in order
 * @param reviews the parts a person must settle
 * @param findings short findings, each a sentence or two
 * @param conclusion a short conclusion
 * @param gradedAt when the grading ran
 */
public record Analysis(
    Assignment assignment,
    Response response,
    List<PartResult> results,
    Tally overall,
    List<GroupStats> byProblem,
    List<GroupStats> byCategory,
    List<ErrorEntry> errors,
    List<PartResult> reviews,
    List<Finding> findings,
    String conclusion,
    Instant gradedAt) {
  public Analysis {
    results = List.copyOf(results);
    byProblem = List.copyOf(byProblem);
    byCategory = List.copyOf(byCategory);
    errors = List.copyOf(errors);
    reviews = List.copyOf(reviews);
    findings = List.copyOf(findings);
  }
}
