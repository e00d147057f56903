package dev.hwgrade.quantity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.measure.Dimension;
import javax.measure.Unit;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The unit vocabulary: the physical units of {@link UnitSystems} (SI with every prefix, non-SI, US
 * customary, UCUM) plus what machine-learning homework measures in — information (bits, bytes, SI
 * and IEC prefixes), compute (FLOP as a count, FLOP/s), money (dollars), calendar time up to years,
 * and countable nouns (tokens, parameters, GPUs, books…), each countable noun its own dimension.
 * The computing vocabulary is built once; the physical systems on first need.
 */
public final class UnitCatalog {
  /** Information, measured in bits. */
  public static final Dimension INFORMATION = UnitDimension.parse('\uE001');

  /** Compute, counted in floating-point operations. */
  public static final Dimension COMPUTE = UnitDimension.parse('\uE002');

  /** Money, in US dollars. */
  public static final Dimension MONEY = UnitDimension.parse('\uE003');

  /**
   * A level in decibels. Decibels are logarithmic, so no factor converts them to anything else: a
   * gain in {@code dB} compares only with decibels, and a power level in {@code dBm} (decibels
   * above a milliwatt) is a dimension of its own.
   */
  public static final Dimension LEVEL = UnitDimension.parse('\uE005');

  /** A power level in decibels above a milliwatt. */
  public static final Dimension POWER_LEVEL = UnitDimension.parse('\uE006');

  public static final Unit<?> DECIBEL = new BaseUnit<>("dB", "decibel", LEVEL);
  public static final Unit<?> DECIBEL_MILLIWATT = new BaseUnit<>("dBm", "dBm", POWER_LEVEL);

  public static final Unit<?> BIT = new BaseUnit<>("bit", "bit", INFORMATION);
  public static final Unit<?> BYTE = BIT.multiply(8);
  public static final Unit<?> FLOP = new BaseUnit<>("FLOP", "FLOP", COMPUTE);
  public static final Unit<?> DOLLAR = new BaseUnit<>("$", "dollar", MONEY);
  public static final Unit<?> YEAR = Units.DAY.multiply(365);
  public static final Unit<?> MONTH = YEAR.divide(12);

  private static final int MAX_CACHE = 5_000;

  private final Map<String, Atom> exact = new HashMap<>();

  /**
   * What {@link #physical} found for each word, known or not: every word of a response after a
   * number is looked up, and splitting a word into two symbols costs several lookups.
   */
  private final ConcurrentHashMap<String, Optional<Atom>> physicalCache = new ConcurrentHashMap<>();

  private final Map<String, Atom> folded = new HashMap<>();
  private final Map<Dimension, String> dimensionNames = new LinkedHashMap<>();
  private int nextCountDimension = 0xE100;

  private UnitCatalog() {
    dimensionNames.put(INFORMATION, "information");
    dimensionNames.put(COMPUTE, "compute");
    dimensionNames.put(MONEY, "money");
    dimensionNames.put(LEVEL, "a level in decibels");
    dimensionNames.put(POWER_LEVEL, "a power level in dBm");
    dimensionNames.put(UnitDimension.TIME, "time");
    dimensionNames.put(UnitDimension.LENGTH, "length");
    dimensionNames.put(UnitDimension.MASS, "mass");
    information();
    compute();
    time();
    money();
    decibels();
    mass();
    dimensionless();
    countables();
  }

  /** The shared catalog. */
  public static UnitCatalog get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final UnitCatalog INSTANCE = new UnitCatalog();
  }

  /**
   * The atom spelled {@code word}: exact spelling first (so {@code Mb} is megabits and {@code MB}
   * megabytes), then case-folded words of the computing vocabulary, then the physical unit systems,
   * then a singular of a plural ({@code GPUs}).
   */
  public Atom lookup(String word) {
    Atom a = exact.get(word);
    if (a != null) {
      return a;
    }
    int n = word.length();
    if (n > 2 && word.charAt(n - 1) == 's' && Character.isUpperCase(word.charAt(n - 2))) {
      // "GPUs", "petaFLOPs": a lower-case plural s after a capital is a plural, never "per second".
      a = lookup(word.substring(0, n - 1));
      if (a != null) {
        return a;
      }
    }
    String lower = word.toLowerCase(Locale.ROOT);
    a = folded.get(lower);
    if (a == null) {
      a = physical(word);
    }
    if (a != null || lower.length() < 4) {
      return a;
    }
    if (lower.endsWith("ies")) {
      a = folded.get(lower.substring(0, lower.length() - 3) + "y");
    }
    if (a == null && lower.endsWith("es")) {
      a = folded.get(lower.substring(0, lower.length() - 2));
    }
    if (a == null && lower.endsWith("s")) {
      a = folded.get(lower.substring(0, lower.length() - 1));
    }
    return a;
  }

  /**
   * A unit of the physical systems ({@link UnitSystems}): a symbol, prefixed symbol, name or UCUM
   * code; a word of two symbols written together ({@code kWh}, {@code Nm}, {@code mAh}) when it has
   * a capital letter. Null when none reads it.
   */
  private Atom physical(String word) {
    Optional<Atom> known = physicalCache.get(word);
    if (known == null) {
      known = Optional.ofNullable(readPhysical(word));
      if (physicalCache.size() > MAX_CACHE) {
        physicalCache.clear();
      }
      physicalCache.put(word, known);
    }
    return known.orElse(null);
  }

  private Atom readPhysical(String word) {
    if (word.isEmpty() || UnitSystems.PROSE.contains(word) && !word.equals("in")) {
      // "in" is read as inches here; the unit parser keeps it only where it cannot be prose
      return null;
    }
    UnitSystems systems = UnitSystems.get();
    Unit<?> u = systems.lookup(word).orElse(null);
    if (u == null && word.length() >= 2 && word.length() <= 6 && hasCapital(word)) {
      for (int cut = 1; cut < word.length() && u == null; cut++) {
        Unit<?> left = systems.lookup(word.substring(0, cut)).orElse(null);
        Unit<?> right = left == null ? null : systems.lookup(word.substring(cut)).orElse(null);
        if (right != null && !isCount(left) && !isCount(right)) {
          u = left.multiply(right);
        }
      }
    }
    return u == null ? null : new Atom(word, u, false);
  }

  private static boolean isCount(Unit<?> u) {
    return u.getDimension().equals(UnitDimension.NONE);
  }

  private static boolean hasCapital(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isUpperCase(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the dimension counts something (tokens, GPUs…) rather than measuring it. */
  public boolean isCountDimension(Dimension d) {
    return d instanceof UnitDimension && dimensionNames.containsKey(d) && isCountName(d);
  }

  private boolean isCountName(Dimension d) {
    return !(d.equals(INFORMATION)
        || d.equals(COMPUTE)
        || d.equals(MONEY)
        || d.equals(LEVEL)
        || d.equals(POWER_LEVEL)
        || d.equals(UnitDimension.TIME)
        || d.equals(UnitDimension.LENGTH)
        || d.equals(UnitDimension.MASS));
  }

  /** A word for one base dimension: {@code information}, {@code time}, {@code tokens}. */
  public String dimensionName(Dimension base) {
    String n = dimensionNames.get(base);
    if (n != null) {
      return n;
    }
    if (base.equals(UnitDimension.ELECTRIC_CURRENT)) {
      return "electric current";
    }
    if (base.equals(UnitDimension.TEMPERATURE)) {
      return "temperature";
    }
    if (base.equals(UnitDimension.AMOUNT_OF_SUBSTANCE)) {
      return "amount of substance";
    }
    if (base.equals(UnitDimension.LUMINOUS_INTENSITY)) {
      return "luminous intensity";
    }
    return base.toString();
  }

  // ---- vocabulary -------------------------------------------------------------------------

  private static final String[] SI_SYMBOLS = {"k", "K", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final double[] SI_FACTORS = {1e3, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1e21, 1e24};
  private static final String[] SI_WORDS = {
    "kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"
  };
  private static final double[] SI_WORD_FACTORS = {1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1e21, 1e24};
  private static final String[] IEC_SYMBOLS = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] IEC_WORDS = {"kibi", "mebi", "gibi", "tebi", "pebi", "exbi"};

  private void information() {
    exactly(BIT, "bit", "bits", "b");
    words(BIT, "bit", "bits");
    exactly(BYTE, "B", "byte", "bytes");
    words(BYTE, "byte", "bytes");
    for (int i = 0; i < SI_SYMBOLS.length; i++) {
      String p = SI_SYMBOLS[i];
      Unit<?> bytes = BYTE.multiply(SI_FACTORS[i]);
      Unit<?> bits = BIT.multiply(SI_FACTORS[i]);
      exactly(bytes, p + "B", p + "byte", p + "bytes");
      exactly(bits, p + "b", p + "bit", p + "bits");
      exactly(bits.divide(Units.SECOND), p + "bps");
      exactly(bytes.divide(Units.SECOND), p + "Bps");
    }
    for (String casual : new String[] {"kb", "mb", "gb", "tb", "pb", "eb"}) {
      // Lower-case "gb" in running text nearly always means gigabytes.
      int i = "kmgtpe".indexOf(casual.charAt(0));
      exactly(BYTE.multiply(new double[] {1e3, 1e6, 1e9, 1e12, 1e15, 1e18}[i]), casual);
    }
    for (int i = 0; i < SI_WORDS.length; i++) {
      words(BYTE.multiply(SI_WORD_FACTORS[i]), SI_WORDS[i] + "byte", SI_WORDS[i] + "bytes");
      words(BIT.multiply(SI_WORD_FACTORS[i]), SI_WORDS[i] + "bit", SI_WORDS[i] + "bits");
    }
    for (int i = 0; i < IEC_SYMBOLS.length; i++) {
      double f = Math.pow(1024, i + 1);
      exactly(
          BYTE.multiply(f),
          IEC_SYMBOLS[i] + "B",
          IEC_SYMBOLS[i] + "byte",
          IEC_SYMBOLS[i] + "bytes");
      exactly(
          BIT.multiply(f), IEC_SYMBOLS[i] + "b", IEC_SYMBOLS[i] + "bit", IEC_SYMBOLS[i] + "bits");
      words(BYTE.multiply(f), IEC_WORDS[i] + "byte", IEC_WORDS[i] + "bytes");
    }
  }

  private void compute() {
    Unit<?> perSecond = FLOP.divide(Units.SECOND);
    exactly(FLOP, "FLOP", "FLOPs", "flop", "flops", "Flop", "Flops");
    words(FLOP, "flop", "flops");
    exactly(perSecond, "FLOPS", "FLOP/s", "flop/s");
    exactly(FLOP.multiply(2), "MAC", "MACs");
    for (int i = 0; i < SI_SYMBOLS.length; i++) {
      String p = SI_SYMBOLS[i];
      Unit<?> count = FLOP.multiply(SI_FACTORS[i]);
      exactly(count, p + "FLOP", p + "FLOPs", p + "flop", p + "F");
      exactly(count.divide(Units.SECOND), p + "FLOPS");
    }
    for (int i = 0; i < SI_WORDS.length; i++) {
      Unit<?> count = FLOP.multiply(SI_WORD_FACTORS[i]);
      // "petaflops" in prose is a rate; "petaFLOP" / "petaFLOPs" counts.
      words(count, SI_WORDS[i] + "flop");
      words(count.divide(Units.SECOND), SI_WORDS[i] + "flops");
    }
    Unit<?> pfDay = FLOP.multiply(1e15 * 86400);
    exactly(
        pfDay,
        "PF-day",
        "PF-days",
        "pf-day",
        "pf-days",
        "PFLOP/s-day",
        "PFLOP/s-days",
        "PFLOPS-day",
        "PFLOPS-days",
        "petaflop-day",
        "petaflop-days",
        "petaflop/s-day",
        "petaflop/s-days",
        "pfs-day",
        "pfs-days");
  }

  /**
   * Informal spellings of time units ({@code sec}, {@code hrs}) and the calendar: a year of 365
   * days and its twelfth, as cost and energy estimates count them. The symbols ({@code s}, {@code
   * ms}, {@code min}, {@code h}) and names come from the unit systems.
   */
  private void time() {
    Unit<?> s = Units.SECOND;
    exactly(s, "sec", "secs");
    words(s, "sec", "secs");
    exactly(s.divide(1000), "msec");
    exactly(s.divide(1e6), "usec");
    exactly(Units.MINUTE, "mins");
    exactly(Units.HOUR, "hr", "hrs");
    words(Units.HOUR, "hr", "hrs");
    words(Units.WEEK, "wk", "wks");
    words(MONTH, "month", "months", "mo", "mos");
    words(YEAR, "year", "years", "yr", "yrs");
  }

  private void money() {
    exactly(DOLLAR, "$", "USD", "US$");
    words(DOLLAR, "dollar", "dollars", "usd");
    words(DOLLAR.divide(100), "cent", "cents");
    exactly(DOLLAR.divide(100), "¢");
  }

  private void decibels() {
    exactly(DECIBEL, "dB", "decibel", "decibels");
    exactly(DECIBEL_MILLIWATT, "dBm");
  }

  /** Carbon figures in mass ({@code kgCO2e}) and the everyday words for a tonne and a kilogram. */
  private void mass() {
    exactly(Units.KILOGRAM, "kgCO2", "kgCO2e");
    words(Units.KILOGRAM, "kilo", "kilos");
    Unit<?> tonne = Units.KILOGRAM.multiply(1000);
    exactly(tonne, "tCO2", "tCO2e");
    words(tonne, "tonne", "tonnes", "ton", "tons", "metric ton");
  }

  private void dimensionless() {
    Unit<?> one = AbstractUnit.ONE;
    exactly(one, "x", "×", "times", "fold", "X");
    words(one, "times", "fold");
  }

  private void countables() {
    countable("token", "tokens", "tok", "toks");
    countable("parameter", "parameters", "param", "params", "weight", "weights");
    countable(
        "GPU",
        "gpus",
        "gpu",
        "H100",
        "H100s",
        "H200",
        "H200s",
        "A100",
        "A100s",
        "V100",
        "V100s",
        "B200",
        "B200s",
        "TPU",
        "TPUs",
        "accelerator",
        "accelerators",
        "chip",
        "chips");
    countable("book", "books");
    countable("word", "words");
    countable("page", "pages");
    countable("image", "images");
    countable("sample", "samples");
    countable("example", "examples");
    countable("sequence", "sequences", "seq", "seqs");
    countable("document", "documents", "doc", "docs");
    countable("request", "requests");
    countable("query", "queries");
    countable("user", "users");
    countable("step", "steps");
    countable("iteration", "iterations", "iter", "iters");
    countable("epoch", "epochs");
    countable("batch", "batches");
    countable("layer", "layers");
    countable("head", "heads");
    countable("node", "nodes");
    countable("server", "servers");
    countable("person", "people", "persons");
    countable("character", "characters", "char", "chars");
    countable("sentence", "sentences");
    countable("file", "files");
    countable("operation", "operations", "op", "ops");
    countable("neuron", "neurons");
    countable("experiment", "experiments");
    countable("run", "runs");
    countable("copy", "copies");
    countable("household", "households");
    countable("car", "cars");
    countable("dimension", "dimensions", "dim", "dims");
    countable("vector", "vectors");
    countable("student", "students");
  }

  private void countable(String singular, String... others) {
    Dimension d = UnitDimension.parse((char) nextCountDimension++);
    dimensionNames.put(d, singular.equals("person") ? "people" : plural(singular));
    Unit<?> unit = new BaseUnit<>(singular, singular, d);
    Atom atom = new Atom(singular, unit, true);
    exact.put(singular, atom);
    folded.put(singular.toLowerCase(Locale.ROOT), atom);
    for (String o : others) {
      exact.put(o, atom);
      folded.put(o.toLowerCase(Locale.ROOT), atom);
    }
  }

  private static String plural(String s) {
    if (s.endsWith("y") && !s.endsWith("ay")) {
      return s.substring(0, s.length() - 1) + "ies";
    }
    return s.endsWith("ch") || s.endsWith("s") ? s + "es" : s + "s";
  }

  private void exactly(Unit<?> unit, String... spellings) {
    Atom atom = new Atom(spellings[0], unit, false);
    for (String s : spellings) {
      exact.putIfAbsent(s, atom);
    }
  }

  private void words(Unit<?> unit, String... spellings) {
    Atom atom = new Atom(spellings[0], unit, false);
    for (String s : spellings) {
      folded.putIfAbsent(s.toLowerCase(Locale.ROOT), atom);
    }
  }
}
