package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.ReviewStatus;
import java.util.List;

/**
 * Renders {@code results.csv}: a header and one RFC 4180 row per part; a part awaiting review has
 * an empty score, a reviewed part names its reviewer.
 */
public final class CsvResults {
  static final List<String> HEADER =
      List.of(
          "id",
          "problem",
          "category",
          "kind",
          "weight",
          "verdict",
          "score",
          "confidence",
          "extracted",
          "key",
          "explanation",
          "grader",
          "reviewed",
          "reviewer",
          "review_comment",
          "review_stale");

  private CsvResults() {}

  public static String render(Analysis a) {
    StringBuilder sb = new StringBuilder();
    row(sb, HEADER);
    for (PartResult r : a.results()) {
      ReviewStatus review = a.review(r.part().id()).orElse(null);
      boolean applied = review != null && review.applied();
      row(
          sb,
          List.of(
              r.part().id(),
              r.part().problemId(),
              r.part().category(),
              r.part().key().kind().id(),
              String.valueOf(r.part().weight()),
              r.grade().verdict().id(),
              // A part awaiting review has no score yet: the cell is empty.
              r.grade().verdict() == Verdict.NEEDS_REVIEW
                  ? ""
                  : String.valueOf(Numbers.round(r.grade().score(), 4)),
              String.valueOf(Numbers.round(r.grade().confidence(), 4)),
              r.grade().extracted(),
              Analyzer.keyAnswer(r.part()),
              r.grade().explanation(),
              r.grade().grader(),
              String.valueOf(applied),
              review == null ? "" : review.review().reviewer(),
              review == null ? "" : review.review().comment(),
              String.valueOf(review != null && review.stale())));
    }
    return sb.toString();
  }

  static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    sb.append("\r\n");
  }

  static String quote(String s) {
    if (s == null) {
      return "";
    }
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    String safe =
        !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !looksNumeric(s) ? "'" + s : s;
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  private static boolean looksNumeric(String s) {
    return s.matches("[-+]?[0-9.eE+-]+");
  }
}
