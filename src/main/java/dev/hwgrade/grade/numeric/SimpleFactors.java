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

/**
 * The usual suspects behind a wrong estimate: simple factors (2, 3, 4, 8, 10, 1000, 1024, ln 2…),
 * bits against bytes, binary against decimal prefixes, and time-unit slips (3600, 24, 365…), each
 * with a reading that fits the quantity's dimension and the words of the problem.
 */
final class SimpleFactors {
  private SimpleFactors() {}

  /** Largest misfit accepted for a simple factor: about 12%. */
  static final double LIMIT = 0.115;

  static List<Hypothesis> candidates(double ratio, QuantityUnit keyUnit, String context) {
    double r = ratio >= 1 ? ratio : 1 / ratio;
    List<Hypothesis> out = new ArrayList<>();
    boolean info = has(keyUnit, UnitCatalog.INFORMATION);
    boolean time = has(keyUnit, UnitDimension.TIME);
    boolean flops = has(keyUnit, UnitCatalog.COMPUTE);
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

  private static boolean has(QuantityUnit u, Dimension base) {
    return contains(u.measuredDimension(), base);
  }

  private static boolean contains(Dimension d, Dimension base) {
    Map<? extends Dimension, Integer> m = d.getBaseDimensions();
    return m == null ? d.equals(base) : m.containsKey(base);
  }
}
