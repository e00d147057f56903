package dev.hwgrade.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

  private static Amount only(String text) {
    List<Amount> all = QuantityScanner.shared().scan(text).amounts();
    assertThat(all).as(text).hasSize(1);
    return all.get(0);
  }
}
