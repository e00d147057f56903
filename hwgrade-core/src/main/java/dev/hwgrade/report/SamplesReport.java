package dev.hwgrade.report;

import dev.hwgrade.analyze.Samples;
import java.util.List;
import java.util.Locale;

/**
 * {@code reports/samples.md}: for each model asked several times per part, its mean score with the
 * 95% bootstrap interval, and per part the share of samples correct and the majority verdict.
 */
public final class SamplesReport {
  public static final String FILE = "samples.md";

  private SamplesReport() {}

  /** One line for the console: the mean score and its interval. */
  public static String line(Samples.Summary s) {
    if (Double.isNaN(s.mean())) {
      return s.modelId() + ": " + s.samplesPerPart() + " samples per part; no sample decided";
    }
    return String.format(
        Locale.ROOT,
        "%s: %d samples per part; mean score %.1f%% (95%% interval %.1f%%–%.1f%%)",
        s.modelId(),
        s.samplesPerPart(),
        100 * s.mean(),
        100 * s.low(),
        100 * s.high());
  }

  public static String render(List<Samples.Summary> summaries) {
    StringBuilder sb = new StringBuilder("# Samples\n\n");
    sb.append(
        "Each part was asked several times. The mean score is the weighted mean over parts of the"
            + " mean score of their decided samples; the interval is a 95% bootstrap interval"
            + " over parts and samples.\n");
    for (Samples.Summary s : summaries) {
      sb.append("\n## ").append(Md.cell(s.modelId())).append("\n\n");
      sb.append(line(s)).append("\n\n");
      sb.append("| part | samples | correct | share correct | majority verdict |\n");
      sb.append("| --- | --- | --- | --- | --- |\n");
      for (Samples.PartSamples p : s.parts()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.0f%% | %s |%n",
                p.part().displayId(),
                p.grades().size(),
                p.count(dev.hwgrade.model.Verdict.CORRECT),
                100 * p.shareCorrect(),
                p.majority() == null ? "none (a tie)" : p.majority().id()));
      }
    }
    return sb.toString();
  }
}
