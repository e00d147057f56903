package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the scanner tells results from inputs, names and factors. */
class QuantityScannerTest {
  private static List<Amount> scan(String text) {
    return QuantityScanner.shared().scan(text).amounts();
  }

  @Test
  void numbersInsideNamesAndAdjectivesAreNotQuantities() {
    assertThat(scan("GPT-4 on an H200 with fp16 and 16-bit weights, see (b)")).isEmpty();
  }

  @Test
  void factorsOfAProductAreOperandsAndTheResultIsAStatedResult() {
    List<Amount> a = scan("96 × 96 × 128 × 2 bytes ≈ 2.4 MB");
    assertThat(a).hasSize(5);
    assertThat(a.subList(0, 4)).allMatch(Amount::operand);
    Amount last = a.get(4);
    assertThat(last.operand()).isFalse();
    assertThat(last.relation()).isEqualTo(2);
    assertThat(last.unit().label()).isEqualTo("MB");
  }

  @Test
  void approximationMarksAreWeakAndEqualsIsStrong() {
    assertThat(scan("about 3 months").get(0).relation()).isEqualTo(1);
    assertThat(scan("~120x").get(0).relation()).isEqualTo(1);
    assertThat(scan("so it is 5 s").get(0).relation()).isEqualTo(2);
    assertThat(scan("i.e. 90 percent").get(0).relation()).isEqualTo(2);
    assertThat(scan("we have 5 s").get(0).relation()).isEqualTo(0);
  }

  @Test
  void negativeNumbersButNotSubtractions() {
    assertThat(scan("x = -3.5").get(0).value()).isEqualTo(-3.5);
    List<Amount> sub = scan("10 - 3");
    assertThat(sub).extracting(Amount::value).containsExactly(10.0, 3.0);
  }

  @Test
  void aDollarAfterTheAmountAndMathDelimitersAreToldApart() {
    assertThat(scan("5 $/year").get(0).unit().label()).isEqualTo("$/year");
    List<Amount> math = scan("$x = 5$ and $y = 7$");
    assertThat(math).extracting(a -> a.unit().isNone()).containsExactly(true, true);
  }

  @Test
  void exponentsBeyondADoubleAreReadAsTheLargestOrAsZero() {
    assertThat(scan("1e999999 hours").get(0).value()).isEqualTo(Double.MAX_VALUE);
    assertThat(scan("\\exp(1000) s").get(0).value()).isEqualTo(Double.MAX_VALUE);
    assertThat(scan("10^{-999999999} GB").get(0).value()).isZero();
    assertThat(scan("10^{-999999999} GB")).hasSize(1);
  }

  @Test
  void expressionsAreEvaluatedNotMinedForNumbers() {
    assertThat(scan("\\sqrt{400}")).extracting(Amount::value).containsExactly(20.0);
    assertThat(scan("2^3^2")).extracting(Amount::value).containsExactly(512.0);
    assertThat(scan("138*10^(-3)").get(0).value()).isCloseTo(0.138, within(1e-12));
    assertThat(scan("\\Gamma(21) and \\sqrt{f(20)}")).isEmpty();
  }

  @Test
  void formatCharactersInsideANumberAreIgnored() {
    assertThat(scan("2\u200b4 GB")).extracting(Amount::value).containsExactly(24.0);
    assertThat(scan("2\u00ad4 GB")).extracting(Amount::value).containsExactly(24.0);
  }
}
