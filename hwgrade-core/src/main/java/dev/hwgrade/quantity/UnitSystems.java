package dev.hwgrade.quantity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.format.UnitFormat;
import javax.measure.spi.SystemOfUnits;
import si.uom.NonSI;
import systems.uom.common.USCustomary;
import systems.uom.ucum.format.UCUMFormat;
import systems.uom.ucum.internal.format.TokenMgrError;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.Units;

/**
 * The physical units hwgrade reads, taken from unit systems rather than a list of its own:
 * Indriya's SI units, si-units' {@link NonSI} (eV, bar-like units, tonne, degree of angle…),
 * systems-common's {@link USCustomary} (ft, mi, mph, lb, gal, °F…), every SI prefix on the SI
 * symbols, and, for what those leave out, UCUM's case-sensitive codes ({@code cal}, {@code atm},
 * {@code bar}, {@code mL}) and UCUM's customary codes, so that {@code psi} is read as UCUM {@code
 * [psi]} and {@code in} as {@code [in_i]}. The systems are built once, on the first lookup that
 * needs them; UCUM's parser only when a word is in none of the systems. Every answer is cached,
 * known or not.
 */
final class UnitSystems {
  private static final int MAX_CACHE = 5_000;

  /**
   * How people write units the systems spell differently: the written form and the system's symbol
   * or UCUM code it stands for. These are spellings, not units: each one resolves through the
   * systems.
   */
  private static final Map<String, String> SPELLINGS =
      Map.ofEntries(
          Map.entry("°C", "℃"),
          Map.entry("ºC", "℃"),
          Map.entry("degC", "℃"),
          Map.entry("C°", "℃"),
          Map.entry("°F", "[degF]"),
          Map.entry("ºF", "[degF]"),
          Map.entry("degF", "[degF]"),
          Map.entry("F°", "[degF]"),
          Map.entry("°", "deg"),
          Map.entry("º", "deg"),
          Map.entry("L", "l"),
          Map.entry("ohm", "Ω"),
          Map.entry("ohms", "Ω"),
          Map.entry("Ohm", "Ω"),
          Map.entry("Ohms", "Ω"),
          Map.entry("Ω", "Ω"),
          Map.entry("M", "mol/L"),
          Map.entry("cc", "cm3"),
          Map.entry("\u00C5", "Ao"),
          Map.entry("\u212B", "Ao"),
          Map.entry("lbs", "[lb_av]"),
          Map.entry("inch", "[in_i]"),
          Map.entry("inches", "[in_i]"),
          Map.entry("feet", "[ft_i]"),
          Map.entry("amp", "A"),
          Map.entry("amps", "A"),
          Map.entry("Amp", "A"),
          Map.entry("Amps", "A"),
          Map.entry("torr", "mm[Hg]"),
          Map.entry("Torr", "mm[Hg]"),
          Map.entry("mmHg", "mm[Hg]"),
          Map.entry("celsius", "℃"),
          Map.entry("fahrenheit", "[degF]"),
          Map.entry("kelvin", "K"),
          Map.entry("kelvins", "K"),
          Map.entry("degree", "deg"),
          Map.entry("degrees", "deg"),
          Map.entry("liter", "l"),
          Map.entry("liters", "l"),
          Map.entry("litre", "l"),
          Map.entry("litres", "l"),
          Map.entry("meter", "m"),
          Map.entry("meters", "m"));

  /** English words that also spell a unit symbol: after a number they are prose, not units. */
  static final Set<String> PROSE =
      Set.of(
          "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
          "my", "no", "of", "on", "or", "so", "to", "up", "we", "and", "are", "the", "for", "not",
          "can", "its", "all", "but", "was", "has", "had", "one", "two", "ten", "cup", "rev", "pt",
          "st", "ha", "pm", "dam", "mil", "per", "each");

  /** Calendar units: no SI prefix applies to them ({@code hh} is not a hecto-hour). */
  private static final Set<String> UNPREFIXED = Set.of("h", "min", "d", "wk", "mo", "yr", "kg");

  private final Map<String, Unit<?>> symbols = new HashMap<>();
  private final Set<String> prefixable = new java.util.HashSet<>();
  private final Map<String, Unit<?>> names = new HashMap<>();
  private final ConcurrentHashMap<String, Optional<Unit<?>>> cache = new ConcurrentHashMap<>();

  private UnitSystems() {
    for (Unit<?> u : Units.getInstance().getUnits()) {
      add(u, true);
    }
    add(Units.GRAM, true);
    add(Units.LITRE, true);
    for (Unit<?> u : NonSI.getInstance().getUnits()) {
      add(u, false);
    }
    prefixable.add("eV");
    prefixable.add("t");
    Unit<?> molar = ucum("mol/L");
    if (molar != null) {
      symbols.put("M", molar); // molar: mol/L, and mM, µM with prefixes
      prefixable.add("M");
    }
    add(USCustomary.getInstance());
  }

  private static final class Holder {
    static final UnitSystems INSTANCE = new UnitSystems();
  }

  /** The shared systems, built on first use. */
  static UnitSystems get() {
    return Holder.INSTANCE;
  }

  private void add(SystemOfUnits system) {
    for (Unit<?> u : system.getUnits()) {
      add(u, false);
    }
  }

  private void add(Unit<?> u, boolean prefixOk) {
    String symbol = u.getSymbol() != null ? u.getSymbol() : u.toString();
    if (symbol == null || symbol.isEmpty() || !plainSymbol(symbol)) {
      return;
    }
    if (symbols.putIfAbsent(symbol, u) == null && prefixOk && !UNPREFIXED.contains(symbol)) {
      prefixable.add(symbol);
    }
    String name = u.getName();
    if (name != null && name.indexOf(' ') < 0) {
      names.putIfAbsent(name.toLowerCase(Locale.ROOT), u);
    }
  }

  private static boolean plainSymbol(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetter(c) || c == '°' || c == '℃' || c == '²' || c == '³' || c == '/')) {
        return false;
      }
    }
    return s.indexOf('/') < 0 || s.equals("ft/s");
  }

  /**
   * The unit a word spells — a symbol ({@code kN}, {@code µF}, {@code °C}, {@code mph}), a name
   * ({@code newtons}, {@code kilometres}) or a UCUM code — or empty when no system knows it.
   */
  Optional<Unit<?>> lookup(String word) {
    Optional<Unit<?>> known = cache.get(word);
    if (known == null) {
      known = Optional.ofNullable(resolve(word));
      if (cache.size() > MAX_CACHE) {
        cache.clear();
      }
      cache.put(word, known);
    }
    return known;
  }

  private Unit<?> resolve(String word) {
    String w = word.replace('μ', 'µ');
    String spelled = SPELLINGS.get(w);
    if (spelled != null) {
      Unit<?> u = symbols.get(spelled);
      return u != null ? u : ucum(spelled);
    }
    Unit<?> u = symbols.get(w);
    if (u != null) {
      return u;
    }
    u = prefixed(w);
    if (u != null) {
      return u;
    }
    u = named(w.toLowerCase(Locale.ROOT));
    if (u != null) {
      return u;
    }
    if (w.length() >= 2 && w.length() <= 12 && w.chars().allMatch(UnitSystems::asciiLetter)) {
      for (String code : new String[] {"[" + w + "]", "[" + w + "_i]", "[" + w + "_av]", w}) {
        u = code.equals(w) && calendarPrefixed(w) ? null : ucum(code);
        if (u != null) {
          return u;
        }
      }
    }
    return null;
  }

  /** UCUM codes are ASCII; its lexer fails with an {@link Error} on anything else. */
  private static boolean asciiLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** {@code kN}, {@code µF}, {@code us} (µs), {@code mL}: an SI prefix on an SI symbol. */
  private Unit<?> prefixed(String w) {
    for (MetricPrefix p : MetricPrefix.values()) {
      String ps = p.getSymbol();
      for (String spelling : ps.equals("µ") ? new String[] {"µ", "u"} : new String[] {ps}) {
        if (w.length() > spelling.length() && w.startsWith(spelling)) {
          String rest = w.substring(spelling.length());
          if (rest.equals("L")) {
            rest = "l";
          }
          if (prefixable.contains(rest)) {
            return symbols.get(rest).prefix(p);
          }
        }
      }
    }
    return null;
  }

  /** {@code newtons}, {@code kilometres}, {@code microfarads}, {@code feet per second} not. */
  private Unit<?> named(String lower) {
    Unit<?> u = singularName(lower);
    if (u != null) {
      return u;
    }
    for (MetricPrefix p : MetricPrefix.values()) {
      String pn = p.getName().toLowerCase(Locale.ROOT);
      if (lower.length() > pn.length() + 2 && lower.startsWith(pn)) {
        Unit<?> base = singularName(lower.substring(pn.length()));
        if (base != null && prefixable.contains(base.toString())) {
          return base.prefix(p);
        }
      }
    }
    return null;
  }

  private Unit<?> singularName(String lower) {
    String alias = SPELLINGS.get(lower);
    if (alias != null) {
      Unit<?> u = symbols.get(alias);
      return u != null ? u : ucum(alias);
    }
    if (lower.length() < 3) {
      return null;
    }
    Unit<?> u = names.get(lower);
    if (u == null && lower.endsWith("s")) {
      u = names.get(lower.substring(0, lower.length() - 1));
    }
    if (u == null && lower.endsWith("er")) {
      u = names.get(lower.substring(0, lower.length() - 2) + "re"); // metre, litre
    }
    if (u == null && lower.endsWith("ers")) {
      u = names.get(lower.substring(0, lower.length() - 3) + "re");
    }
    return u;
  }

  /** UCUM reads {@code hh} as a hecto-hour and {@code dd} as a deci-day; nobody means that. */
  private static boolean calendarPrefixed(String w) {
    for (String c : new String[] {"h", "min", "d", "wk", "mo", "a"}) {
      if (w.length() > c.length() && w.endsWith(c)) {
        return true;
      }
    }
    return PROSE.contains(w);
  }

  /**
   * A UCUM code's unit, or null. Dimensionless UCUM units other than parts-per are left out: bels,
   * nepers and decibels are logarithmic, and no factor converts them.
   */
  private static Unit<?> ucum(String code) {
    try {
      Unit<?> u;
      synchronized (Ucum.FORMAT) { // UCUM's format is not documented as thread-safe
        u = Ucum.FORMAT.parse(code);
      }
      if (u == null || u.getDimension().equals(AbstractUnit.ONE.getDimension())) {
        return u != null && code.startsWith("[pp") ? u : null;
      }
      return u;
    } catch (RuntimeException | TokenMgrError e) {
      return null; // UCUM's parser throws its own unchecked errors for unknown codes
    }
  }

  private static final class Ucum {
    static final UnitFormat FORMAT = UCUMFormat.getInstance(UCUMFormat.Variant.CASE_SENSITIVE);
  }
}
