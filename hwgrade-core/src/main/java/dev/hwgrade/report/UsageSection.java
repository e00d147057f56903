package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.model.AskUsage;
import dev.hwgrade.report.html.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Usage and cost" of a model asked by {@code hwgrade ask}, for report.md, report.html and
 * results.json: replies, tokens, cost at the model's prices, latency, retries and failures. Nothing
 * at all for a response that records no usage, such as one written by hand.
 */
public final class UsageSection {
  private UsageSection() {}

  /** The section of report.md, when the response records usage. */
  public static void markdown(Analysis a, StringBuilder sb) {
    AskUsage u = a.response().usage();
    if (u == null) {
      return;
    }
    sb.append("## Usage and cost\n\n").append(Md.oneLine(intro(u))).append("\n\n");
    sb.append("| Metric | Value |\n|---|---:|\n");
    for (String[] row : rows(u)) {
      sb.append("| ").append(row[0]).append(" | ").append(Md.cell(row[1])).append(" |\n");
    }
    sb.append('\n').append(Md.oneLine(prices(u))).append("\n\n");
  }

  /** The section of report.html, when the response records usage. */
  public static void html(Analysis a, StringBuilder sb) {
    AskUsage u = a.response().usage();
    if (u == null) {
      return;
    }
    sb.append("<section id=\"usage\"><h2>Usage and cost</h2>\n<p>")
        .append(Html.esc(intro(u)))
        .append("</p>\n<table class=\"usage\"><tbody>\n");
    for (String[] row : rows(u)) {
      sb.append("<tr><th>")
          .append(Html.esc(row[0]))
          .append("</th><td class=\"num\">")
          .append(Html.esc(row[1]))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n<p>").append(Html.esc(prices(u))).append("</p></section>\n");
  }

  /** Puts {@code usage} into results.json's root, when the response records usage. */
  public static void json(Analysis a, Map<String, Object> root) {
    AskUsage u = a.response().usage();
    if (u == null) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", u.provider());
    m.put("replies", u.replies());
    m.put("cached", u.cached());
    m.put("inputTokens", u.inputTokens());
    m.put("outputTokens", u.outputTokens());
    m.put("costUsd", u.costUsd() == null ? null : Numbers.round(u.costUsd(), 6));
    if (u.inputPrice() != null && u.outputPrice() != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("input", u.inputPrice());
      p.put("output", u.outputPrice());
      m.put("pricePerMillionTokens", p);
    }
    double mean = u.meanLatencyMs();
    m.put("latencyMsMean", Double.isNaN(mean) ? null : Numbers.round(mean, 1));
    m.put("latencyMsP95", u.p95LatencyMs() < 0 ? null : u.p95LatencyMs());
    m.put("retries", u.retries());
    m.put("failed", u.failed());
    m.put("refused", u.refused());
    root.put("usage", m);
  }

  private static String intro(AskUsage u) {
    return "The model was asked with hwgrade ask"
        + (u.provider() == null ? "" : " (provider " + u.provider() + ")")
        + "; the totals are those of the replies this response holds.";
  }

  private static List<String[]> rows(AskUsage u) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("Replies", count(u.replies())));
    if (u.cached() > 0) {
      rows.add(row("of them from the reply cache", count(u.cached())));
    }
    rows.add(row("Input tokens", count(u.inputTokens())));
    rows.add(row("Output tokens", count(u.outputTokens())));
    rows.add(row("Cost", u.costUsd() == null ? "unknown (no prices)" : dollars(u.costUsd())));
    double mean = u.meanLatencyMs();
    rows.add(
        row(
            "Mean latency",
            Double.isNaN(mean) ? "not recorded" : String.format(Locale.ROOT, "%,.0f ms", mean)));
    rows.add(
        row(
            "95th percentile latency",
            u.p95LatencyMs() < 0 ? "not recorded" : count(u.p95LatencyMs()) + " ms"));
    rows.add(row("Retries", count(u.retries())));
    rows.add(row("Failed after retries", count(u.failed())));
    rows.add(row("Refused", count(u.refused())));
    return rows;
  }

  private static String prices(AskUsage u) {
    if (u.inputPrice() != null && u.outputPrice() != null) {
      return "Cost at "
          + dollars(u.inputPrice())
          + " per million input tokens and "
          + dollars(u.outputPrice())
          + " per million output tokens.";
    }
    if (u.costUsd() != null) {
      return "Cost at the model's prices when it was asked.";
    }
    return "No prices were given for this model (price_input and price_output in models.yaml), so"
        + " no cost.";
  }

  private static String[] row(String metric, String value) {
    return new String[] {metric, value};
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String dollars(double d) {
    return String.format(Locale.ROOT, d >= 1 ? "$%,.2f" : "$%.4f", d);
  }
}
