package dev.hwgrade.quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Dimension;
import tech.units.indriya.unit.UnitDimension;

/**
 * Words for what a unit measures, so explanations can say "information per token" or "compute rate"
 * instead of an Indriya dimension string.
 */
public final class DimensionNames {
  private DimensionNames() {}

  private static final Map<Map<Dimension, Integer>, String> NAMED = new LinkedHashMap<>();

  static {
    Dimension t = UnitDimension.TIME;
    Dimension m = UnitDimension.MASS;
    Dimension l = UnitDimension.LENGTH;
    NAMED.put(Map.of(UnitCatalog.INFORMATION, 1, t, -1), "bandwidth (information per time)");
    NAMED.put(Map.of(UnitCatalog.COMPUTE, 1, t, -1), "compute rate (FLOP per time)");
    NAMED.put(Map.of(UnitCatalog.MONEY, 1, t, -1), "money per time");
    NAMED.put(Map.of(t, -1), "frequency (per time)");
    NAMED.put(Map.of(m, 1, l, 2, t, -2), "energy");
    NAMED.put(Map.of(m, 1, l, 2, t, -3), "power");
    NAMED.put(Map.of(l, 1, t, -1), "speed (length per time)");
    NAMED.put(Map.of(l, 1, t, -2), "acceleration (length per time²)");
    NAMED.put(Map.of(m, 1, l, 1, t, -2), "force");
    NAMED.put(Map.of(m, 1, l, -1, t, -2), "pressure");
    NAMED.put(Map.of(m, 1, l, 1, t, -1), "momentum");
    NAMED.put(Map.of(l, 2), "area");
    NAMED.put(Map.of(l, 3), "volume");
    NAMED.put(Map.of(m, 1, l, -3), "density (mass per volume)");
    NAMED.put(
        Map.of(UnitDimension.AMOUNT_OF_SUBSTANCE, 1, l, -3), "concentration (amount per volume)");
    Dimension i = UnitDimension.ELECTRIC_CURRENT;
    NAMED.put(Map.of(i, 1, t, 1), "electric charge");
    NAMED.put(Map.of(m, 1, l, 2, t, -3, i, -1), "voltage");
    NAMED.put(Map.of(m, 1, l, 2, t, -3, i, -2), "resistance");
    NAMED.put(Map.of(m, -1, l, -2, t, 4, i, 2), "capacitance");
    NAMED.put(Map.of(m, 1, l, 2, t, -2, i, -2), "inductance");
    NAMED.put(Map.of(m, 1, t, -2, i, -1), "magnetic flux density");
  }

  /** What {@code unit} measures, e.g. {@code information per token}, {@code a pure number}. */
  public static String describe(QuantityUnit unit) {
    String measured = measured(unit.measuredDimension());
    List<String> countedUp = new ArrayList<>();
    List<String> countedDown = new ArrayList<>();
    for (Map.Entry<Dimension, Integer> e : base(unit.countedDimension()).entrySet()) {
      String name = UnitCatalog.get().dimensionName(e.getKey());
      (e.getValue() > 0 ? countedUp : countedDown).add(e.getValue() > 0 ? name : singular(name));
    }
    StringBuilder b = new StringBuilder();
    if (!measured.isEmpty()) {
      b.append(measured);
    }
    if (!countedUp.isEmpty()) {
      b.append(b.length() == 0 ? "a count of " : " × ").append(String.join(" × ", countedUp));
    }
    for (String d : countedDown) {
      b.append(b.length() == 0 ? "per " : " per ").append(d);
    }
    return b.length() == 0 ? "a pure number" : b.toString();
  }

  private static String measured(Dimension d) {
    Map<Dimension, Integer> map = base(d);
    if (map.isEmpty()) {
      return "";
    }
    String named = NAMED.get(map);
    if (named != null) {
      return named;
    }
    List<String> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    for (Map.Entry<Dimension, Integer> e : map.entrySet()) {
      String name = UnitCatalog.get().dimensionName(e.getKey());
      int p = Math.abs(e.getValue());
      String term = p == 1 ? name : name + "^" + p;
      (e.getValue() > 0 ? up : down).add(term);
    }
    String s = up.isEmpty() ? "1" : String.join(" × ", up);
    return down.isEmpty() ? s : s + " per " + String.join(" per ", down);
  }

  @SuppressWarnings("unchecked")
  private static Map<Dimension, Integer> base(Dimension d) {
    Map<? extends Dimension, Integer> m = d.getBaseDimensions();
    if (m == null) {
      return d.equals(UnitDimension.NONE) ? Map.of() : Map.of(d, 1);
    }
    return (Map<Dimension, Integer>) m;
  }

  private static String singular(String plural) {
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("ches")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (plural.equals("people")) {
      return "person";
    }
    return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }
}
