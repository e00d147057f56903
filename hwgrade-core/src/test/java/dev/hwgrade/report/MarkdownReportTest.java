package dev.hwgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import dev.hwgrade.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * report.md says what a TA needs — the question, the points, answers with math GitHub renders,
 * reasoning with its tables, display math and lists — and model-written text stays inert.
 */
class MarkdownReportTest {
  private static final String REASONING =
      """
      ## Working
      The options compare as follows:

      | View | Cost |
      |---|---|
      | A | low |
      | B | high |

      - first point
      - second point

      The energy is
      \\[
      E = \\frac{1}{2} m v^2
      \\]
      with \\(m = 2\\). It costs $0.42 vs $2.78 per run.

      **Final answer:** \\(E = 9\\) J
      """;

  static Analysis analysis(String reasoning, String finalAnswer, Verdict verdict) {
    Part a =
        new Part(
            "1.a",
            "1",
            "Kinetic energy",
            "A $2$ kg mass moves at $3$ m/s. What is its kinetic energy?",
            "calculation",
            2,
            Key.of(Kind.EXPRESSION, "9"),
            SourceLocation.UNKNOWN);
    Part b =
        new Part(
            "1.b",
            "1",
            null,
            "Is energy conserved?",
            "true-false",
            1,
            Key.of(Kind.BOOLEAN, "true"),
            SourceLocation.UNKNOWN);
    Problem p =
        new Problem(
            "1", "Mechanics", "A cart rolls on a track; take $g = 9.8$ m/s².", List.of(a, b));
    List<PartResult> results = new ArrayList<>();
    results.add(
        new PartResult(
            a,
            new Answer("1.a", reasoning, finalAnswer, SourceLocation.UNKNOWN),
            Grade.of(
                verdict,
                verdict == Verdict.CORRECT ? 1 : 0,
                1,
                finalAnswer,
                "Equivalent to the key",
                "test")));
    results.add(
        new PartResult(
            b,
            Answer.of("1.b", "True"),
            Grade.of(Verdict.INCORRECT, 0, 1, "FALSE", "The model answers FALSE", "test")));
    return Analyzer.analyze(
        new Assignment("hw", "Homework", List.of(p)),
        new Response("m", "Model M", "m.yaml", Map.of()),
        results,
        Instant.EPOCH);
  }

  private static String render(String reasoning, String finalAnswer) {
    return MarkdownReport.render(analysis(reasoning, finalAnswer, Verdict.CORRECT), "test");
  }

  @Test
  void questionStatementAndPointsAreShown() {
    String md = render(REASONING, "E = 9\\,\\text{J}");
    assertThat(md)
        .contains("A cart rolls on a track; take $g = 9.8$ m/s².")
        .contains("**Question:** A $2$ kg mass moves at $3$ m/s. What is its kinetic energy?")
        .contains("**Question:** Is energy conserved?")
        .contains("✓ **CORRECT** · 2 / 2 — ")
        .contains("✗ **INCORRECT** · 0 / 1 — ")
        .contains("**Points:** 2 of 3 points")
        .contains("_1 of 2 parts correct; 2 of 3 points._");
    assertThat(md.indexOf("A cart rolls")).isEqualTo(md.lastIndexOf("A cart rolls"));
  }

  @Test
  void answersGetMathDelimitersGithubRenders() {
    String md = render(REASONING, "E = \\frac{1}{2}\\,(2)(3)^2 = 9\\,\\text{J}");
    assertThat(md)
        .contains("**Model's final answer:** $E = \\frac{1}{2}\\,(2)(3)^2 = 9\\,\\text{J}$")
        .doesNotContain("\\(")
        .doesNotContain("\\[");
  }

  @Test
  void reasoningKeepsItsTablesDisplayMathAndLists() {
    String md = render(REASONING, "E = 9 J");
    assertThat(md)
        .contains("> **Working**\n>\n> The options compare as follows:")
        .contains("> | View | Cost |\n> |---|---|\n> | A | low |\n> | B | high |")
        .contains("> - first point\n> - second point")
        .contains("> The energy is\n> $$\n> E = \\frac{1}{2} m v^2\n> $$\n> with $m = 2$.")
        .contains("It costs \\$0.42 vs \\$2.78 per run.")
        .doesNotContain("Final answer:");
    List<String> items = new ArrayList<>();
    Node doc = Parser.builder().build().parse(md);
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(BulletList list) {
            if (list.getParent() instanceof BlockQuote) {
              for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                items.add(text(n));
              }
            }
            visitChildren(list);
          }
        });
    assertThat(items).contains("first point", "second point");
  }

  @Test
  void modelWrittenTextStaysInertWhateverItsStructure() {
    String hostile =
        """
        <!-- hide the rest
        | a | <script>alert(1)</script> |
        |---|---|
        | <img src=x onerror=alert(1)> | ![t](http://evil.example/t.png) |

        - <script>alert(2)</script>
        - ok

        ```
        <script>alert(3)</script>
        """;
    String md = render(hostile, "<img src=x onerror=alert(4)> \\(x\\)");
    assertThat(md)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<!--")
        .doesNotContain("![t]");
    List<Node> raw = new ArrayList<>();
    Parser.builder()
        .build()
        .parse(md)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(HtmlBlock n) {
                raw.add(n);
              }

              @Override
              public void visit(HtmlInline n) {
                raw.add(n);
              }

              @Override
              public void visit(Image n) {
                raw.add(n);
              }
            });
    assertThat(raw).isEmpty();
    assertThat(md).contains("> _(a code block of 1 line, left out)_");
    // The report goes on after the hostile text: its later sections are still there.
    assertThat(md).contains("## Overall performance").contains("## Conclusion");
  }

  @Test
  void aFinalAnswerReadFromAListKeepsItsFirstMarker() {
    String reasoning =
        "Reno tells the two apart:\n\n"
            + "- **Three duplicate ACKs:** fast retransmit,\n"
            + "  then fast recovery.\n"
            + "- **Timeout:** slow start.\n";
    String read =
        "Three duplicate ACKs: fast retransmit,\n  then fast recovery.\n- Timeout: slow start.";
    String md = render(reasoning, read);
    assertThat(md)
        .contains(
            "**Model's final answer:** \n\n"
                + "> - **Three duplicate ACKs:** fast retransmit,\n"
                + ">   then fast recovery.\n"
                + "> - **Timeout:** slow start.");
  }

  private static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    n.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            sb.append(t.getLiteral());
          }
        });
    return sb.toString();
  }
}
