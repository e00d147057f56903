package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Problem 5 (Fermi estimation) of the EECS 182 homework 11 analysis that hwgrade's report is
 * modelled on: every numeric figure of its table, graded as that analysis grades it — all correct
 * except 5(g) activation memory (~9 MB against 2.4 MB per token) and 5(j) inference cost ($0.42
 * against $2.78 per 1M tokens), both partially correct, with the causes the analysis names. Keys
 * use a course's Fermi tolerances: 25% for correct, a factor 10 for partial credit.
 */
class Eecs182ProblemFiveTest {
  private static final NumericGrader GRADER = new NumericGrader(GradingOptions.DEFAULT);

  private static Key fermi(String answer) {
    return Key.builder(Kind.NUMERIC).answer(answer).tolerance(0.25).partialWithin(10.0).build();
  }

  static Stream<Arguments> correctFigures() {
    return Stream.of(
        Arguments.of(
            "5.c compute", "1e30 FLOPs", "$C = 10^{30}$ FLOPs, $D = 1.7 \\times 10^{15}$ tokens"),
        Arguments.of(
            "5.c data", "1.7e15 tokens", "$C = 10^{30}$ FLOPs, $D = 1.7 \\times 10^{15}$ tokens"),
        Arguments.of(
            "5.d books", "6 billion books", "~6 billion books, ~350x the Library of Congress"),
        Arguments.of("5.d library", "350", "~6 billion books, ~350x the Library of Congress"),
        Arguments.of("5.e memory", "200 TB", "200 TB, which needs ~2000 H200 GPUs"),
        Arguments.of("5.e GPUs", "2000 GPUs", "200 TB, which needs ~2000 H200 GPUs"),
        Arguments.of("5.f SSD", "SSD: $10,000/year", "SSD: ~\\$10,000/year DRAM: ~\\$800,000/year"),
        Arguments.of(
            "5.f DRAM", "DRAM: $800,000/year", "SSD: ~\\$10,000/year DRAM: ~\\$800,000/year"),
        Arguments.of(
            "5.g GPT-6 latency",
            "GPT-6: 41.7 s/token",
            "GPT-6: ~41.7 sec/token GPT-3: ~73 ms/token"),
        Arguments.of(
            "5.g GPT-3 latency",
            "GPT-3: 73 ms/token",
            "GPT-6: ~41.7 sec/token GPT-3: ~73 ms/token"),
        Arguments.of("5.h cost", "$210 billion", "GPT-6: ~\\$210 billion, ~195 days with 30M GPUs"),
        Arguments.of("5.h time", "195 days", "GPT-6: ~\\$210 billion, ~195 days with 30M GPUs"),
        Arguments.of("5.k Landauer", "3.5 million", "3.5 million x theoretical min"),
        Arguments.of("5.l carbon cost", "$62k", "~\\$62k carbon cost (~1%)"),
        Arguments.of("5.l share", "1%", "~\\$62k carbon cost (~1%)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctFigures")
  void figuresTheAnalysisMarksCorrectAreCorrect(String name, String key, String response) {
    Grade g = GRADER.grade(Part.adHoc(name, "", fermi(key)), Answer.of(name, response));
    assertThat(g.verdict()).as(g.toString()).isEqualTo(Verdict.CORRECT);
    assertThat(g.diagnosis()).isNull();
  }

  @Test
  void activationMemoryIsPartiallyCorrectAndPointsToStoringQkvAndOutput() {
    Key key =
        Key.builder(Kind.NUMERIC)
            .answer("2.4 MB/token")
            .tolerance(0.25)
            .partialWithin(10.0)
            .explanation(
                "Per token each layer keeps 96 heads of dimension 128 at 16-bit: $96 \\times 96 \\times 128 ="
                    + " 1,179,648$ values, $\\times 2$ bytes $= 2,359,296$ bytes, about 2.4 MB per token; a 350 GB"
                    + " budget then holds about 150,000 tokens.")
            .build();
    Part part =
        Part.adHoc(
            "5.g",
            "Estimate the activation memory per token that attention must keep for GPT-3 (96 layers, 96 heads,"
                + " head dimension 128, 16-bit), and how many tokens fit in 350 GB.",
            key);
    Answer answer =
        new Answer(
            "5.g",
            "For each of the 96 layers we store the activations of 96 heads × 128 dimensions at 2 bytes. "
                + "Counting the attention inputs and output this is about 9.4 MB, so ~9 MB per token and "
                + "~39,000 tokens for the batch.",
            "~9 MB per token",
            null);
    Grade g = GRADER.grade(part, answer);
    assertThat(g.verdict()).isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(g.score()).isEqualTo(0.5);
    assertThat(g.extracted()).contains("9 MB");
    assertThat(g.diagnosis())
        .contains("3.75×", "higher", "about 4×", "consistent with", "Q, K, V and the output");
  }

  @Test
  void inferenceCostIsPartiallyCorrectAndPointsToPeakAgainstAssumedThroughput() {
    Key key =
        Key.builder(Kind.NUMERIC)
            .answer("$2.78 per 1M tokens")
            .tolerance(0.25)
            .partialWithin(10.0)
            .explanation(
                "An H200 sustains about $1.08 \\times 10^{18}$ FLOPs per hour (0.3 PF/s, roughly 15% of peak)."
                    + " Generating 1M tokens with GPT-6 takes $3 \\times 10^{18}$ FLOPs, about 2.78 GPU-hours,"
                    + " so about \\$2.78 at \\$1 per GPU-hour.")
            .build();
    Part part =
        Part.adHoc(
            "5.j",
            "An H200 (peak 1.98 PF/s) rents for \\$1 per hour. Estimate the cost of generating 1M tokens.",
            key);
    Answer answer =
        new Answer(
            "5.j",
            "At the H200's 1.98 PF/s, $3 \\times 10^{18}$ FLOPs take about 1,515 s = 0.42 hours, so the cost"
                + " is \\$0.42 for 1M tokens.",
            "\\$0.42 for 1M tokens",
            null);
    Grade g = GRADER.grade(part, answer);
    assertThat(g.verdict()).isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(g.extracted()).contains("0.42");
    assertThat(g.diagnosis())
        .contains("6.62×", "lower", "consistent with", "1.98 PF/s", "0.3 PF/s");
  }
}
