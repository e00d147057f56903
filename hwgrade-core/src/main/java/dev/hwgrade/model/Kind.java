package dev.hwgrade.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of answer key, each graded by the grader of the same name. */
public enum Kind {
  TEXT,
  EXPRESSION,
  NUMERIC,
  BOOLEAN,
  CHOICE;

  /** The name used in files: {@code numeric}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Kind> parse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (Kind k : values()) {
      if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** "text, expression, numeric, boolean, choice" — for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
  }
}
