package dev.hwgrade.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The findings and the conclusion say where the errors are truthfully: never "confined to" every
 * problem; the error-free problems named; counts given.
 */
class FindingsWordingTest {
  /** One part: "1.a calculation ✗". */
  private record Spec(String id, String category, Verdict verdict) {}

  private static Analysis analyse(Spec... specs) {
    Map<String, List<Part>> problems = new LinkedHashMap<>();
    List<PartResult> results = new ArrayList<>();
    for (Spec s : specs) {
      String problem = s.id().split("\\.")[0];
      Part p =
          new Part(s.id(), problem, null, "", s.category(), 1, Key.of(Kind.BOOLEAN, "true"), null);
      problems.computeIfAbsent(problem, k -> new ArrayList<>()).add(p);
      double score = s.verdict() == Verdict.CORRECT ? 1 : 0;
      results.add(
          new PartResult(
              p, Answer.of(p.id(), "x"), Grade.of(s.verdict(), score, 1, "x", "why", "test")));
    }
    List<Problem> ps = new ArrayList<>();
    problems.forEach((id, parts) -> ps.add(new Problem(id, "Problem " + id, parts)));
    return Analyzer.analyze(
        new Assignment("hw", "Homework", ps),
        new Response("m", "Model M", "m.yaml", Map.of()),
        results,
        Instant.EPOCH);
  }

  private static String where(Analysis a) {
    return a.findings().stream()
        .filter(f -> f.headline().equals("Where the errors are"))
        .map(Finding::text)
        .findFirst()
        .orElse("");
  }

  @Test
  void errorsInEveryProblemAreSpreadAcrossAllNotConfined() {
    Analysis a =
        analyse(
            new Spec("1.a", "calculation", Verdict.INCORRECT),
            new Spec("1.b", "calculation", Verdict.CORRECT),
            new Spec("2.a", "calculation", Verdict.INCORRECT),
            new Spec("3.a", "true-false", Verdict.INCORRECT),
            new Spec("3.b", "true-false", Verdict.UNANSWERED),
            new Spec("4.a", "derivation", Verdict.CORRECT),
            new Spec("4.b", "calculation", Verdict.INCORRECT));
    assertThat(a.conclusion())
        .doesNotContain("confined")
        .contains(
            "Its 5 errors are spread across all 4 problems (1 in problem 1, 1 in problem 2, "
                + "2 in problem 3 and 1 in problem 4), in calculation (3) and true-false (2) "
                + "questions, while its derivation answers are all correct.")
        .doesNotContain("..");
    assertThat(where(a))
        .startsWith(
            "Errors are spread across all 4 problems: problem 1 (1), problem 2 (1), problem 3 (2)"
                + " and problem 4 (1);");
  }

  @Test
  void errorsInSomeProblemsNameTheErrorFreeOnes() {
    Analysis a =
        analyse(
            new Spec("1.a", "calculation", Verdict.INCORRECT),
            new Spec("2.a", "conceptual", Verdict.PARTIALLY_CORRECT),
            new Spec("3.a", "calculation", Verdict.CORRECT),
            new Spec("3.b", "conceptual", Verdict.CORRECT));
    assertThat(a.conclusion())
        .doesNotContain("confined")
        .contains(
            "Its 2 errors are in problem 1 (1) and problem 2 (1), in every kind of question: "
                + "calculation (1) and conceptual (1). Problem 3 is error-free.")
        .doesNotContain("..");
    assertThat(where(a)).contains("problem 3 is error-free");
  }

  @Test
  void errorsInOneOfSeveralProblemsAreConfinedToIt() {
    Analysis a =
        analyse(
            new Spec("1.a", "estimation", Verdict.INCORRECT),
            new Spec("1.b", "estimation", Verdict.INCORRECT),
            new Spec("2.a", "true-false", Verdict.CORRECT),
            new Spec("2.b", "true-false", Verdict.NEEDS_REVIEW),
            new Spec("3.a", "true-false", Verdict.CORRECT));
    assertThat(a.conclusion())
        .contains(
            "Its 2 errors are confined to problem 1, all estimation questions. "
                + "Problem 3 is error-free; problem 2 has no error among the parts decided so far.");
  }

  @Test
  void oneErrorInTheOnlyProblem() {
    Analysis a =
        analyse(
            new Spec("1.a", "calculation", Verdict.INCORRECT),
            new Spec("1.b", "conceptual", Verdict.CORRECT));
    assertThat(a.conclusion())
        .contains(
            "Its one error is on a calculation question, while its conceptual answers are all"
                + " correct.");
  }
}
