package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.grade.judge.JudgeAuditWriter;
import dev.hwgrade.grade.judge.JudgeEvidence;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.html.Html;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the reports say about a language-model judge: a section naming the judges, the parts judged,
 * tokens, cost and why parts went to review, and under each judged part its evidence with a link to
 * its audit record ({@code judge/<part>.json}). Read from the grades' evidence ({@link
 * JudgeEvidence}), so a report of a run without a judge is unchanged.
 */
public final class JudgeSection {
  private JudgeSection() {}

  /** The figures of one model's judged parts. */
  record Summary(
      Set<String> judges,
      int parts,
      int forReview,
      int calls,
      int cached,
      long inputTokens,
      long outputTokens,
      Double costUsd,
      Map<JudgeEvidence.Cause, Integer> causes) {}

  /** The summary, or null when no part was judged. */
  static Summary summary(Analysis a) {
    Set<String> judges = new LinkedHashSet<>();
    int parts = 0;
    int review = 0;
    int calls = 0;
    int cached = 0;
    long in = 0;
    long out = 0;
    Double cost = 0.0;
    Map<JudgeEvidence.Cause, Integer> causes = new EnumMap<>(JudgeEvidence.Cause.class);
    for (PartResult r : a.results()) {
      Grade g = r.grade();
      if (!JudgeEvidence.judged(g)) {
        continue;
      }
      parts++;
      judges.add(JudgeEvidence.judges(g));
      if (g.verdict() == Verdict.NEEDS_REVIEW) {
        review++;
      }
      JudgeEvidence.cause(g).ifPresent(c -> causes.merge(c, 1, Integer::sum));
      JudgeEvidence.Usage u = JudgeEvidence.usage(g).orElse(null);
      if (u != null) {
        calls += u.calls();
        cached += u.cached();
        in += u.inputTokens();
        out += u.outputTokens();
        cost = cost == null || u.costUsd() == null ? null : cost + u.costUsd();
      }
    }
    if (parts == 0) {
      return null;
    }
    return new Summary(judges, parts, review, calls, cached, in, out, cost, causes);
  }

  /** The relative link from a model's report to a part's audit record. */
  public static String auditLink(String partId) {
    return JudgeAuditWriter.fileName(partId);
  }

  private static String cost(Summary s) {
    return s.costUsd() == null
        ? "unknown (no prices for the judge in models.yaml)"
        : String.format(Locale.ROOT, "$%.4f", s.costUsd());
  }

  private static List<String> rows(Summary s) {
    List<String> rows = new ArrayList<>();
    rows.add("Judge model(s)\t" + String.join("; ", s.judges()));
    rows.add(
        "Parts judged\t"
            + s.parts()
            + " ("
            + (s.parts() - s.forReview())
            + " decided, "
            + s.forReview()
            + " for review)");
    rows.add(
        "Calls\t"
            + s.calls()
            + (s.cached() > 0 ? " (" + s.cached() + " answered from the reply cache)" : ""));
    rows.add(
        String.format(
            Locale.ROOT, "Tokens\t%,d input, %,d output", s.inputTokens(), s.outputTokens()));
    rows.add("Cost\t" + cost(s));
    List<String> why = new ArrayList<>();
    for (JudgeEvidence.Cause c : JudgeEvidence.Cause.values()) {
      why.add(c.label() + ": " + s.causes().getOrDefault(c, 0));
    }
    rows.add("Sent to review because\t" + String.join("; ", why));
    return rows;
  }

  private static final String INTRO =
      "Parts were graded by a language model as judge, point by point against the key; hwgrade "
          + "computed each verdict from the judge's point decisions and checked every quote. Each "
          + "judged part links its audit record: the exact prompt, the raw replies, the model and "
          + "its parameters, the prompt template's hash, tokens, latency and cost.";

  /** report.md's section on the judge; nothing when no part was judged. */
  public static void markdown(Analysis a, StringBuilder sb) {
    Summary s = summary(a);
    if (s == null) {
      return;
    }
    sb.append("## Judge\n\n").append(INTRO).append("\n\n| | |\n|---|---|\n");
    for (String row : rows(s)) {
      String[] kv = row.split("\t", 2);
      sb.append("| ").append(kv[0]).append(" | ").append(Md.cell(kv[1])).append(" |\n");
    }
    sb.append('\n');
  }

  /** Under a judged part in report.md: the judge's evidence and its audit record. */
  public static void markdownPart(PartResult r, StringBuilder sb) {
    Grade g = r.grade();
    if (!JudgeEvidence.judged(g)) {
      return;
    }
    sb.append("**Judge's evidence** ([audit record](")
        .append(auditLink(r.part().id()))
        .append(")):\n\n");
    for (String line : g.evidence()) {
      sb.append("- ").append(Md.oneLine(line)).append('\n');
    }
    sb.append('\n');
  }

  /** report.html's section on the judge; nothing when no part was judged. */
  public static void html(Analysis a, StringBuilder sb) {
    Summary s = summary(a);
    if (s == null) {
      return;
    }
    sb.append("<section id=\"judge\"><h2>Judge</h2>\n<p>")
        .append(Html.esc(INTRO))
        .append("</p>\n<table class=\"judge\">");
    for (String row : rows(s)) {
      String[] kv = row.split("\t", 2);
      sb.append("<tr><th>")
          .append(Html.esc(kv[0]))
          .append("</th><td>")
          .append(Html.esc(kv[1]))
          .append("</td></tr>");
    }
    sb.append("</table></section>\n");
  }

  /** Under a judged part in report.html: the judge's evidence and its audit record. */
  public static void htmlPart(PartResult r, StringBuilder sb) {
    Grade g = r.grade();
    if (!JudgeEvidence.judged(g)) {
      return;
    }
    sb.append("<details class=\"judge-evidence\"><summary>Judge's evidence</summary><ul>");
    for (String line : g.evidence()) {
      sb.append("<li>").append(Html.esc(line)).append("</li>");
    }
    sb.append("</ul><p><a href=\"")
        .append(Html.esc(auditLink(r.part().id())))
        .append("\">Audit record</a></p></details>\n");
  }

  /** results.json's {@code judge} object; nothing when no part was judged. */
  public static void json(Analysis a, Map<String, Object> root) {
    Summary s = summary(a);
    if (s == null) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("judges", List.copyOf(s.judges()));
    m.put("partsJudged", s.parts());
    m.put("forReview", s.forReview());
    m.put("calls", s.calls());
    m.put("cachedCalls", s.cached());
    m.put("inputTokens", s.inputTokens());
    m.put("outputTokens", s.outputTokens());
    m.put("costUsd", s.costUsd() == null ? null : Numbers.round(s.costUsd(), 6));
    Map<String, Object> causes = new LinkedHashMap<>();
    for (JudgeEvidence.Cause c : JudgeEvidence.Cause.values()) {
      causes.put(c.id(), s.causes().getOrDefault(c, 0));
    }
    m.put("sentToReview", causes);
    root.put("judge", m);
  }

  /** A judged part's {@code judgeAudit} link in results.json. */
  public static void jsonPart(PartResult r, Map<String, Object> part) {
    if (JudgeEvidence.judged(r.grade())) {
      part.put("judgeAudit", auditLink(r.part().id()));
    }
  }
}
