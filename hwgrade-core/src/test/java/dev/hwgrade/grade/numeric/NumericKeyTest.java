package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import org.junit.jupiter.api.Test;

/** Keys written as exact expressions, lists and sets. */
class NumericKeyTest {
  private static NumericKey read(String answer) throws NumericKey.KeyProblem {
    return NumericKey.read(Key.of(Kind.NUMERIC, answer));
  }

  @Test
  void aSymbolicKeyIsEvaluatedWithItsUnit() throws Exception {
    assertThat(read("sqrt(3)").primary().low()).isCloseTo(Math.sqrt(3), within(1e-12));
    assertThat(read("pi").primary().low()).isCloseTo(Math.PI, within(1e-12));
    assertThat(read("e").primary().low()).isCloseTo(Math.E, within(1e-12));
    assertThat(read("\\frac{\\sqrt{2}}{2}").primary().low())
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
    KeyTarget t = read("15/pi kN/mm^2").primary();
    assertThat(t.low()).isCloseTo(15 / Math.PI, within(1e-12));
    KeyTarget w = read("2\\pi \\times 10^3 rad/s").primary();
    assertThat(w.low()).isCloseTo(2000 * Math.PI, within(1e-9));
    KeyTarget m = read("\\sqrt{2} \\times 10^{-3} m").primary();
    assertThat(m.low()).isCloseTo(Math.sqrt(2) * 1e-3, within(1e-15));
    assertThat(m.unit().label()).isEqualTo("m");
  }

  @Test
  void listAndSetKeysKeepEveryEntry() throws Exception {
    NumericKey list = read("[2, 5]");
    assertThat(list.isList()).isTrue();
    assertThat(list.lists().get(0).ordered()).isTrue();
    assertThat(list.lists().get(0).entries()).extracting(KeyTarget::low).containsExactly(2.0, 5.0);
    NumericKey set = read("{1.2 ms, 3.4 ms}");
    assertThat(set.lists().get(0).ordered()).isFalse();
    assertThat(set.lists().get(0).entries()).extracting(e -> e.unit().label()).containsOnly("ms");
    NumericKey withUnit = read("[1.5, 2.5] m");
    assertThat(withUnit.lists().get(0).entries())
        .extracting(e -> e.unit().label())
        .containsOnly("m");
    assertThat(read("[1,000, 2,000]").lists().get(0).entries())
        .extracting(KeyTarget::low)
        .containsExactly(1000.0, 2000.0);
    assertThat(read("2.4 MB/token").isList()).isFalse();
    assertThat(ListKey.isList("{1.2 ms, 3.4 ms}")).isTrue();
    assertThat(ListKey.isList("1,000 tokens")).isFalse();
  }

  @Test
  void keysThatCannotBeUsedSayWhy() {
    assertThatThrownBy(() -> read("sqrt(x)")).hasMessageContaining("cannot be evaluated");
    assertThatThrownBy(() -> read("1e999")).hasMessageContaining("too large");
    assertThatThrownBy(() -> read("[2, y]")).hasMessageContaining("holds no number");
  }
}
