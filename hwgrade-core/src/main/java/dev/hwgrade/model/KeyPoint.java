package dev.hwgrade.model;

import java.util.List;
import java.util.Objects;

/**
 * One thing a correct text answer must say.
 *
 * @param text the point, in the key's words
 * @param required whether an answer missing it cannot be fully correct
 * @param weight its share of the part's score relative to the other points
 * @param accept other phrasings that make the point
 * @param reject phrasings that contradict the point
 */
public record KeyPoint(
    String text, boolean required, double weight, List<String> accept, List<String> reject) {
  public KeyPoint {
    Objects.requireNonNull(text, "text");
    accept = List.copyOf(accept == null ? List.of() : accept);
    reject = List.copyOf(reject == null ? List.of() : reject);
    if (!(weight > 0)) {
      weight = 1.0;
    }
  }

  public static KeyPoint of(String text, boolean required) {
    return new KeyPoint(text, required, 1.0, List.of(), List.of());
  }
}
