package dev.hwgrade.latex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How cleaned answers are read into trees. */
class MathParserTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4k(m+l)|4*k*(m + l)",
        "2rd|2*r*d",
        "W_{QK} x|W_QK*x",
        "\\log_2 n|logb(2, n)",
        "\\binom{n}{2}|binom(n, 2)",
        "\\sqrt[3]{x}|root(x, 3)",
        "1 1/2|1 + 1/2",
        "1.7e15|1700000000000000",
        "(XW)^T|transpose(X*W)",
        "[0,1)|[0, 1)",
        "\\{1,2\\}|{1, 2}",
        "x = 5+5+1 = 11|x = 5 + 5 + 1 = 11",
        "1 ± \\sqrt{2}|1 ± sqrt(2)",
        "O(n \\log n)|O(n*log(n))",
        "\\sin^2 x|sin(x)^2",
        "(11) 4/9|(11*4)/9",
        "4 \\frac{4}{9}%|4 + 4/9%",
        "C(6,3)|binom(6, 3)",
        "\\{x : x > 3\\}|x > 3",
        "\\{x ∈ (-∞, ∞) : x ≠ 0\\}|x ≠ 0",
        "30°|degrees(30)",
        "\\emptyset|{}",
        "2, 4, …, 2n|2, 4, …, 2*n",
        "2^3^2|2^(3^2)",
        "x^{y}^z|x^(y^z)",
        "(x^y)^z|(x^y)^z",
        "A^{-1}^T|transpose(A^(-1))",
        "[[1, 2], [0, 1]]|[1, 2; 0, 1]",
        "(1, 1)^T|[1; 1]",
        "[1, 2]^T|[1; 2]",
        "\\Theta(n)|Theta(n)",
        "Omega(n^2)|Omega(n^2)",
        "cosec(x)|csc(x)",
        "asin(x) + atan x|arcsin(x) + arctan(x)",
        "basin|b*a*sin",
        "\\sech x|sech(x)",
        "arcsinh(x)|arsinh(x)",
        "5 \\angle 30°|5*exp(i*degrees(30))",
      })
  void reads(String cleaned, String tree) throws MathSyntaxException {
    assertThat(MathParser.parse(cleaned).toString()).isEqualTo(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\frac{1}{", "(1,2", "x^{2", "1+", "", "2 3"})
  void refusesMalformedInput(String cleaned) {
    assertThatThrownBy(() -> MathParser.parse(cleaned)).isInstanceOf(MathSyntaxException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 10_000})
  void refusesDeepNesting(int depth) {
    String deep = "(".repeat(depth) + "x" + ")".repeat(depth);
    assertThatThrownBy(() -> MathParser.parse(deep)).isInstanceOf(MathSyntaxException.class);
  }
}
