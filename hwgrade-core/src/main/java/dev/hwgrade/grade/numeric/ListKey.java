package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.QuantityUnit;
import dev.hwgrade.quantity.TextNormalizer;
import dev.hwgrade.quantity.UnitParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric key that is a list or a set of values: {@code [2, 5]} (in order), {@code (−1, 3)} (in
 * order), {@code {1.2 ms, 3.4 ms}} or {@code \{1, 2\}} (any order). A unit after the closing
 * bracket ({@code [1.5, 2.5] m}) applies to every entry that gives none. One tolerance applies to
 * every entry.
 *
 * @param entries the values, in the key's order
 * @param ordered true for a list or tuple, false for a set
 * @param text the key as written
 */
public record ListKey(List<KeyTarget> entries, boolean ordered, String text) {
  /** The most entries a list key may have. */
  public static final int MAX_ENTRIES = 50;

  public ListKey {
    entries = List.copyOf(entries);
  }

  /**
   * True when a numeric key's answer is a list or set ({@code [2, 5]}, {@code {1.2 ms, 3.4 ms}}),
   * whose answers name several values on purpose.
   */
  public static boolean isList(String answer) {
    return answer != null && split(answer) != null;
  }

  /** The key's entries as written, or null when the key is not a list. */
  static Written split(String raw) {
    String s = TextNormalizer.normalizeUnit(raw).strip();
    s = s.replace("\\{", "{").replace("\\}", "}");
    if (s.isEmpty()) {
      return null;
    }
    char open = s.charAt(0);
    char close = open == '[' ? ']' : open == '(' ? ')' : open == '{' ? '}' : ' ';
    if (close == ' ') {
      return null;
    }
    int end = closing(s, 0, open, close);
    if (end < 0) {
      return null;
    }
    List<String> parts = topLevelParts(s.substring(1, end));
    if (parts.size() < 2) {
      return null;
    }
    String after = s.substring(end + 1).strip();
    return new Written(parts, open != '{', after);
  }

  /** The pieces of a written list key. */
  record Written(List<String> parts, boolean ordered, String unitAfter) {
    /** The unit after the closing bracket, NONE when there is none, null when it is not a unit. */
    QuantityUnit unit() {
      if (unitAfter.isEmpty()) {
        return QuantityUnit.NONE;
      }
      return UnitParser.shared().parse(unitAfter).orElse(null);
    }
  }

  /** The entries of a list body: split at commas and semicolons, not at thousands separators. */
  static List<String> topLevelParts(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (depth == 0 && (c == ';' || c == ',' && !thousands(body, k))) {
        parts.add(body.substring(from, k).strip());
        from = k + 1;
      }
    }
    parts.add(body.substring(from).strip());
    parts.removeIf(String::isEmpty);
    return parts;
  }

  /** A comma between a digit and exactly three digits: {@code 1,000}. */
  private static boolean thousands(String s, int k) {
    if (k == 0 || !Character.isDigit(s.charAt(k - 1))) {
      return false;
    }
    int d = 0;
    while (k + 1 + d < s.length() && Character.isDigit(s.charAt(k + 1 + d))) {
      d++;
    }
    return d == 3 && (k + 4 >= s.length() || s.charAt(k + 4) != '.');
  }

  /** The position of the bracket closing the one at {@code i}, or -1. */
  static int closing(String s, int i, char open, char close) {
    int depth = 0;
    for (int k = i; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return k;
      }
    }
    return -1;
  }
}
