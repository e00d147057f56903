package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast rounding of {@link Magnitudes} writes exactly what the {@link java.math.BigDecimal}
 * reference writes, for values of every size, values as people write them (few decimals), exact
 * rounding ties and neighbours of powers of ten.
 */
class MagnitudesProperties {

  @Property(tries = 3000)
  void formatIsTheDecimalReference(@ForAll("values") double v) {
    assertThat(Magnitudes.format(v)).as("format(%s)", v).isEqualTo(Magnitudes.formatDecimal(v, 3));
    assertThat(Magnitudes.formatExact(v))
        .as("formatExact(%s)", v)
        .isEqualTo(Magnitudes.formatDecimal(v, 10));
  }

  @Property(tries = 3000)
  void ratioIsTheDecimalReference(@ForAll("values") double v) {
    double r = Math.abs(v);
    assertThat(Magnitudes.ratio(r)).as("ratio(%s)", r).isEqualTo(Magnitudes.ratioDecimal(r));
  }

  @Property(tries = 500)
  void tiesAndPowersOfTenAreTheDecimalReference(@ForAll("edges") double v) {
    assertThat(Magnitudes.format(v)).as("format(%s)", v).isEqualTo(Magnitudes.formatDecimal(v, 3));
    assertThat(Magnitudes.formatExact(v))
        .as("formatExact(%s)", v)
        .isEqualTo(Magnitudes.formatDecimal(v, 10));
    assertThat(Magnitudes.ratio(Math.abs(v))).isEqualTo(Magnitudes.ratioDecimal(Math.abs(v)));
  }

  @Provide
  Arbitrary<Double> values() {
    Arbitrary<Double> anySize =
        Combinators.combine(
                Arbitraries.doubles().between(-10, 10), Arbitraries.integers().between(-320, 308))
            .as((m, e) -> m * Math.pow(10, e));
    Arbitrary<Double> written =
        Combinators.combine(
                Arbitraries.longs().between(-99_999_999L, 99_999_999L),
                Arbitraries.integers().between(-12, 12))
            .as((k, e) -> Double.parseDouble(k + "e" + e));
    Arbitrary<Double> explanations = Arbitraries.doubles().between(-2e7, 2e7);
    return Arbitraries.oneOf(anySize, written, explanations, Arbitraries.doubles());
  }

  @Provide
  Arbitrary<Double> edges() {
    Arbitrary<Double> ties =
        Combinators.combine(
                Arbitraries.longs().between(1, 99_999_999_999L),
                Arbitraries.integers().between(-15, 15),
                Arbitraries.of(-1, 1))
            .as((k, e, s) -> s * Double.parseDouble(k + "5e" + e));
    Arbitrary<Double> nearPowers =
        Combinators.combine(
                Arbitraries.integers().between(-30, 30),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.of(1.0, 0.5, 0.9995, 0.99995, 9.995, 9.9995, 999.5, 999.95))
            .as(
                (e, steps, m) -> {
                  double x = m * Math.pow(10, e);
                  for (int i = 0; i < Math.abs(steps); i++) {
                    x = steps > 0 ? Math.nextUp(x) : Math.nextDown(x);
                  }
                  return x;
                });
    return Arbitraries.oneOf(ties, nearPowers);
  }
}
