package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;

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
  void absurdExponentsAreDropped() {
    assertThat(scan("1e999999 hours")).isEmpty();
  }
}
