package dev.hwgrade.verify;

import dev.hwgrade.load.BooleanWords;
import dev.hwgrade.model.Kind;
import java.util.regex.Pattern;

/**
 * Guesses a key's kind when a batch line gives none. A bare number without a unit is an expression
 * (compared exactly, so 0.52 is not 0.5); a number with a unit, a magnitude word or a tolerance is
 * numeric.
 */
public final class KindDetector {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "^[~≈$€£]?\\s*[-+]?(?:\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)(?:\\s*(?:[eE][-+]?\\d+|\\\\times\\s*10\\^\\{?-?\\d+\\}?|[x×]\\s*10\\^-?\\d+))?"
              + "\\s*(?:%|[a-zA-Zµ$/][a-zA-Zµ$/\\s\\-·^0-9]*)$");
  private static final Pattern MAGNITUDE =
      Pattern.compile(
          "^[~≈$€£]?\\s*[-+]?\\d[\\d,]*(?:\\.\\d+)?\\s*(?:(?i:thousand|million|billion|trillion|quadrillion)\\b|[kKMBT](?![\\w(]))"
              + "[\\sa-zA-Z$/%-]*$");
  private static final Pattern MATHY = Pattern.compile("[\\\\^_=+*/()\\[\\]{}<>]|\\d|^[a-zA-Z]$");

  private KindDetector() {}

  /**
   * The kind for a key answer, given what else the line holds.
   *
   * @param hasOptions the line has choice options
   * @param hasKeyPoints the line has key points
   * @param hasNumericOptions the line has a unit, tolerance or partial_within
   * @param hasMatrices the line names non-commuting symbols
   */
  public static Kind detect(
      String key,
      boolean hasOptions,
      boolean hasKeyPoints,
      boolean hasNumericOptions,
      boolean hasMatrices) {
    if (hasOptions) {
      return Kind.CHOICE;
    }
    if (hasKeyPoints) {
      return Kind.TEXT;
    }
    if (hasMatrices) {
      return Kind.EXPRESSION;
    }
    if (hasNumericOptions) {
      return Kind.NUMERIC;
    }
    String k = key == null ? "" : key.strip();
    if (BooleanWords.parse(k) != null) {
      return Kind.BOOLEAN;
    }
    String bare = k.replaceAll("^\\$+|\\$+$", "").strip();
    if (QUANTITY.matcher(bare).matches()
        && bare.matches(".*[a-zA-Zµ%$].*")
        && !bare.contains("\\frac")
        && wordCount(bare) <= 4) {
      return Kind.NUMERIC;
    }
    if (MAGNITUDE.matcher(bare).matches() && wordCount(bare) <= 5) {
      return Kind.NUMERIC;
    }
    if (wordCount(bare) <= 6 && MATHY.matcher(bare).find() || k.startsWith("$")) {
      return Kind.EXPRESSION;
    }
    return Kind.TEXT;
  }

  private static int wordCount(String s) {
    return s.isBlank() ? 0 : s.split("\\s+").length;
  }
}
