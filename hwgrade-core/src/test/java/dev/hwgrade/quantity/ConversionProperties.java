package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.numeric.NumericGrader;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Round trips through reading and writing quantities: a value written in one unit, read back,
 * converted to another unit of its family, written and read again, returns to where it began.
 */
class ConversionProperties {
  /** Spellings per family, with the factor to the family's first spelling. */
  private static final List<List<Object[]>> FAMILIES =
      List.of(
          List.of(
              new Object[] {"B", 1.0},
              new Object[] {"kB", 1e3},
              new Object[] {"MB", 1e6},
              new Object[] {"GB", 1e9},
              new Object[] {"TB", 1e12},
              new Object[] {"PB", 1e15},
              new Object[] {"EB", 1e18},
              new Object[] {"KiB", 1024.0},
              new Object[] {"MiB", 1048576.0},
              new Object[] {"GiB", 1073741824.0},
              new Object[] {"bits", 0.125},
              new Object[] {"Gb", 1.25e8},
              new Object[] {"gigabytes", 1e9}),
          List.of(
              new Object[] {"FLOP/s", 1.0},
              new Object[] {"TFLOP/s", 1e12},
              new Object[] {"PF/s", 1e15},
              new Object[] {"TFLOPS", 1e12},
              new Object[] {"petaflops", 1e15},
              new Object[] {"EFLOP/s", 1e18}),
          List.of(
              new Object[] {"s", 1.0},
              new Object[] {"ms", 1e-3},
              new Object[] {"µs", 1e-6},
              new Object[] {"minutes", 60.0},
              new Object[] {"hours", 3600.0},
              new Object[] {"days", 86400.0},
              new Object[] {"weeks", 604800.0},
              new Object[] {"years", 31536000.0}),
          List.of(
              new Object[] {"J", 1.0},
              new Object[] {"kJ", 1e3},
              new Object[] {"Wh", 3600.0},
              new Object[] {"kWh", 3.6e6},
              new Object[] {"GWh", 3.6e12}),
          List.of(
              new Object[] {"$/year", 1.0},
              new Object[] {"$/month", 12.0},
              new Object[] {"$/day", 365.0}),
          List.of(
              new Object[] {"MB/token", 1.0},
              new Object[] {"kB/token", 1e-3},
              new Object[] {"GB/token", 1e3}),
          List.of(
              new Object[] {"FLOPs", 1.0},
              new Object[] {"GFLOPs", 1e9},
              new Object[] {"PF-days", 8.64e19}));

  record Pair(String from, double fromFactor, String to, double toFactor) {}

  @Provide
  Arbitrary<Pair> unitPairs() {
    return Arbitraries.integers()
        .between(0, FAMILIES.size() - 1)
        .flatMap(
            f -> {
              List<Object[]> fam = FAMILIES.get(f);
              Arbitrary<Object[]> a = Arbitraries.of(fam);
              return Combinators.combine(a, Arbitraries.of(fam))
                  .as(
                      (x, y) ->
                          new Pair((String) x[0], (Double) x[1], (String) y[0], (Double) y[1]));
            });
  }

  @Property(tries = 400)
  void writingReadingAndConvertingReturnsTheValue(
      @ForAll("unitPairs") Pair p,
      @ForAll @Scale(9) @DoubleRange(min = 1e-3, max = 1e6) double value) {
    Amount first = only(String.format(Locale.ROOT, "%.12g %s", value, p.from()));
    QuantityUnit to = UnitParser.shared().parse(p.to()).orElseThrow();
    assertThat(first.unit().sameDimension(to)).isTrue();
    double converted = first.value() * first.unit().factorTo(to);
    assertThat(converted)
        .isCloseTo(value * p.fromFactor() / p.toFactor(), within(1e-9 * Math.abs(converted)));
    Amount back = only(String.format(Locale.ROOT, "%.15e %s", converted, p.to()));
    double again = back.value() * back.unit().factorTo(first.unit());
    assertThat(again).isCloseTo(value, within(1e-9 * value));
  }

  @Property(tries = 300)
  void formattedNumbersReadBackWithinTheirRounding(
      @ForAll @Scale(9) @DoubleRange(min = -1e30, max = 1e30) double v) {
    String shown = Magnitudes.format(v);
    List<Amount> read = QuantityScanner.shared().scan(shown).amounts();
    assertThat(read).as(shown).hasSize(1);
    double r = read.get(0).value();
    assertThat(r).as(shown).isCloseTo(v, within(Math.abs(v) * 0.006 + 1e-300));
  }

  @Property(tries = 200)
  void scaleWordsMultiply(
      @ForAll @Scale(9) @DoubleRange(min = 0.01, max = 999) double v,
      @ForAll("scales") Object[] scale) {
    String text = String.format(Locale.ROOT, "%.2f %s", v, scale[0]);
    Amount a = only(text);
    double expected = Double.parseDouble(String.format(Locale.ROOT, "%.2f", v)) * (Double) scale[1];
    assertThat(a.value()).as(text).isCloseTo(expected, within(expected * 1e-12));
  }

  @Provide
  Arbitrary<Object[]> scales() {
    return Arbitraries.of(
        new Object[] {"thousand", 1e3},
        new Object[] {"million", 1e6},
        new Object[] {"billion", 1e9},
        new Object[] {"trillion", 1e12},
        new Object[] {"quadrillion", 1e15});
  }

  /**
   * Physical units per quantity, each with its factor and offset to the quantity's first unit,
   * written down here from the definitions (1 in = 2.54 cm, 1 lb = 0.45359237 kg, °F = 1.8 K with 0
   * °F = 255.372 K…) so the property does not check the unit systems against themselves.
   */
  private static final List<List<Object[]>> PHYSICAL =
      List.of(
          List.of(
              new Object[] {"m", 1.0, 0.0},
              new Object[] {"km", 1e3, 0.0},
              new Object[] {"cm", 1e-2, 0.0},
              new Object[] {"mm", 1e-3, 0.0},
              new Object[] {"µm", 1e-6, 0.0},
              new Object[] {"in", 0.0254, 0.0},
              new Object[] {"ft", 0.3048, 0.0},
              new Object[] {"yd", 0.9144, 0.0},
              new Object[] {"mi", 1609.344, 0.0}),
          List.of(
              new Object[] {"kg", 1.0, 0.0},
              new Object[] {"g", 1e-3, 0.0},
              new Object[] {"mg", 1e-6, 0.0},
              new Object[] {"lb", 0.45359237, 0.0},
              new Object[] {"oz", 0.028349523125, 0.0},
              new Object[] {"t", 1e3, 0.0}),
          List.of(
              new Object[] {"Pa", 1.0, 0.0},
              new Object[] {"kPa", 1e3, 0.0},
              new Object[] {"MPa", 1e6, 0.0},
              new Object[] {"bar", 1e5, 0.0},
              new Object[] {"atm", 101325.0, 0.0},
              new Object[] {"psi", 6894.757293168, 0.0},
              new Object[] {"N/m^2", 1.0, 0.0}),
          List.of(
              new Object[] {"m/s", 1.0, 0.0},
              new Object[] {"km/h", 1 / 3.6, 0.0},
              new Object[] {"mph", 0.44704, 0.0},
              new Object[] {"ft/s", 0.3048, 0.0},
              new Object[] {"m s^-1", 1.0, 0.0}),
          List.of(
              new Object[] {"J", 1.0, 0.0},
              new Object[] {"kJ", 1e3, 0.0},
              new Object[] {"eV", 1.602176634e-19, 0.0},
              new Object[] {"kcal", 4184.0, 0.0},
              new Object[] {"kWh", 3.6e6, 0.0},
              new Object[] {"N·m", 1.0, 0.0}),
          List.of(
              new Object[] {"K", 1.0, 0.0},
              new Object[] {"°C", 1.0, 273.15},
              new Object[] {"°F", 5.0 / 9, 273.15 - 32 * 5.0 / 9}),
          List.of(
              new Object[] {"A", 1.0, 0.0},
              new Object[] {"mA", 1e-3, 0.0},
              new Object[] {"µA", 1e-6, 0.0}),
          List.of(
              new Object[] {"L", 1.0, 0.0},
              new Object[] {"mL", 1e-3, 0.0},
              new Object[] {"m^3", 1e3, 0.0},
              new Object[] {"cm^3", 1e-3, 0.0},
              new Object[] {"gal", 3.785411784, 0.0}),
          List.of(
              new Object[] {"F", 1.0, 0.0},
              new Object[] {"µF", 1e-6, 0.0},
              new Object[] {"nF", 1e-9, 0.0},
              new Object[] {"pF", 1e-12, 0.0}));

  record Conversion(Object[] from, Object[] to, Object[] foreign) {}

  @Provide
  Arbitrary<Conversion> physicalConversions() {
    return Arbitraries.integers()
        .between(0, PHYSICAL.size() - 1)
        .flatMap(
            f ->
                Combinators.combine(
                        Arbitraries.of(PHYSICAL.get(f)),
                        Arbitraries.of(PHYSICAL.get(f)),
                        Arbitraries.integers()
                            .between(1, PHYSICAL.size() - 1)
                            .flatMap(d -> Arbitraries.of(PHYSICAL.get((f + d) % PHYSICAL.size()))))
                    .as(Conversion::new));
  }

  @Property(tries = 300)
  void aConvertedValueGradesCorrectAndAnotherDimensionIncorrect(
      @ForAll("physicalConversions") Conversion c,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 1e5) double value) {
    double base = value * (Double) c.from()[1] + (Double) c.from()[2];
    double converted = (base - (Double) c.to()[2]) / (Double) c.to()[1];
    net.jqwik.api.Assume.that(Math.abs(converted) > 1e-3 && Math.abs(converted) < 1e12);
    String key = String.format(Locale.ROOT, "%.9g %s", value, c.from()[0]);
    String same = String.format(Locale.ROOT, "%.9g %s", converted, c.to()[0]);
    String other = String.format(Locale.ROOT, "%.9g %s", value, c.foreign()[0]);
    assertThat(grade(key, same)).as(same + " for " + key).isEqualTo(Verdict.CORRECT);
    assertThat(grade(key, other)).as(other + " for " + key).isEqualTo(Verdict.INCORRECT);
  }

  private static final NumericGrader GRADER = new NumericGrader(GradingOptions.DEFAULT);

  private static Verdict grade(String key, String response) {
    Part part = Part.adHoc("p", "", Key.builder(Kind.NUMERIC).answer(key).build());
    return GRADER.grade(part, Answer.of("p", response)).verdict();
  }

  private static Amount only(String text) {
    List<Amount> all = QuantityScanner.shared().scan(text).amounts();
    assertThat(all).as(text).hasSize(1);
    return all.get(0);
  }
}
