package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.Magnitudes;
import dev.hwgrade.quantity.QuantityUnit;
import dev.hwgrade.quantity.UnitCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.measure.Dimension;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The usual suspects behind a wrong estimate: simple factors (2, 3, 4, 8, 10, 1000, 1024, ln 2…),
 * bits against bytes, binary against decimal prefixes, unit conversions (km/h and m/s, inches,
 * pounds, °C and K…) and time-unit slips (3600, 24, 365…), each with a reading that fits the
 * quantity's dimension and the words of the problem.
 */
final class SimpleFactors {
  private SimpleFactors() {}

  // Indriya builds a derived unit's dimension afresh on every call: these are computed once.
  private static final Dimension AMPERE = Units.AMPERE.getDimension();
  private static final Dimension CUBIC_METRE = Units.CUBIC_METRE.getDimension();
  private static final Dimension JOULE = Units.JOULE.getDimension();
  private static final Dimension KILOGRAM = Units.KILOGRAM.getDimension();
  private static final Dimension KILOMETRE_PER_HOUR = Units.KILOMETRE_PER_HOUR.getDimension();
  private static final Dimension METRE = Units.METRE.getDimension();
  private static final Dimension METRE_PER_SECOND = Units.METRE_PER_SECOND.getDimension();
  private static final Dimension METRE_PER_SQUARE_SECOND =
      Units.METRE_PER_SQUARE_SECOND.getDimension();
  private static final Dimension NEWTON = Units.NEWTON.getDimension();
  private static final Dimension OHM = Units.OHM.getDimension();
  private static final Dimension PASCAL = Units.PASCAL.getDimension();
  private static final Dimension VOLT = Units.VOLT.getDimension();
  private static final Dimension WATT = Units.WATT.getDimension();

  /** Largest misfit accepted for a simple factor: about 12%. */
  static final double LIMIT = 0.115;

  static List<Hypothesis> candidates(double ratio, QuantityUnit keyUnit, String context) {
    double r = ratio >= 1 ? ratio : 1 / ratio;
    List<Hypothesis> out = new ArrayList<>();
    Map<? extends Dimension, Integer> dims = keyUnit.measuredDimension().getBaseDimensions();
    boolean info = has(keyUnit, dims, UnitCatalog.INFORMATION);
    boolean time = has(keyUnit, dims, UnitDimension.TIME);
    boolean flops = has(keyUnit, dims, UnitCatalog.COMPUTE);
    String ctx = context.toLowerCase(Locale.ROOT);
    if (info) {
      add(out, r, 8, 0.0, "consistent with a bits/bytes confusion (a factor of 8)");
      add(
          out,
          r,
          1.024,
          0.0,
          "consistent with mixing binary and decimal prefixes (KiB against kB, 2.4%)");
      add(
          out,
          r,
          1.048576,
          0.0,
          "consistent with mixing binary and decimal prefixes (MiB against MB, 4.9%)");
      add(
          out,
          r,
          1.073741824,
          0.0,
          "consistent with mixing binary and decimal prefixes (GiB against GB, 7.4%)");
      add(
          out,
          r,
          1.099511627776,
          0.0,
          "consistent with mixing binary and decimal prefixes (TiB against TB, 10%)");
      add(
          out,
          r,
          1024,
          0.0,
          "consistent with a binary prefix slip (a factor of 1024, one prefix step)");
      add(
          out,
          r,
          1000,
          0.0,
          "consistent with a prefix slip of one step (kB against MB, a factor of 1000)");
      add(
          out,
          r,
          2,
          0.02,
          "consistent with a different precision (2 bytes against 1 or 4), or counting both K and"
              + " V");
      add(out, r, 4, fourBytes(ctx).contains("missing or extra") ? 0.04 : 0.02, fourBytes(ctx));
    }
    conversions(out, r, keyUnit, dims, ctx);
    if (time || flops) {
      add(out, r, 3600, 0.0, "consistent with a time-unit slip between seconds and hours (3600)");
      add(
          out,
          r,
          60,
          0.0,
          "consistent with a time-unit slip between seconds and minutes, or minutes and hours"
              + " (60)");
      add(out, r, 24, 0.0, "consistent with a time-unit slip between hours and days (24)");
      add(out, r, 365, 0.0, "consistent with a time-unit slip between days and years (365)");
      add(out, r, 8760, 0.0, "consistent with a time-unit slip between hours and years (8,760)");
      add(out, r, 86400, 0.0, "consistent with a time-unit slip between seconds and days (86,400)");
      add(out, r, 7, 0.01, "consistent with a time-unit slip between days and weeks (7)");
      add(out, r, 30, 0.01, "consistent with a time-unit slip between days and months (about 30)");
      add(out, r, 12, 0.01, "consistent with a time-unit slip between months and years (12)");
      add(
          out,
          r,
          1000,
          0.0,
          "consistent with a prefix slip of one step (ms against s, a factor of 1000)");
    }
    if (flops || ctx.contains("flop") || ctx.contains("6n") || ctx.contains("training")) {
      add(
          out,
          r,
          3,
          0.01,
          "consistent with counting the forward pass only (2N FLOPs per token) against forward and"
              + " backward (6N)");
    }
    add(out, r, 2, two(ctx).contains("e.g.") ? 0.03 : 0.01, two(ctx));
    add(out, r, 4, four(ctx).contains("missing or extra") ? 0.03 : 0.01, four(ctx));
    add(out, r, 3, 0.04, "consistent with a missing or extra factor of 3");
    add(
        out,
        r,
        8,
        0.03,
        "consistent with a missing or extra factor of 8 (for instance bits against bytes)");
    add(out, r, 10, 0.02, "consistent with a power-of-ten slip (a factor of 10)");
    add(
        out,
        r,
        100,
        0.02,
        "consistent with a power-of-ten slip (a factor of 100), or a percentage read as a"
            + " fraction");
    add(
        out,
        r,
        1000,
        0.02,
        "consistent with a prefix slip of one step (a factor of 1000, k against M)");
    add(out, r, 1e6, 0.02, "consistent with a prefix slip of two steps (a factor of a million)");
    add(out, r, 1e9, 0.02, "consistent with a prefix slip of three steps (a factor of a billion)");
    add(out, r, 1024, 0.02, "consistent with a binary prefix (a factor of 1024)");
    add(out, r, 3600, 0.02, "consistent with a factor of 3600 (seconds per hour)");
    add(out, r, 24, 0.02, "consistent with a factor of 24 (hours per day)");
    add(out, r, 365, 0.02, "consistent with a factor of 365 (days per year)");
    add(
        out,
        r,
        1 / Math.log(2),
        0.01,
        "consistent with natural against base-2 logarithms (a factor of ln 2 ≈ 0.69)");
    add(out, r, Math.PI, 0.03, "consistent with a missing or extra factor of π");
    add(
        out,
        r,
        2 * Math.PI,
        0.03,
        "consistent with a missing or extra factor of 2π (h against ħ, or Hz against rad/s)");
    return bestPerFactor(out);
  }

  /**
   * Unit-conversion factors of physics and chemistry, named: km/h against m/s (3.6, and 3.6² =
   * 12.96 when the speed is squared), mph, miles, feet, inches, pounds, calories, atmospheres,
   * Fahrenheit degrees, and a prefix step named for the quantity (g against kg, mA against A). Each
   * applies when the key's dimension or the problem's words make it plausible; a named conversion
   * comes before a weaker reading of the same factor such as "months against years".
   */
  private static void conversions(
      List<Hypothesis> out,
      double r,
      QuantityUnit key,
      Map<? extends Dimension, Integer> dims,
      String ctx) {
    boolean length = has(key, dims, UnitDimension.LENGTH);
    boolean speedWords = ctx.contains("km/h") || ctx.contains("kph") || ctx.contains("km/hr");
    boolean speed = is(key, METRE_PER_SECOND) || is(key, KILOMETRE_PER_HOUR);
    if (speed || speedWords) {
      add(
          out,
          r,
          3.6,
          speedWords ? -0.01 : 0.0,
          "consistent with a unit-conversion slip between km/h and m/s (a factor of 3.6)");
    }
    if (speedWords || is(key, JOULE) || is(key, METRE_PER_SQUARE_SECOND)) {
      add(
          out,
          r,
          12.96,
          speedWords ? -0.01 : 0.005,
          "consistent with a speed used in km/h without converting to m/s where it is squared"
              + " (3.6² = 12.96)");
    }
    boolean miles = ctx.contains("mph") || ctx.contains("mile");
    if (speed || miles) {
      add(
          out,
          r,
          2.23694,
          miles ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between mph and m/s (a factor of 2.237)");
    }
    if (miles || length) {
      add(
          out,
          r,
          1.609344,
          miles ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between miles and kilometres (1.609)");
    }
    boolean feet = ctx.contains(" ft") || ctx.contains("feet") || ctx.contains("foot");
    if (feet || length) {
      add(
          out,
          r,
          3.28084,
          feet ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between feet and metres (3.281)");
    }
    boolean inches = ctx.contains(" in.") || ctx.contains("inch") || ctx.contains(" in)");
    if (inches || length) {
      add(
          out,
          r,
          2.54,
          inches ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between inches and centimetres (2.54)");
    }
    boolean pounds = ctx.contains(" lb") || ctx.contains("pound");
    if (pounds || has(key, dims, UnitDimension.MASS)) {
      add(
          out,
          r,
          2.20462,
          pounds ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between pounds and kilograms (1 lb = 0.4536"
              + " kg)");
    }
    if (ctx.contains("cal") || is(key, JOULE)) {
      add(
          out,
          r,
          4.184,
          ctx.contains("cal") ? -0.01 : 0.005,
          "consistent with a unit-conversion slip between calories and joules (4.184)");
    }
    if (ctx.contains("atm") || is(key, PASCAL)) {
      add(
          out,
          r,
          101.325,
          0.0,
          "consistent with a unit-conversion slip between atmospheres and kPa (101.325)");
      add(out, r, 1.01325, 0.0, "consistent with atmospheres against bar (1 atm = 1.01325 bar)");
    }
    if (has(key, dims, UnitDimension.TEMPERATURE)) {
      add(
          out,
          r,
          1.8,
          0.0,
          "consistent with a Fahrenheit/Celsius slip in a temperature difference (1.8)");
    }
    String step = prefixStep(key);
    if (step != null) {
      add(out, r, 1000, -0.005, "consistent with a prefix slip of one step (" + step + ", 1000)");
      add(
          out,
          r,
          1e6,
          -0.005,
          "consistent with a prefix slip of two steps (a factor of a million)");
    }
  }

  /** The prefix pair a factor of 1000 most likely slipped between, by the key's quantity. */
  private static String prefixStep(QuantityUnit key) {
    if (is(key, KILOGRAM)) {
      return "g against kg";
    }
    if (is(key, AMPERE)) {
      return "mA against A";
    }
    if (is(key, VOLT)) {
      return "mV against V, or V against kV";
    }
    if (is(key, METRE)) {
      return "mm against m, or m against km";
    }
    if (is(key, PASCAL)) {
      return "Pa against kPa";
    }
    if (is(key, JOULE)) {
      return "J against kJ";
    }
    if (is(key, WATT)) {
      return "W against kW";
    }
    if (is(key, OHM)) {
      return "Ω against kΩ";
    }
    if (is(key, CUBIC_METRE)) {
      return "mL against L";
    }
    if (is(key, NEWTON)) {
      return "N against kN";
    }
    return null;
  }

  /**
   * Offset slips of a temperature: a Celsius value given in kelvin or the other way round (273.15),
   * Fahrenheit against Celsius (×1.8 + 32). Empty unless the key measures temperature.
   */
  static List<Hypothesis> offsets(double value, double key, QuantityUnit keyUnit) {
    List<Hypothesis> out = new ArrayList<>();
    if (!keyUnit.measuredDimension().equals(UnitDimension.TEMPERATURE)) {
      return out;
    }
    double scale = Math.max(1.0, Math.abs(key));
    double[][] slips = {{-273.15, 1}, {273.15, 1}, {32, 1.8}, {-32 / 1.8, 1 / 1.8}, {-32, 1}};
    String[] texts = {
      "consistent with a temperature left in °C where kelvin is asked, or converted the wrong way"
          + " (an offset of 273.15)",
      "consistent with a temperature left in kelvin where °C is asked, or 273.15 added twice (an"
          + " offset of 273.15)",
      "consistent with a Celsius/Fahrenheit conversion applied twice or the wrong way (×1.8 + 32)",
      "consistent with a Celsius/Fahrenheit conversion left out or applied the wrong way (×1.8 +"
          + " 32)",
      "consistent with converting Celsius to Fahrenheit by ×1.8 without adding the 32"
    };
    for (int i = 0; i < slips.length; i++) {
      double expected = key * slips[i][1] + slips[i][0];
      double misfit = Math.abs(value - expected) / scale;
      if (misfit < 0.01) {
        out.add(new Hypothesis(texts[i], misfit - 0.02, 0));
      }
    }
    return out;
  }

  private static boolean is(QuantityUnit u, Dimension dimension) {
    return u.measuredDimension().equals(dimension)
        && u.countedDimension().equals(UnitDimension.NONE);
  }

  /** Keeps, for each factor, the most specific reading (the lowest misfit). */
  private static List<Hypothesis> bestPerFactor(List<Hypothesis> all) {
    Map<Long, Hypothesis> best = new LinkedHashMap<>();
    for (Hypothesis h : all) {
      long key = Math.round(h.factor() * 1e6);
      Hypothesis old = best.get(key);
      if (old == null || h.misfit() < old.misfit()) {
        best.put(key, h);
      }
    }
    return new ArrayList<>(best.values());
  }

  private static String two(String ctx) {
    if (ctx.contains("kv") || ctx.contains("key") && ctx.contains("value")) {
      return "consistent with counting K and V separately, or only one of them (a factor of 2)";
    }
    if (ctx.contains("backward") || ctx.contains("forward")) {
      return "consistent with forward against forward-and-backward counting, or multiply-add as 1"
          + " or 2 FLOPs (a factor of 2)";
    }
    return "consistent with a missing or extra factor of 2 (e.g. 2 bytes per value, or multiply and"
        + " add counted separately)";
  }

  private static String four(String ctx) {
    if (ctx.contains("q, k")
        || ctx.contains("qkv")
        || ctx.contains("query")
        || ctx.contains("queries")
        || ctx.contains("attention")
        || ctx.contains("activation")) {
      return "consistent with also storing Q, K, V and the output (four tensors where the key"
          + " counts one — the factor 4)";
    }
    return fourBytes(ctx);
  }

  private static String fourBytes(String ctx) {
    if (ctx.contains("fp32")
        || ctx.contains("32-bit")
        || ctx.contains("4 bytes")
        || ctx.contains("float32")) {
      return "consistent with 4-byte (fp32) values where the key assumes 1 byte, or 2 bytes against"
          + " 8 (a factor of 4)";
    }
    return "consistent with a missing or extra factor of 4";
  }

  static String name(double f) {
    Map<Double, String> names =
        Map.of(
            1e3,
            "1,000",
            1e6,
            "a million",
            1e9,
            "a billion",
            1e12,
            "10^12",
            1048576.0,
            "1024²",
            1073741824.0,
            "1024³");
    String n = names.get(f);
    return n != null ? n : Magnitudes.ratio(f);
  }

  private static void add(
      List<Hypothesis> out, double r, double factor, double penalty, String text) {
    double misfit = Math.abs(Math.log(r / factor));
    // prefix pairs such as MiB/MB differ by a few percent: only an almost exact ratio points to
    // them
    double limit = factor < 1.2 ? 0.004 : LIMIT;
    if (misfit <= limit) {
      out.add(new Hypothesis(text, misfit + penalty, factor));
    }
  }

  /**
   * Whether the key's measured dimension involves {@code base}.
   *
   * @param dims the measured dimension's base dimensions, read once per diagnosis: Indriya builds
   *     the map afresh on every call
   */
  private static boolean has(
      QuantityUnit u, Map<? extends Dimension, Integer> dims, Dimension base) {
    return dims == null ? u.measuredDimension().equals(base) : dims.containsKey(base);
  }
}
