package dev.hwgrade.grade.judge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A judge's decision on one key point, as its reply gave it.
 *
 * @param id the point's id, {@code p1}
 * @param decision made, missed or contradicted
 * @param quote the passage of the answer it quoted; empty when none
 */
public record PointDecision(String id, Decision decision, String quote) {
  public PointDecision {
    quote = quote == null ? "" : quote;
  }

  /** How the judge says an answer stands to a key point. */
  public enum Decision {
    MADE,
    MISSED,
    CONTRADICTED;

    /** The word in the reply: {@code made}. */
    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
