package dev.hwgrade.load;

import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the fields of one YAML mapping. Every wrong type, missing field and unknown field
 * becomes a located diagnostic; the getters return null instead of throwing so that reading goes on
 * and all problems of a file are found at once.
 */
final class Fields {
  private final YamlNode.MapNode map;
  private final String what;
  private final List<Diagnostic> diagnostics;

  private Fields(YamlNode.MapNode map, String what, List<Diagnostic> diagnostics) {
    this.map = map;
    this.what = what;
    this.diagnostics = diagnostics;
  }

  /** Fields of {@code node}, or null (with a diagnostic) when it is not a mapping. */
  static Fields of(YamlNode node, String what, Set<String> known, List<Diagnostic> diagnostics) {
    if (!(node instanceof YamlNode.MapNode m)) {
      diagnostics.add(
          Diagnostic.error(node.location(), what + " must be a mapping, found " + node.describe()));
      return null;
    }
    Fields f = new Fields(m, what, diagnostics);
    for (YamlNode.Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        diagnostics.add(
            Diagnostic.error(
                e.keyLocation(),
                "unknown field '"
                    + e.key()
                    + "' in "
                    + what
                    + suggestion(e.key(), known)
                    + "; known fields: "
                    + String.join(", ", known)));
      }
    }
    return f;
  }

  SourceLocation location() {
    return map.location();
  }

  boolean has(String key) {
    YamlNode n = map.get(key);
    return n != null && !(n instanceof YamlNode.Scalar s && s.isNull());
  }

  YamlNode node(String key) {
    return map.get(key);
  }

  SourceLocation at(String key) {
    YamlNode.Entry e = map.entries().get(key);
    return e == null ? map.location() : e.value().location();
  }

  String requiredText(String key) {
    if (!has(key)) {
      diagnostics.add(Diagnostic.error(map.location(), what + " has no '" + key + "'"));
      return null;
    }
    return text(key);
  }

  /** A scalar as text (numbers and booleans included); null when absent. */
  String text(String key) {
    YamlNode n = map.get(key);
    if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
      return null;
    }
    if (n instanceof YamlNode.Scalar s) {
      return s.text();
    }
    diagnostics.add(
        Diagnostic.error(
            n.location(), "'" + key + "' in " + what + " must be a text, found " + n.describe()));
    return null;
  }

  Double number(String key, double min, double max, String rule) {
    String t = text(key);
    if (t == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(t.strip().replace("_", ""));
      if (Double.isNaN(d) || d < min || d > max) {
        diagnostics.add(
            Diagnostic.error(at(key), "'" + key + "' must be " + rule + ", found " + t));
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      diagnostics.add(
          Diagnostic.error(
              at(key), "'" + key + "' must be a number (" + rule + "), found '" + t + "'"));
      return null;
    }
  }

  Boolean bool(String key) {
    String t = text(key);
    if (t == null) {
      return null;
    }
    switch (t.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
        return true;
      case "false":
      case "no":
        return false;
      default:
        diagnostics.add(
            Diagnostic.error(at(key), "'" + key + "' must be true or false, found '" + t + "'"));
        return null;
    }
  }

  /** A list of texts; a single text counts as a list of one. */
  List<String> texts(String key) {
    YamlNode n = map.get(key);
    if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
      return List.of();
    }
    if (n instanceof YamlNode.Scalar s) {
      return List.of(s.text());
    }
    if (n instanceof YamlNode.ListNode l) {
      List<String> out = new ArrayList<>();
      for (YamlNode item : l.items()) {
        if (item instanceof YamlNode.Scalar s && !s.isNull()) {
          out.add(s.text());
        } else {
          diagnostics.add(
              Diagnostic.error(
                  item.location(),
                  "items of '" + key + "' must be texts, found " + item.describe()));
        }
      }
      return out;
    }
    diagnostics.add(
        Diagnostic.error(
            n.location(), "'" + key + "' must be a list of texts, found " + n.describe()));
    return List.of();
  }

  /** A mapping of texts to texts, in file order. */
  Map<String, String> textMap(String key) {
    YamlNode n = map.get(key);
    if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
      return Map.of();
    }
    if (!(n instanceof YamlNode.MapNode m)) {
      diagnostics.add(
          Diagnostic.error(n.location(), "'" + key + "' must be a mapping, found " + n.describe()));
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
        out.put(e.key(), s.text());
      } else {
        diagnostics.add(
            Diagnostic.error(
                e.value().location(),
                "'" + key + "." + e.key() + "' must be a text, found " + e.value().describe()));
      }
    }
    return out;
  }

  /** The items of a list field; null (with a diagnostic when present) if it is not a list. */
  List<YamlNode> list(String key, boolean required) {
    YamlNode n = map.get(key);
    if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
      if (required) {
        diagnostics.add(Diagnostic.error(map.location(), what + " has no '" + key + "'"));
      }
      return null;
    }
    if (n instanceof YamlNode.ListNode l) {
      return l.items();
    }
    diagnostics.add(
        Diagnostic.error(
            n.location(), "'" + key + "' in " + what + " must be a list, found " + n.describe()));
    return null;
  }

  static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(key.toLowerCase(Locale.ROOT), k);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best != null && bestD <= 2 ? " (did you mean '" + best + "'?)" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
