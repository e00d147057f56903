package dev.hwgrade.web;

import dev.hwgrade.grade.judge.JudgeEvidence;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Part;
import dev.hwgrade.report.html.Html;
import dev.hwgrade.review.Review;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One part of one model: the question, the key, the model's reasoning and final answer, the
 * graders' verdict with its evidence, where its review stands, and the form that settles it. Every
 * string a model or a key wrote goes through {@link Html}, which escapes it.
 */
final class PartPage {
  private PartPage() {}

  /** What the page needs besides the queue entry. */
  record Context(
      String title,
      ReviewQueue queue,
      Filter filter,
      Optional<Part> part,
      Optional<Answer> answer,
      String token,
      String reviewsVersion,
      String flash,
      List<String> loadProblems) {}

  static String href(ReviewQueue.Entry e, Filter f) {
    String q = f.query();
    return "/part?model="
        + Filter.enc(e.modelId())
        + "&part="
        + Filter.enc(e.part().id())
        + (q.isEmpty() ? "" : "&" + q);
  }

  static String render(ReviewQueue.Entry e, Context c) {
    StringBuilder sb = new StringBuilder();
    ShownPart p = e.part();
    List<ReviewQueue.Entry> list = c.queue().entries(c.filter());
    int i = list.indexOf(e);
    int[] progress = c.queue().progress();
    String queueHref = "/" + (c.filter().query().isEmpty() ? "" : "?" + c.filter().query());
    sb.append("<nav class=\"nav\">");
    if (i > 0) {
      sb.append("<a id=\"prev\" href=\"")
          .append(Html.esc(href(list.get(i - 1), c.filter())))
          .append("\">← previous</a> <span class=\"keys\">(k)</span> · ");
    }
    sb.append("<a id=\"queue\" href=\"").append(Html.esc(queueHref)).append("\">queue</a>");
    if (i >= 0 && i + 1 < list.size()) {
      sb.append(" · <a id=\"next\" href=\"")
          .append(Html.esc(href(list.get(i + 1), c.filter())))
          .append("\">next →</a> <span class=\"keys\">(n)</span>");
    }
    sb.append(" · <span id=\"progress\" class=\"progress\">")
        .append(progress[0])
        .append(" of ")
        .append(progress[1])
        .append(" settled</span>");
    if (i >= 0) {
      sb.append(" · part ").append(i + 1).append(" of ").append(list.size()).append(" listed");
    }
    sb.append("</nav>\n");
    problems(sb, c.loadProblems());
    sb.append("<h1>")
        .append(Html.esc(e.modelId()))
        .append(" · ")
        .append(Html.esc(c.part().map(Part::displayId).orElse(p.id())));
    c.part()
        .map(Part::title)
        .filter(t -> t != null && !t.isBlank())
        .ifPresent(t -> sb.append(" — ").append(Html.text(t)));
    sb.append("</h1>\n<p class=\"meta\">")
        .append(Html.esc(p.kind()))
        .append(" · weight ")
        .append(num(p.weight()))
        .append(e.group() == ReviewQueue.Group.OTHER ? "" : " · " + Html.esc(e.group().label));
    List<String> dis = c.queue().disagreement(p.id());
    if (!dis.isEmpty()) {
      sb.append(" (").append(Html.esc(String.join(", ", dis))).append(')');
    }
    sb.append("</p>\n");
    if (c.flash() != null) {
      sb.append("<p id=\"saved\" class=\"saved\">").append(Html.esc(c.flash())).append("</p>\n");
    }
    reviewStatus(sb, e);

    sb.append("<section class=\"question\"><h2>Question</h2>\n");
    if (c.part().isPresent()) {
      String q = c.part().get().question();
      sb.append(
          q == null || q.isBlank()
              ? "<p class=\"none\">(no question text)</p>\n"
              : Html.markdown(q));
    } else {
      sb.append("<p class=\"none\">This part is no longer in assignment.yaml.</p>\n");
    }
    sb.append("</section>\n");
    c.part().ifPresent(part -> key(sb, part.key()));

    sb.append("<section class=\"response\"><h2>The model's answer</h2>\n");
    Optional<Answer> a = c.answer();
    String reasoning = a.map(Answer::reasoning).orElse("");
    if (!reasoning.isBlank()) {
      sb.append("<div class=\"label\">Reasoning</div>\n<div id=\"reasoning\" class=\"reasoning\">")
          .append(Html.markdown(reasoning))
          .append("</div>\n");
    }
    sb.append(
        "<div class=\"label\">Final answer</div>\n<div id=\"final-answer\" class=\"answer\">");
    String fin = a.filter(Answer::hasFinalAnswer).map(Answer::finalAnswer).orElse(null);
    sb.append(
        fin != null
            ? Html.answer(fin)
            : p.stored().extracted().isBlank()
                ? "<p class=\"none\">(none)</p>\n"
                : Html.answer(p.stored().extracted()));
    sb.append(
            "</div>\n<div class=\"label\">Read by the grader as</div>\n<p><code id=\"extracted\">")
        .append(Html.esc(p.stored().extracted()))
        .append("</code></p>\n</section>\n");

    sb.append("<section class=\"grade\"><h2>The graders' verdict</h2>\n<p>")
        .append(Layout.badge(p.stored().automatic().id()));
    if (p.stored().verdict() != p.stored().automatic()) {
      sb.append(" → in force: ").append(Layout.badge(p.stored().verdict().id()));
    }
    sb.append(" score ")
        .append(p.score() == null ? "— (awaits review)" : num(p.score()))
        .append(p.confidence() == null ? "" : " · confidence " + num(p.confidence()))
        .append(" · grader ")
        .append(Html.esc(p.grader()))
        .append("</p>\n<p id=\"explanation\" class=\"explanation\">")
        .append(Html.text(p.stored().explanation()))
        .append("</p>\n");
    if (!p.evidence().isEmpty()) {
      sb.append("<div class=\"label\">Evidence</div>\n<ul class=\"evidence\">\n");
      for (String ev : p.evidence()) {
        sb.append("<li>").append(Html.text(ev)).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    if (p.evidence().stream().anyMatch(l -> l.startsWith(JudgeEvidence.HEADER))) {
      sb.append("<p><a id=\"judge-audit\" href=\"")
          .append(
              Html.esc("/judge?model=" + Filter.enc(e.modelId()) + "&part=" + Filter.enc(p.id())))
          .append("\">The judge's audit record</a> (its prompt, raw replies, model, tokens and")
          .append(" cost)</p>\n");
    }
    if (!p.diagnosis().isBlank()) {
      sb.append("<div class=\"label\">Diagnosis</div>\n<p>")
          .append(Html.text(p.diagnosis()))
          .append("</p>\n");
    }
    sb.append("</section>\n");
    form(sb, e, c);
    return Layout.page(e.modelId() + " " + p.id() + " — " + c.title(), sb.toString());
  }

  private static void reviewStatus(StringBuilder sb, ReviewQueue.Entry e) {
    ShownPart p = e.part();
    if (e.status() == ReviewQueue.Status.STALE) {
      String why =
          p.stored().staleReason() != null
              ? p.stored().staleReason()
              : "the answer or the key has changed since it was settled";
      sb.append("<p id=\"stale\" class=\"stale\"><strong>Stale review.</strong> ")
          .append(Html.esc(why))
          .append("</p>\n");
    }
    Optional<Review> r = e.latest();
    if (r.isPresent()) {
      Review rv = r.get();
      sb.append("<p id=\"review\" class=\"review s-")
          .append(e.status().name().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(Html.esc(e.status().label))
          .append(": ")
          .append(Layout.badge(rv.verdict().id()))
          .append(" score ")
          .append(num(rv.score()))
          .append(" by ")
          .append(Html.esc(rv.reviewer()))
          .append(" at ")
          .append(Html.esc(rv.at().toString()))
          .append(rv.comment().isBlank() ? "" : " — “" + Html.esc(rv.comment()) + "”")
          .append("</p>\n");
    }
  }

  private static void key(StringBuilder sb, Key k) {
    sb.append("<section class=\"key\"><h2>Key</h2>\n<div class=\"label\">Answer</div>\n")
        .append(Html.answer(k.answer()));
    if (!k.alternatives().isEmpty()) {
      sb.append("<div class=\"label\">Also accepted</div>\n<ul>\n");
      for (String alt : k.alternatives()) {
        sb.append("<li>").append(Html.text(alt)).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    if (!k.options().isEmpty()) {
      sb.append("<div class=\"label\">Options</div>\n<ul>\n");
      k.options()
          .forEach(
              (letter, text) ->
                  sb.append("<li>")
                      .append(Html.esc(letter))
                      .append(": ")
                      .append(Html.text(text))
                      .append("</li>\n"));
      sb.append("</ul>\n");
    }
    if (k.explanation() != null && !k.explanation().isBlank()) {
      sb.append("<div class=\"label\">Explanation</div>\n").append(Html.markdown(k.explanation()));
    }
    if (!k.keyPoints().isEmpty()) {
      sb.append("<div class=\"label\">Key points</div>\n<ul class=\"key-points\">\n");
      for (KeyPoint kp : k.keyPoints()) {
        sb.append("<li>")
            .append(Html.text(kp.text()))
            .append(kp.required() ? " <em>(required)</em>" : "")
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private static void form(StringBuilder sb, ReviewQueue.Entry e, Context c) {
    sb.append("<section class=\"settle\"><h2>Settle</h2>\n")
        .append("<form id=\"settle\" method=\"post\" action=\"/settle\">\n");
    hidden(sb, Guard.FIELD, c.token());
    hidden(sb, "model", e.modelId());
    hidden(sb, "part", e.part().id());
    hidden(sb, "version", c.reviewsVersion());
    c.filter().params().forEach((k, v) -> hidden(sb, k, v));
    sb.append("<p><label>Comment <span class=\"keys\">(m)</span><br><textarea id=\"comment\"")
        .append(" name=\"comment\" rows=\"2\" cols=\"70\"></textarea></label></p>\n<p>")
        .append(button("correct", "Correct", "c"))
        .append(button("partially_correct", "Partially correct", "p or 1–9"))
        .append("<label>score <input id=\"score\" name=\"score\" type=\"number\" min=\"0.01\"")
        .append(" max=\"0.99\" step=\"0.01\" value=\"0.5\"></label> ")
        .append(button("incorrect", "Incorrect", "i"))
        .append(button("unanswered", "Unanswered", "u"))
        .append("</p>\n</form>\n</section>\n");
  }

  private static String button(String verdict, String label, String key) {
    return "<button type=\"submit\" name=\"verdict\" value=\""
        + verdict
        + "\" id=\"settle-"
        + verdict
        + "\" class=\"v-"
        + verdict
        + "\">"
        + label
        + " <span class=\"keys\">("
        + Html.esc(key)
        + ")</span></button> ";
  }

  private static void hidden(StringBuilder sb, String name, String value) {
    sb.append("<input type=\"hidden\" name=\"")
        .append(Html.esc(name))
        .append("\" value=\"")
        .append(Html.esc(value))
        .append("\">\n");
  }

  static void problems(StringBuilder sb, List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    sb.append("<div class=\"problems\"><p>The assignment's files changed and no longer load; ")
        .append("showing them as they were. Fix these and reload:</p>\n<ul>\n");
    for (String s : problems) {
      sb.append("<li><code>").append(Html.esc(s)).append("</code></li>\n");
    }
    sb.append("</ul></div>\n");
  }

  static String num(double d) {
    if (d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "");
  }
}
