package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.analyze.Percent;
import dev.hwgrade.analyze.ScoreWords;
import dev.hwgrade.analyze.Tally;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;

/**
 * Renders {@code reports/comparison.md} when an assignment has several models: their totals side by
 * side, and every part's verdict per model, so the parts that split the models stand out.
 */
public final class ComparisonReport {
  private ComparisonReport() {}

  public static String render(List<Analysis> analyses) {
    if (analyses.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    Analysis first = analyses.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append("# Model comparison: ").append(first.assignment().title()).append("\n\n");
    sb.append(
        "| Model | Parts | ✓ | ◐ | ✗ | – | ? | Weighted score | Final range |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Analysis a : analyses) {
      Tally t = a.overall();
      sb.append("| ").append(Md.cell(a.response().modelName())).append(" | ").append(t.total());
      for (Verdict v : Verdict.values()) {
        sb.append(" | ").append(t.count(v));
      }
      sb.append(" | ")
          .append(Percent.of(t.score()))
          .append(" | ")
          .append(ScoreWords.range(t))
          .append(" |\n");
    }
    sb.append("\n## Verdict per part\n\n| Part | Kind |");
    for (Analysis a : analyses) {
      sb.append(' ').append(Md.cell(a.response().modelId())).append(" |");
    }
    sb.append("\n|---|---|");
    sb.append("---|".repeat(analyses.size()));
    sb.append('\n');
    List<Part> parts = first.assignment().parts();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      sb.append("| ").append(p.displayId()).append(" | ").append(p.key().kind().id()).append(" |");
      for (Analysis a : analyses) {
        PartResult r = a.results().get(i);
        boolean reviewed = a.review(r.part().id()).map(x -> x.applied()).orElse(false);
        sb.append(' ')
            .append(r.grade().verdict().symbol())
            .append(reviewed ? "\\*" : "")
            .append(" |");
      }
      sb.append('\n');
    }
    disagreements(analyses, parts, sb);
    sb.append(
        "\nVerdicts: ✓ correct, ◐ partially correct, ✗ incorrect, – unanswered, ? needs review; "
            + "\\* settled by a reviewer. Each model's own report explains its verdicts.\n");
    return sb.toString();
  }

  /** The parts whose decided verdicts differ between models, with what each model answered. */
  private static void disagreements(List<Analysis> analyses, List<Part> parts, StringBuilder sb) {
    StringBuilder rows = new StringBuilder();
    int n = 0;
    for (int i = 0; i < parts.size(); i++) {
      final int at = i;
      long kinds =
          analyses.stream()
              .map(a -> a.results().get(at).grade().verdict())
              .filter(v -> v != Verdict.NEEDS_REVIEW)
              .distinct()
              .count();
      if (kinds < 2) {
        continue;
      }
      n++;
      rows.append("| ").append(parts.get(i).displayId()).append(" | ");
      List<String> said = new java.util.ArrayList<>();
      for (Analysis a : analyses) {
        PartResult r = a.results().get(i);
        said.add(
            Md.cell(a.response().modelId())
                + ": "
                + r.grade().verdict().symbol()
                + " "
                + Md.cell(Md.shorten(r.grade().extracted(), 60)));
      }
      rows.append(String.join("<br>", said))
          .append(" | ")
          .append(Md.cell(Md.shorten(Analyzer.keyAnswer(parts.get(i)), 60)))
          .append(" |\n");
    }
    sb.append("\n## Where the models disagree\n\n");
    if (n == 0) {
      sb.append("Every part decided for several models has the same verdict for each.\n");
      return;
    }
    sb.append(n)
        .append(n == 1 ? " part has" : " parts have")
        .append(" different verdicts (parts awaiting review left aside).\n\n")
        .append("| Part | What each model answered | Key |\n|---|---|---|\n")
        .append(rows);
  }
}
