package dev.hwgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Whatever Markdown, LaTeX and HTML a model mixes into its reasoning and final answer, report.md
 * holds no raw HTML and no image, the model's text adds no heading to the report's outline, and the
 * report's own sections still follow it.
 */
class MarkdownReportPropertyTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "<!--",
          "-->",
          "<details>",
          "![x](http://evil.example/t.png)",
          "[a]: http://evil.example",
          "```",
          "~~~",
          "$$",
          "$",
          "\\(",
          "\\)",
          "\\[",
          "\\]",
          "| a | b |",
          "|---|---|",
          "- item",
          "1. step",
          "# Heading",
          "---",
          "===",
          "> quote",
          "    indented",
          "**Final answer:**",
          "\\frac{1}{2}",
          "x^2",
          "$0.42",
          "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}",
          "text",
          " ",
          "\n",
          "\n\n");

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  /** Found by the property: a long final answer opening with {@code #} was a heading. */
  @Example
  void aFinalAnswerOpeningWithAHashIsNoHeading() {
    modelTextStaysInert("", "# Heading" + "<script>alert(1)</script>".repeat(5));
  }

  @Property(tries = 300)
  void modelTextStaysInert(
      @ForAll("hostile") String reasoning, @ForAll("hostile") String finalAnswer) {
    String md =
        MarkdownReport.render(
            MarkdownReportTest.analysis(reasoning, finalAnswer, Verdict.INCORRECT), "test");
    List<Node> bad = new ArrayList<>();
    List<String> headings = new ArrayList<>();
    Parser.builder()
        .build()
        .parse(md)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(HtmlBlock n) {
                bad.add(n);
              }

              @Override
              public void visit(HtmlInline n) {
                bad.add(n);
              }

              @Override
              public void visit(Image n) {
                bad.add(n);
              }

              @Override
              public void visit(Heading n) {
                headings.add(
                    n.getLevel()
                        + ":"
                        + (n.getParent() == null ? "" : n.getParent().getClass().getSimpleName()));
              }
            });
    assertThat(bad).isEmpty();
    assertThat(headings).allMatch(h -> h.endsWith(":Document"));
    assertThat(md).contains("## Error analysis").contains("## Conclusion");
  }
}
