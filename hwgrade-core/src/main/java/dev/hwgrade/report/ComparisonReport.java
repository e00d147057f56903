package dev.hwgrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.analyze.Percent;
import dev.hwgrade.analyze.ScoreWords;
import dev.hwgrade.analyze.Tally;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code reports/comparison.md} when an assignment has several models: their totals side by
 * side with a link to each model's report, every part's verdict per model, and the parts that split
 * the models. It is built from the models' stored {@code results.json}, so grading one model again
 * rebuilds it with the others as last graded, and it never goes stale.
 */
public final class ComparisonReport {
  /** A part a model's stored results lack (the assignment gained it after that grading). */
  private static final String NOT_GRADED = "·";

  private ComparisonReport() {}

  /**
   * The comparison of the models' stored results (as {@link AssignmentResults#read} returns them)
   * on the assignment's parts, in its order.
   *
   * @throws IllegalArgumentException when there is nothing to compare or a stored verdict is not
   *     one hwgrade writes
   */
  public static String render(Assignment assignment, List<JsonNode> stored) {
    if (stored.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    List<StoredModel> models = stored.stream().map(StoredModel::of).toList();
    StringBuilder sb = new StringBuilder();
    sb.append("# Model comparison: ").append(Md.oneLine(assignment.title())).append("\n\n");
    sb.append(
        "| Model | Report | Graded | Parts | ✓ | ◐ | ✗ | – | ? | Weighted score | Final range |\n"
            + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (StoredModel m : models) {
      Tally t = m.tally();
      sb.append("| ")
          .append(Md.cell(m.name()))
          .append(" | [report.md](")
          .append(link(m.modelId()))
          .append("/report.md) | ")
          .append(
              Md.cell(
                  m.gradedAt().length() >= 16
                      ? m.gradedAt().substring(0, 16).replace('T', ' ') + " UTC"
                      : m.gradedAt()))
          .append(" | ")
          .append(t.total());
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
    for (StoredModel m : models) {
      sb.append(' ').append(Md.cell(m.modelId())).append(" |");
    }
    sb.append("\n|---|---|");
    sb.append("---|".repeat(models.size()));
    sb.append('\n');
    boolean missing = false;
    for (Part p : assignment.parts()) {
      sb.append("| ").append(p.displayId()).append(" | ").append(p.key().kind().id()).append(" |");
      for (StoredModel m : models) {
        StoredModel.Row r = m.parts().get(p.id());
        missing |= r == null;
        sb.append(' ')
            .append(r == null ? NOT_GRADED : r.verdict().symbol() + (r.reviewed() ? "\\*" : ""))
            .append(" |");
      }
      sb.append('\n');
    }
    disagreements(assignment.parts(), models, sb);
    sb.append(
        "\nVerdicts: ✓ correct, ◐ partially correct, ✗ incorrect, – unanswered, ? needs review; "
            + "\\* settled by a reviewer");
    if (missing) {
      sb.append("; " + NOT_GRADED + " not in the model's last grading");
    }
    sb.append(
        ". Each model's own report explains its verdicts. This comparison is rebuilt from every "
            + "model's stored results.json whenever any model is graded.\n");
    return sb.toString();
  }

  /** The model's folder as a relative link target (a space or parenthesis would end it). */
  private static String link(String modelId) {
    return URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The parts whose decided verdicts differ between models, with what each model answered. */
  private static void disagreements(List<Part> parts, List<StoredModel> models, StringBuilder sb) {
    StringBuilder rows = new StringBuilder();
    int n = 0;
    for (Part p : parts) {
      long kinds =
          models.stream()
              .map(m -> m.parts().get(p.id()))
              .filter(r -> r != null && r.verdict() != Verdict.NEEDS_REVIEW)
              .map(StoredModel.Row::verdict)
              .distinct()
              .count();
      if (kinds < 2) {
        continue;
      }
      n++;
      rows.append("| ").append(p.displayId()).append(" | ");
      List<String> said = new ArrayList<>();
      for (StoredModel m : models) {
        StoredModel.Row r = m.parts().get(p.id());
        if (r != null) {
          said.add(
              Md.cell(m.modelId())
                  + ": "
                  + r.verdict().symbol()
                  + " "
                  + MdMath.cell(r.extracted(), 60));
        }
      }
      rows.append(String.join("<br>", said))
          .append(" | ")
          .append(MdMath.cell(Analyzer.keyAnswer(p), 60))
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
