package dev.hwgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Math delimiters GitHub renders, and dollars that are prices. */
class MdMathTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '§',
      value = {
        // bare LaTeX that is mathematics gets inline dollars
        "a = 2.5\\,\\text{m/s}^2 § $a = 2.5\\,\\text{m/s}^2$",
        "\\det A = 10 § $\\det A = 10$",
        "\\{2, 5\\} § $\\{2, 5\\}$",
        "W_U W_E T § $W_U W_E T$",
        "2\\pi\\sqrt{L/g} § $2\\pi\\sqrt{L/g}$",
        "AB = \\begin{bmatrix} 4 & 9 \\\\ 2 & 7 \\end{bmatrix}"
            + " § $AB = \\begin{bmatrix} 4 & 9 \\\\ 2 & 7 \\end{bmatrix}$",
        // \( \) and \[ \] become dollars
        "\\(x^2\\) § $x^2$",
        // prose, plain quantities and answers with their own delimiters are left as written
        "Increase the rank \\(k\\) of A § Increase the rank $k$ of A",
        "I'm not sure, so I'll leave this one. § I'm not sure, so I'll leave this one.",
        "2.5 m/s^2 § 2.5 m/s^2",
        "(B) weber § (B) weber",
        "$x = 3$ § $x = 3$",
        "$5 \\times 10^3$ J § $5 \\times 10^3$ J",
        // prices are not formulas
        "$0.42 vs $2.78 § \\$0.42 vs \\$2.78",
        "$45k § \\$45k",
        "costs $5 and $10. § costs \\$5 and \\$10.",
      })
  void answers(String in, String out) {
    assertThat(MdMath.answer(in)).isEqualTo(out);
  }

  @Test
  void displayMathOnItsOwnLinesStaysOnItsOwnLines() {
    assertThat(MdMath.text("First:\n\\[\n a = b\n\\]\nthen \\(c\\)."))
        .isEqualTo("First:\n$$\na = b\n$$\nthen $c$.");
    assertThat(MdMath.text("inline \\[x\\] here")).isEqualTo("inline $$x$$ here");
    assertThat(MdMath.answer("\\[ \\frac{1}{2} \\]")).isEqualTo("$$\n\\frac{1}{2}\n$$");
  }

  @Test
  void anUnclosedDelimiterIsLeftAndALoneDollarEscaped() {
    assertThat(MdMath.text("\\( x and $y")).isEqualTo("\\( x and \\$y");
    assertThat(MdMath.text("$$ never closed")).isEqualTo("\\$\\$ never closed");
    assertThat(MdMath.text("code `$x` stays")).isEqualTo("code `$x` stays");
  }
}
