package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.ReviewStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link Analysis} of one model's grades. Deterministic: same grades, same analysis.
 */
public final class Analyzer {
  private Analyzer() {}

  public static Analysis analyze(
      Assignment assignment, Response response, List<PartResult> results, Instant gradedAt) {
    return analyze(assignment, response, results, Map.of(), gradedAt);
  }

  /**
   * The analysis of grades to which reviews were applied ({@link
   * dev.hwgrade.review.ReviewApplier}).
   *
   * @param reviewStatus part id → how its review bears on it
   */
  public static Analysis analyze(
      Assignment assignment,
      Response response,
      List<PartResult> results,
      Map<String, ReviewStatus> reviewStatus,
      Instant gradedAt) {
    Tally overall = Tally.of(results);
    List<GroupStats> byProblem = new ArrayList<>();
    for (Problem p : assignment.problems()) {
      List<PartResult> rs =
          results.stream().filter(r -> r.part().problemId().equals(p.id())).toList();
      byProblem.add(
          new GroupStats(
              p.id(), p.title() == null ? "Problem " + p.id() : p.title(), ids(rs), Tally.of(rs)));
    }
    Map<String, List<PartResult>> cats = new LinkedHashMap<>();
    for (PartResult r : results) {
      cats.computeIfAbsent(r.part().category(), k -> new ArrayList<>()).add(r);
    }
    List<GroupStats> byCategory = new ArrayList<>();
    cats.forEach((c, rs) -> byCategory.add(new GroupStats(c, c, ids(rs), Tally.of(rs))));
    List<ErrorEntry> errors = new ArrayList<>();
    List<PartResult> reviews = new ArrayList<>();
    for (PartResult r : results) {
      Verdict v = r.grade().verdict();
      if (v == Verdict.NEEDS_REVIEW) {
        reviews.add(r);
      } else if (v != Verdict.CORRECT) {
        errors.add(errorEntry(r));
      }
    }
    List<Finding> findings =
        Findings.of(assignment, results, overall, byProblem, byCategory, errors, reviews);
    String conclusion =
        Findings.conclusion(response, overall, byProblem, byCategory, errors, reviews);
    return new Analysis(
        assignment,
        response,
        results,
        overall,
        byProblem,
        byCategory,
        errors,
        reviews,
        findings,
        conclusion,
        gradedAt,
        reviewStatus);
  }

  private static ErrorEntry errorEntry(PartResult r) {
    String model = r.grade().extracted();
    if ((model == null || model.isBlank()) && r.answer() != null) {
      model = r.answer().text();
    }
    String what =
        r.grade().diagnosis() != null && !r.grade().diagnosis().isBlank()
            ? r.grade().diagnosis()
            : r.grade().explanation();
    List<String> details = new ArrayList<>();
    if (r.part().key().kind() == Kind.TEXT) {
      for (String e : r.grade().evidence()) {
        String low = e.toLowerCase(java.util.Locale.ROOT);
        if (low.startsWith("missed")
            || low.startsWith("contradicted")
            || low.contains("missed:")
            || low.contains("contradicted:")) {
          details.add(e);
        }
      }
    } else {
      details.addAll(r.grade().evidence());
    }
    return new ErrorEntry(r, model == null ? "" : model, keyAnswer(r.part()), what, details);
  }

  /** The key's answer as a person reads it (a choice key shows the option's text too). */
  public static String keyAnswer(Part part) {
    String a = part.key().answer();
    if (part.key().kind() == Kind.CHOICE && part.key().options().containsKey(a.strip())) {
      return a.strip() + ") " + part.key().options().get(a.strip());
    }
    if (part.key().kind() == Kind.NUMERIC
        && part.key().unit() != null
        && !part.key().unit().isBlank()
        && a.strip()
            .matches(
                "[-+~≈]?\\s*[0-9][0-9.,]*(?:\\s*(?:[eE][-+]?[0-9]+|\\\\times\\s*10\\^\\{?-?[0-9]+\\}?))?")) {
      return a.strip() + " " + part.key().unit().strip();
    }
    if (a.isBlank() && !part.key().keyPoints().isEmpty()) {
      return String.join("; ", part.key().keyPoints().stream().map(k -> k.text()).toList());
    }
    return a;
  }

  private static List<String> ids(List<PartResult> rs) {
    return rs.stream().map(r -> r.part().id()).toList();
  }
}
