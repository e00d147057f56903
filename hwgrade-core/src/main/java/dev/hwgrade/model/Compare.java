package dev.hwgrade.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How an expression key compares equations and conditions, the key's {@code compare} option.
 *
 * <p>{@link #FORM} (the default): an answer must have the key's form, so when the key is solved
 * ({@code x = 2 or x = -2}, {@code x > 2}, {@code y = x/(2x-1)}) an answer that restates the
 * unsolved equation ({@code x^2 = 4}) does not answer it. {@link #SOLUTION_SET}: equations,
 * inequalities, conditions and sets are equal when they have the same solutions, solved or not.
 */
public enum Compare {
  FORM("form"),
  SOLUTION_SET("solution_set");

  private final String id;

  Compare(String id) {
    this.id = id;
  }

  /** The name written in a key. */
  public String id() {
    return id;
  }

  /** The option named {@code name} (case and surrounding space ignored), if there is one. */
  public static Optional<Compare> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(c -> c.id.equals(n)).findFirst();
  }

  /** The names a key may use, for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(Compare::id).collect(Collectors.joining(", "));
  }
}
