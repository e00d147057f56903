package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Percent;
import dev.hwgrade.analyze.Samples;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.html.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The samples of a model asked several times per part ({@code hwgrade ask --samples N}) in
 * report.md, report.html and results.json: the mean score with its 95% bootstrap interval, and per
 * part the samples, how many were correct and the majority verdict. Nothing for a model asked once.
 * {@code reports/samples.md} ({@link SamplesReport}) keeps every sampled model side by side.
 */
public final class SamplesSection {
  private SamplesSection() {}

  /** The section of report.md, when the model was sampled. */
  public static void markdown(Analysis a, StringBuilder sb) {
    Samples.Summary s = a.samples();
    if (s == null) {
      return;
    }
    sb.append("## Samples\n\n").append(intro(s)).append("\n\n");
    sb.append("| Part | Samples | Correct | Share correct | Majority verdict |\n");
    sb.append("|---|---:|---:|---:|---|\n");
    for (Samples.PartSamples p : s.parts()) {
      sb.append("| ")
          .append(Md.cell(p.part().displayId()))
          .append(" | ")
          .append(p.grades().size())
          .append(" | ")
          .append(p.count(Verdict.CORRECT))
          .append(" | ")
          .append(share(p))
          .append(" | ")
          .append(majority(p.majority()))
          .append(" |\n");
    }
    sb.append('\n');
  }

  /** The section of report.html, when the model was sampled. */
  public static void html(Analysis a, StringBuilder sb) {
    Samples.Summary s = a.samples();
    if (s == null) {
      return;
    }
    sb.append("<section id=\"samples\"><h2>Samples</h2>\n<p>")
        .append(Html.esc(intro(s)))
        .append("</p>\n<table class=\"samples\"><thead><tr><th>Part</th>")
        .append("<th class=\"num\">Samples</th><th class=\"num\">Correct</th>")
        .append("<th class=\"num\">Share correct</th><th>Majority verdict</th></tr></thead>")
        .append("<tbody>\n");
    for (Samples.PartSamples p : s.parts()) {
      sb.append("<tr><td>")
          .append(Html.esc(p.part().displayId()))
          .append("</td><td class=\"num\">")
          .append(p.grades().size())
          .append("</td><td class=\"num\">")
          .append(p.count(Verdict.CORRECT))
          .append("</td><td class=\"num\">")
          .append(Html.esc(share(p)))
          .append("</td><td>")
          .append(Html.esc(majority(p.majority())))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table></section>\n");
  }

  /** Puts {@code samples} into results.json's root, when the model was sampled. */
  public static void json(Analysis a, Map<String, Object> root) {
    Samples.Summary s = a.samples();
    if (s == null) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samplesPerPart", s.samplesPerPart());
    m.put("mean", score(s.mean()));
    m.put("low", score(s.low()));
    m.put("high", score(s.high()));
    m.put("confidence", 0.95);
    List<Object> parts = new ArrayList<>();
    for (Samples.PartSamples p : s.parts()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", p.part().id());
      e.put("samples", p.grades().size());
      e.put("correct", p.count(Verdict.CORRECT));
      e.put("shareCorrect", p.grades().isEmpty() ? null : Numbers.round(p.shareCorrect(), 4));
      e.put("majority", p.majority() == null ? null : p.majority().id());
      parts.add(e);
    }
    m.put("parts", parts);
    root.put("samples", m);
  }

  private static String intro(Samples.Summary s) {
    String asked =
        "Each part was asked up to "
            + s.samplesPerPart()
            + " times; the verdicts above are those of the first sample. ";
    if (Double.isNaN(s.mean())) {
      return asked + "No sample was decided, so there is no mean score yet.";
    }
    return asked
        + String.format(
            Locale.ROOT,
            "Mean score %s (95%% interval %s–%s): the weighted mean over parts of the mean score of"
                + " their decided samples, the interval a bootstrap over parts and samples.",
            Percent.of(s.mean()),
            Percent.of(s.low()),
            Percent.of(s.high()));
  }

  private static String share(Samples.PartSamples p) {
    return p.grades().isEmpty() ? "n/a" : Percent.of(p.shareCorrect());
  }

  private static String majority(Verdict v) {
    return v == null ? "none (a tie)" : v.symbol() + " " + v.label();
  }

  private static Double score(double d) {
    return Double.isNaN(d) ? null : Numbers.round(d, 4);
  }
}
