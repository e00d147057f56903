package dev.hwgrade.model;

import java.util.Locale;

/** The outcome of grading one part. {@link #NEEDS_REVIEW} is never counted as wrong. */
public enum Verdict {
  CORRECT("✓"),
  PARTIALLY_CORRECT("◐"),
  INCORRECT("✗"),
  UNANSWERED("–"),
  NEEDS_REVIEW("?");

  private final String symbol;

  Verdict(String symbol) {
    this.symbol = symbol;
  }

  /** The mark the report shows for this verdict. */
  public String symbol() {
    return symbol;
  }

  /** The name used in files: {@code partially_correct}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Words for a person: {@code partially correct}. */
  public String label() {
    return id().replace('_', ' ');
  }

  public static Verdict fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
