package dev.hwgrade.web;

import dev.hwgrade.report.html.Html;
import java.util.List;
import java.util.Set;

/** The queue: progress, filters and every part of every model in review order. */
final class QueuePage {
  private QueuePage() {}

  static String render(String title, ReviewQueue q, Filter f, List<String> loadProblems) {
    StringBuilder sb = new StringBuilder();
    int[] progress = q.progress();
    sb.append("<h1>Review: ").append(Html.esc(title)).append("</h1>\n");
    sb.append("<p id=\"progress\" class=\"progress\"><strong>")
        .append(progress[0])
        .append(" of ")
        .append(progress[1])
        .append(" settled</strong>")
        .append(
            " — the parts awaiting review and those a person decided. Settled parts count from the"
                + " next <code>hwgrade grade</code>.</p>\n");
    PartPage.problems(sb, loadProblems);
    sb.append("<p class=\"models\">Models:");
    for (ModelState m : q.models()) {
      sb.append(" <strong>").append(Html.esc(m.modelId())).append("</strong>");
      if (m.missing() == null) {
        sb.append(" (")
            .append(Html.esc(m.modelName()))
            .append(", graded ")
            .append(Html.esc(m.gradedAt()))
            .append(')');
      }
    }
    sb.append("</p>\n");
    for (ModelState m : q.models()) {
      if (m.missing() != null) {
        sb.append("<p class=\"missing\">")
            .append(Html.esc(m.modelId()))
            .append(": ")
            .append(Html.esc(m.missing()))
            .append("</p>\n");
      }
    }
    filters(sb, q, f);
    List<ReviewQueue.Entry> entries = q.entries(f);
    ReviewQueue.Entry first =
        entries.stream()
            .filter(e -> !e.settled() && e.group() == ReviewQueue.Group.AWAITING)
            .findFirst()
            .orElse(entries.isEmpty() ? null : entries.get(0));
    if (first != null) {
      sb.append("<p><a id=\"next\" href=\"")
          .append(Html.esc(PartPage.href(first, f)))
          .append("\">Start with ")
          .append(Html.esc(first.modelId() + " " + first.part().id()))
          .append("</a> <span class=\"keys\">(n)</span></p>\n");
    }
    sb.append("<table id=\"queue\">\n<thead><tr><th>part</th><th>model</th><th>kind</th>")
        .append(
            "<th>verdict</th><th>review</th><th>why here</th><th>answer read</th></tr></thead>\n<tbody>\n");
    for (ReviewQueue.Entry e : entries) {
      ShownPart p = e.part();
      sb.append("<tr class=\"g-")
          .append(e.group().name().toLowerCase(java.util.Locale.ROOT))
          .append("\" data-model=\"")
          .append(Html.esc(e.modelId()))
          .append("\" data-part=\"")
          .append(Html.esc(p.id()))
          .append("\"><td><a href=\"")
          .append(Html.esc(PartPage.href(e, f)))
          .append("\">")
          .append(Html.esc(p.id()))
          .append("</a></td><td>")
          .append(Html.esc(e.modelId()))
          .append("</td><td>")
          .append(Html.esc(p.kind()))
          .append("</td><td>")
          .append(Layout.badge(p.stored().verdict().id()))
          .append("</td><td class=\"status s-")
          .append(e.status().name().toLowerCase(java.util.Locale.ROOT))
          .append("\">")
          .append(Html.esc(e.status().label))
          .append("</td><td>")
          .append(Html.esc(e.group().label))
          .append("</td><td class=\"answer\">")
          .append(Html.esc(shorten(p.stored().extracted(), 120)))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
    if (entries.isEmpty()) {
      sb.append("<p>No part matches these filters.</p>\n");
    }
    sb.append(
        "<p class=\"keys\">Keys: n or j — the first part to settle. On a part: c correct, p"
            + " partially correct (the score field), 1–9 partially correct 0.1–0.9, i incorrect, u"
            + " unanswered, m comment, n/j next, k previous, q queue.</p>\n");
    return Layout.page(progress[0] + " of " + progress[1] + " settled — " + title, sb.toString());
  }

  private static void filters(StringBuilder sb, ReviewQueue q, Filter f) {
    sb.append("<form id=\"filters\" method=\"get\" action=\"/\">\n");
    select(sb, "fmodel", "model", q.values(ReviewQueue.Entry::modelId), f.model());
    select(sb, "fproblem", "problem", q.values(e -> e.part().problem()), f.problem());
    select(sb, "fverdict", "verdict", q.values(e -> e.part().stored().verdict().id()), f.verdict());
    select(sb, "fkind", "kind", q.values(e -> e.part().kind()), f.kind());
    sb.append("<button type=\"submit\">Filter</button> <a href=\"/\">all parts</a>\n</form>\n");
  }

  private static void select(
      StringBuilder sb, String name, String label, Set<String> values, String chosen) {
    sb.append("<label>")
        .append(label)
        .append(" <select name=\"")
        .append(name)
        .append("\"><option value=\"\">any</option>");
    for (String v : values) {
      sb.append("<option value=\"")
          .append(Html.esc(v))
          .append('"')
          .append(v.equals(chosen) ? " selected" : "")
          .append('>')
          .append(Html.esc(v))
          .append("</option>");
    }
    sb.append("</select></label>\n");
  }

  static String shorten(String s, int n) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
    return t.length() > n ? t.substring(0, n - 1) + "…" : t;
  }
}
