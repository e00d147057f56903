package dev.hwgrade.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.ReportFolder;
import dev.hwgrade.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String HREF = "$\\href{javascript:alert(1)}{x}$";
  static final String LINK = "[x](javascript:alert(1))";

  private static Part part(String id, String problem, Kind kind, String q, Key key) {
    return new Part(id, problem, null, q, kind.id(), 2.0, key, SourceLocation.UNKNOWN);
  }

  /** Four parts: correct, incorrect with hostile text, needs review, unanswered. */
  static Analysis analysis(String model, Verdict second) {
    Part a =
        part(
            "1.a",
            "1",
            Kind.NUMERIC,
            "Find the speed $v$ when \\(E = \\tfrac12 m v^2\\).",
            Key.builder(Kind.NUMERIC)
                .answer("5 m/s")
                .explanation("Solve $$v=\\sqrt{2E/m}$$")
                .build());
    Part b =
        part(
            "1.b",
            "1",
            Kind.TEXT,
            "Explain why *entropy* rises.",
            Key.builder(Kind.TEXT)
                .answer("Heat flows from hot to cold.")
                .keyPoints(List.of(KeyPoint.of("heat flows from hot to cold", true)))
                .build());
    Part c =
        part(
            "2.a",
            "2",
            Kind.EXPRESSION,
            "Write \\[x^2<y\\] in terms of $k$.",
            Key.of(Kind.EXPRESSION, "k(m+l)"));
    Part d = part("2.b", "2", Kind.NUMERIC, "Give $n$.", Key.of(Kind.NUMERIC, "3"));
    Assignment as =
        new Assignment(
            "hw1",
            "Homework <1>",
            List.of(
                new Problem("1", "Energy", List.of(a, b)),
                new Problem("2", "Algebra", List.of(c, d))));
    String hostile = SCRIPT + " " + IMG + " " + HREF + " " + LINK;
    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("1.a", new Answer("1.a", "Using $v=\\sqrt{2E/m}$ we get", "$v = 5$ m/s", null));
    answers.put("1.b", new Answer("1.b", "Reasoning: " + hostile, hostile, null));
    answers.put("2.a", new Answer("2.a", "", "$k(m+l)$", null));
    Response r = new Response(model, model + " <b>name</b>", "r.md", answers);
    List<PartResult> results = new ArrayList<>();
    results.add(
        new PartResult(
            a,
            answers.get("1.a"),
            Grade.of(Verdict.CORRECT, 1, 1, "5 m/s", "5 m/s equals the key 5 m/s", "numeric")));
    results.add(
        new PartResult(
            b,
            answers.get("1.b"),
            Grade.of(
                second,
                second == Verdict.CORRECT ? 1 : 0,
                1,
                hostile,
                "misses: " + SCRIPT,
                "text")));
    results.add(
        new PartResult(
            c,
            answers.get("2.a"),
            Grade.needsReview("k(m+l)", "could not parse " + IMG, "expression")));
    results.add(
        new PartResult(d, null, Grade.of(Verdict.UNANSWERED, 0, 1, "", "no answer", "none")));
    return Analyzer.analyze(as, r, results, Instant.parse("2026-01-02T03:04:05Z"));
  }

  private static Document html(String s) {
    // A strict parse as XML would reject the HTML5 void elements; jsoup parses as a browser does
    // and reports errors, which must be none.
    org.jsoup.parser.Parser p = Parser.htmlParser().setTrackErrors(100);
    Document d = Jsoup.parse(s, "", p);
    assertTrue(p.getErrors().isEmpty(), () -> "HTML errors: " + p.getErrors());
    return d;
  }

  static void assertInert(Document d) {
    assertEquals(1, d.select("script[src]").size(), "only the MathJax script is loaded");
    assertEquals(2, d.select("script").size(), "the MathJax config and script only");
    for (Element e : d.getAllElements()) {
      assertFalse("img".equals(e.tagName()), "no image: " + e);
      for (Attribute at : e.attributes()) {
        assertFalse(at.getKey().toLowerCase().startsWith("on"), "event attribute on " + e);
        assertFalse(at.getValue().toLowerCase().contains("javascript:"), "javascript: URL in " + e);
        if (at.getKey().equals("src") || at.getKey().equals("href")) {
          assertFalse(at.getValue().matches("(?i)^\\s*(https?:)?//.*"), "network URL in " + e);
        }
      }
    }
    assertFalse(d.outerHtml().contains("http://"), "no http:// anywhere");
    assertFalse(d.outerHtml().contains("https://"), "no https:// anywhere");
  }

  @Test
  void everyPartHasQuestionKeyAnswerAndBadge() {
    Analysis a = analysis("m1", Verdict.INCORRECT);
    Document d = html(HtmlReport.render(a, "1.0", "../assets/"));
    for (PartResult r : a.results()) {
      Element p = d.getElementById("part-" + r.part().id());
      assertNotNull(p, r.part().id());
      assertEquals(1, p.select(".question").size());
      assertEquals(1, p.select(".key").size());
      assertEquals(
          1, p.select(".verdict .badge[data-verdict=" + r.grade().verdict().id() + "]").size());
      assertTrue(p.select(".answer").size() == 1, r.part().id());
    }
    assertTrue(d.getElementById("part-1.b").select(".key-points li").text().contains("heat flows"));
    assertTrue(d.getElementById("part-1.a").select(".points").text().contains("2 / 2 points"));
    assertTrue(d.getElementById("part-2.a").select(".points").text().contains("awaiting review"));
    assertTrue(
        d.select(".score")
            .text()
            .contains("33.3% of 3 decided parts; 1 awaits review; final score between 25% and 50%"),
        d.select(".score").text());
  }

  @Test
  void mathSpansReachMathJaxIntact() {
    Document d = html(HtmlReport.render(analysis("m1", Verdict.INCORRECT), "1.0", "../assets/"));
    List<String> math = d.select("span.math").eachText();
    assertTrue(math.contains("\\(E = \\tfrac12 m v^2\\)"), math.toString());
    assertTrue(math.contains("$$v=\\sqrt{2E/m}$$"), math.toString());
    assertTrue(math.contains("\\[x^2<y\\]"), math.toString());
    assertTrue(math.contains("$k(m+l)$"), math.toString());
    assertTrue(math.contains(HREF), math.toString());
    assertTrue(d.body().hasClass("mj-ignore"));
  }

  @Test
  void hostileAnswersAreInertText() {
    Document d = html(HtmlReport.render(analysis("m1", Verdict.INCORRECT), "1.0", "../assets/"));
    assertInert(d);
    Element b = d.getElementById("part-1.b");
    assertTrue(b.select(".answer").text().contains(SCRIPT), b.select(".answer").text());
    assertTrue(b.select(".answer").text().contains(IMG));
    assertTrue(d.select("h1").text().contains("Homework <1>"));
  }

  @Test
  void chartsCarryTheCounts() {
    Document d = html(HtmlReport.render(analysis("m1", Verdict.INCORRECT), "1.0", "../assets/"));
    Element v = d.selectFirst("svg.verdicts");
    assertNotNull(v);
    assertEquals("1", v.selectFirst("g[data-verdict=correct]").attr("data-count"));
    assertEquals("1", v.selectFirst("g[data-verdict=incorrect]").attr("data-count"));
    assertEquals("1", v.selectFirst("g[data-verdict=needs_review]").attr("data-count"));
    assertEquals("1", v.selectFirst("g[data-verdict=unanswered]").attr("data-count"));
    assertEquals("0", v.selectFirst("g[data-verdict=partially_correct]").attr("data-count"));
    assertEquals(2, d.select("svg.scores").size());
    assertEquals(2, d.select("svg.scores").get(0).select("g.bar").size(), "two problems");
  }

  @Test
  void writtenWithAssetsBesideThem(@TempDir Path dir) throws Exception {
    try (ReportFolder f = ReportFolder.open(dir)) {
      List<Path> files = ReportWriter.write(f, analysis("m1", Verdict.INCORRECT), "1.0");
      assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("report.html")));
    }
    Path html = dir.resolve("reports/m1/report.html");
    Document d = html(Files.readString(html));
    for (Element e : d.select("[src]")) {
      String src = e.attr("src");
      assertTrue(src.startsWith("../assets/"), src);
      assertTrue(Files.isRegularFile(html.getParent().resolve(src).normalize()), src);
    }
    Path fonts = dir.resolve("reports/assets/mathjax/output/chtml/fonts/woff-v2");
    assertTrue(Files.isRegularFile(fonts.resolve("MathJax_Main-Regular.woff")));
    assertEquals(0, Assets.copyTo(dir.resolve("reports/assets")), "copied once");
  }

  @Test
  void indexPutsSplitPartsFirst() {
    List<Analysis> both =
        List.of(analysis("m1", Verdict.INCORRECT), analysis("m2", Verdict.CORRECT));
    Document d = html(HtmlIndex.render(both, "1.0"));
    assertInert(d);
    List<Element> rows = d.select("table.grid tbody tr");
    assertEquals(4, rows.size());
    assertEquals("1.b", rows.get(0).attr("data-part"));
    assertEquals("split", rows.get(0).className());
    assertEquals(1, d.select("table.grid tr.split").size());
    assertEquals(2, d.select("svg.scores g.bar").size());
    assertEquals("m1/report.html", d.select("table.models a").get(0).attr("href"));
    assertTrue(d.select("table.models").text().contains("m1 <b>name</b>"));
    assertEquals("assets/" + Assets.MATHJAX_SCRIPT, d.selectFirst("script[src]").attr("src"));
  }

  @Test
  void markdownLinksAndImagesAreSafe() {
    String h =
        Html.markdown(
            "see [a](javascript:alert(1)) and ![pic](https://example.org/x.png) <b>b</b>");
    Document d = html(h);
    assertTrue(d.select("img").isEmpty());
    assertFalse(h.contains("javascript:alert(1)\""), h);
    assertFalse(h.contains("https://"), h);
    assertTrue(d.text().contains("<b>b</b>"), d.text());
  }

  @Test
  void bareLatexAnswerIsTypesetWhole() {
    assertEquals(
        "<p><span class=\"math\">\\(T = 2\\pi\\sqrt{\\frac{L}{g}} &lt; 1\\)</span></p>\n",
        Html.answer("T = 2\\pi\\sqrt{\\frac{L}{g}} < 1"));
    assertFalse(Html.answer("35.3 m").contains("math"));
    assertFalse(Html.answer("<script>x</script>\\alpha").contains("<script>"));
  }

  @Test
  void currencyIsNotMath() {
    assertTrue(Html.text("costs $5 and $10").indexOf("class=\"math\"") < 0);
    assertTrue(Html.text("with $x$ here").contains("<span class=\"math\">$x$</span>"));
  }
}
