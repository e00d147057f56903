package dev.hwgrade.latex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How notation is normalised before parsing. */
class LatexCleanerTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\\boxed{\\dfrac{1}{2}}|\\frac{1}{2}",
        "\\left( \\frac13 \\right)|( \\frac{1}{3} )",
        "7,425,000|7425000",
        "11,\\! 111|11111",
        "14{,}916|14916",
        "1 000|1000",
        "1,22|1.22",
        "1,2|1,2",
        "28 percent|28%",
        "90^\\circ|90°",
        "x \\leq 2|x ≤ 2",
        "3 \\cdot 4 \\times 5|3 * 4 * 5",
        "\\frac{1}{3} \\text{meters}|\\frac{1}{3}",
        "125 miles|125",
        "W_QK|W_{QK}",
        "N_{\\text{opt}}|N_{opt}",
        "6 \\text{ and } 8|6 , 8",
        "{}_6C_3|\\binom{6}{3}",
        "{6 \\choose 3}|\\binom{6 }{ 3}",
        "0.333\\ldots|\\frac{30}{90}",
        "x \\in \\mathbb{R}|x ∈ (- ∞, ∞)",
        "20^\\circ C|20",
        "5 \\mathrm{~cm}|5",
      })
  void normalises(String input, String expected) {
    assertThat(LatexCleaner.clean(input)).isEqualTo(expected);
  }
}
