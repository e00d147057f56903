package dev.hwgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.analyze.Samples;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.AskUsage;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.html.HtmlReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The usage and samples sections of report.md, report.html and results.json. */
class UsageAndSamplesSectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Part A = part("1.a");
  private static final Part B = part("1.b");
  private static final Assignment ASSIGNMENT =
      new Assignment("hw", "Homework", List.of(new Problem("1", "Kinematics", List.of(A, B))));

  private static Part part(String id) {
    return new Part(id, "1", null, "How fast?", null, 1, Key.of(Kind.NUMERIC, "5 m/s"), null);
  }

  private static Grade correct() {
    return Grade.of(Verdict.CORRECT, 1, 1, "5 m/s", "5 m/s equals the key 5 m/s", "numeric");
  }

  private static Grade wrong() {
    return Grade.of(Verdict.INCORRECT, 0, 1, "4 m/s", "4 m/s is not the key 5 m/s", "numeric");
  }

  private static Analysis analysis(AskUsage usage) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("1.a", new Answer("1.a", "", "5 m/s", null));
    answers.put("1.b", new Answer("1.b", "", "4 m/s", null));
    Response r = new Response("local", "fake-7b", "local.yaml", answers, Map.of(), usage);
    return Analyzer.analyze(
        ASSIGNMENT,
        r,
        List.of(
            new PartResult(A, answers.get("1.a"), correct()),
            new PartResult(B, answers.get("1.b"), wrong())),
        Instant.parse("2026-01-02T03:04:05Z"));
  }

  private static AskUsage usage(String provider, Double cost, Double in, Double out) {
    return new AskUsage(
        provider, 12, 2, 12_400, 2_400, cost, in, out, List.of(800L, 1200L), 3, 1, 0);
  }

  @Test
  void noUsageNoSamplesNoSections() throws Exception {
    Analysis a = analysis(null);
    assertThat(MarkdownReport.render(a, "test"))
        .doesNotContain("Usage and cost")
        .doesNotContain("## Samples");
    assertThat(HtmlReport.render(a, "test", "assets/"))
        .doesNotContain("id=\"usage\"")
        .doesNotContain("id=\"samples\"");
    JsonNode n = JSON.readTree(JsonResults.render(a));
    assertThat(n.has("usage")).isFalse();
    assertThat(n.has("samples")).isFalse();
  }

  @Test
  void usageWithPricesGivesTheTotalsAndTheCost() throws Exception {
    Analysis a = analysis(usage("openai-compatible", 0.0172, 1.0, 2.0));
    String md = MarkdownReport.render(a, "test");
    assertThat(md)
        .contains("## Usage and cost")
        .contains("| Replies | 12 |")
        .contains("| of them from the reply cache | 2 |")
        .contains("| Input tokens | 12,400 |")
        .contains("| Output tokens | 2,400 |")
        .contains("| Cost | $0.0172 |")
        .contains("| Mean latency | 1,000 ms |")
        .contains("| 95th percentile latency | 1,200 ms |")
        .contains("| Retries | 3 |")
        .contains("| Failed after retries | 1 |")
        .contains("Cost at $1.00 per million input tokens and $2.00 per million output tokens.");
    // after the totals, before the findings
    assertThat(md.indexOf("## Usage and cost"))
        .isGreaterThan(md.indexOf("## Overall performance"))
        .isLessThan(md.indexOf("## Key findings"));
    JsonNode u = JSON.readTree(JsonResults.render(a)).path("usage");
    assertThat(u.path("replies").asInt()).isEqualTo(12);
    assertThat(u.path("cached").asInt()).isEqualTo(2);
    assertThat(u.path("inputTokens").asLong()).isEqualTo(12_400);
    assertThat(u.path("outputTokens").asLong()).isEqualTo(2_400);
    assertThat(u.path("costUsd").asDouble()).isEqualTo(0.0172);
    assertThat(u.path("pricePerMillionTokens").path("input").asDouble()).isEqualTo(1.0);
    assertThat(u.path("latencyMsMean").asDouble()).isEqualTo(1000.0);
    assertThat(u.path("latencyMsP95").asLong()).isEqualTo(1200);
    assertThat(u.path("retries").asInt()).isEqualTo(3);
    assertThat(u.path("failed").asInt()).isEqualTo(1);
  }

  @Test
  void usageWithoutPricesSaysSoAndTheJsonCostIsNull() throws Exception {
    Analysis a = analysis(usage(null, null, null, null));
    assertThat(MarkdownReport.render(a, "test"))
        .contains("| Cost | unknown (no prices) |")
        .contains("No prices were given for this model");
    JsonNode u = JSON.readTree(JsonResults.render(a)).path("usage");
    assertThat(u.path("costUsd").isNull()).isTrue();
    assertThat(u.has("pricePerMillionTokens")).isFalse();
  }

  @Test
  void theHtmlSectionEscapesWhatTheResponseFileSays() {
    Analysis a = analysis(usage("<script>alert(1)</script>", 0.5, null, null));
    String html = HtmlReport.render(a, "test", "assets/");
    assertThat(html)
        .contains("<section id=\"usage\"><h2>Usage and cost</h2>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)")
        .contains("<th>Cost</th><td class=\"num\">$0.5000</td>");
  }

  @Test
  void samplesGiveTheMeanWithItsIntervalAndPerPartShareAndMajority() throws Exception {
    Samples.Summary s =
        new Samples.Summary(
            "local",
            3,
            List.of(
                new Samples.PartSamples(A, List.of(correct(), correct(), wrong()), Verdict.CORRECT),
                new Samples.PartSamples(B, List.of(wrong(), correct()), null)),
            0.5833,
            0.25,
            0.9);
    Analysis a = analysis(null).withSamples(s);
    String md = MarkdownReport.render(a, "test");
    assertThat(md)
        .contains("## Samples")
        .contains("Each part was asked up to 3 times")
        .contains("Mean score 58.3% (95% interval 25%–90%)")
        .contains("| 1(a) | 3 | 2 | 66.7% | ✓ correct |")
        .contains("| 1(b) | 2 | 1 | 50% | none (a tie) |");
    String html = HtmlReport.render(a, "test", "assets/");
    assertThat(html)
        .contains("<section id=\"samples\">")
        .contains("<td>1(a)</td><td class=\"num\">3</td><td class=\"num\">2</td>");
    JsonNode j = JSON.readTree(JsonResults.render(a)).path("samples");
    assertThat(j.path("samplesPerPart").asInt()).isEqualTo(3);
    assertThat(j.path("mean").asDouble()).isEqualTo(0.5833);
    assertThat(j.path("low").asDouble()).isEqualTo(0.25);
    assertThat(j.path("high").asDouble()).isEqualTo(0.9);
    JsonNode b = j.path("parts").path(1);
    assertThat(b.path("id").asText()).isEqualTo("1.b");
    assertThat(b.path("samples").asInt()).isEqualTo(2);
    assertThat(b.path("correct").asInt()).isEqualTo(1);
    assertThat(b.path("shareCorrect").asDouble()).isEqualTo(0.5);
    assertThat(b.path("majority").isNull()).isTrue();
  }

  @Test
  void samplesOfWhichNoneWasDecidedHaveNoMean() throws Exception {
    Samples.Summary s =
        new Samples.Summary(
            "local",
            2,
            List.of(
                new Samples.PartSamples(
                    A,
                    List.of(
                        Grade.needsReview("?", "unreadable", "numeric"),
                        Grade.needsReview("?", "unreadable", "numeric")),
                    Verdict.NEEDS_REVIEW)),
            Double.NaN,
            Double.NaN,
            Double.NaN);
    Analysis a = analysis(null).withSamples(s);
    assertThat(MarkdownReport.render(a, "test"))
        .contains("No sample was decided, so there is no mean score yet.");
    JsonNode j = JSON.readTree(JsonResults.render(a)).path("samples");
    assertThat(j.path("mean").isNull()).isTrue();
    assertThat(j.path("low").isNull()).isTrue();
  }
}
