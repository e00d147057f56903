package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericExpressionTest {
  private static NumericExpression.Result read(String text) {
    return NumericExpression.read(TextNormalizer.normalize(text), 0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\\sqrt{400}|20",
        "\\sqrt[3]{8}|2",
        "\\sqrt[3]{-8}|-2",
        "e^{20}|485165195.4097903",
        "\\ln(20)|2.995732273553991",
        "\\log_2(4)|2",
        "\\log_{10}(1000)|3",
        "\\log 1000|3",
        "10!|3628800",
        "2^3^2|512",
        "2^{3^2}|512",
        "(2^3)^2|64",
        "-2^2|-4",
        "2^-3|0.125",
        "\\sin(30°)|0.5",
        "\\sin(30^\\circ)|0.5",
        "\\cos(\\pi/3)|0.5",
        "\\frac{\\sqrt{2}}{2}|0.7071067811865476",
        "2\\pi \\times 10^3|6283.185307179586",
        "15/\\pi|4.7746482927568605",
        "10\\sqrt{3}|17.320508075688775",
        "\\sqrt{3^2+4^2}|5",
        "sqrt(3)/2|0.8660254037844386",
        "\\exp(1)|2.718281828459045",
        "\\frac13|0.3333333333333333",
        "\\frac3{3}|1",
        "\\cfrac{1}{3}|0.3333333333333333",
        "\\sin^2(\\pi/4) + \\cos^2(\\pi/4)|1",
      })
  void evaluates(String text, double expected) {
    NumericExpression.Result r = read(text);
    assertThat(r.status()).as(text).isEqualTo(NumericExpression.Status.VALUE);
    assertThat(r.value())
        .as(text)
        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void overflowIsReportedNotThrown() {
    assertThat(read("\\exp(1000)").status()).isEqualTo(NumericExpression.Status.OVERFLOW);
    assertThat(read("171!").status()).isEqualTo(NumericExpression.Status.OVERFLOW);
    assertThat(read("\\exp(\\exp(\\exp(10)))").status())
        .isEqualTo(NumericExpression.Status.OVERFLOW);
    assertThat(read("10^{-999999999}").value()).isZero();
  }

  @Test
  void unknownFunctionsAndSymbolsCannotBeEvaluated() {
    NumericExpression.Result r = read("\\sqrt{f(20)}");
    assertThat(r.status()).isEqualTo(NumericExpression.Status.UNEVALUABLE);
    assertThat(r.end()).isEqualTo("\\sqrt{f(20)}".length());
    assertThat(r.problem()).contains("f");
    assertThat(read("\\Gamma(21)").status()).isEqualTo(NumericExpression.Status.UNEVALUABLE);
    assertThat(read("\\sqrt{-4}").status()).isEqualTo(NumericExpression.Status.UNEVALUABLE);
    assertThat(read("2.5!").status()).isEqualTo(NumericExpression.Status.UNEVALUABLE);
  }

  @Test
  void stopsBeforeAUnitOrARelation() {
    String s = TextNormalizer.normalize("e^{20} tokens");
    assertThat(NumericExpression.read(s, 0).end()).isEqualTo("e^{20}".length());
    String t = TextNormalizer.normalize("\\sqrt{400} = 20");
    assertThat(NumericExpression.read(t, 0).end()).isEqualTo("\\sqrt{400}".length());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void pathologicalInputsAreBounded() {
    String[] hostile = {
      "\\sqrt{".repeat(10_000) + "2" + "}".repeat(10_000),
      "(".repeat(50_000),
      "2^".repeat(50_000) + "2",
      "-".repeat(50_000) + "1",
      "\\exp(".repeat(5_000),
      "9".repeat(5_000) + "!",
      "1e" + "9".repeat(1000),
    };
    for (String h : hostile) {
      NumericExpression.Result r = NumericExpression.read(h, 0);
      if (r != null) {
        assertThat(r.end()).isBetween(0, h.length());
      }
      assertThat(QuantityScanner.shared().scan(h).amounts()).hasSizeLessThan(2_001);
    }
  }
}
