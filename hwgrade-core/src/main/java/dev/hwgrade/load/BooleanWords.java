package dev.hwgrade.load;

import java.util.Locale;

/** The words a key may use for a boolean answer. */
public final class BooleanWords {
  private BooleanWords() {}

  /** TRUE for true/yes/t/y, FALSE for false/no/f/n, null otherwise. */
  public static Boolean parse(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT).replaceAll("[.!*]", "");
    return switch (t) {
      case "true", "yes", "t", "y", "correct" -> Boolean.TRUE;
      case "false", "no", "f", "n", "incorrect" -> Boolean.FALSE;
      default -> null;
    };
  }
}
