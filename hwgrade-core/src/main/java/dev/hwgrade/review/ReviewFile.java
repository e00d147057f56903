package dev.hwgrade.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviews of one model's answers: per part, every review in the order given. The last entry of
 * a part is the one in force; earlier ones are its history and are never erased.
 *
 * @param modelId the model the reviews are of
 * @param history part id → reviews, oldest first
 */
public record ReviewFile(String modelId, Map<String, List<Review>> history) {
  public ReviewFile {
    Map<String, List<Review>> copy = new LinkedHashMap<>();
    history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    history = Collections.unmodifiableMap(copy);
  }

  public static ReviewFile empty(String modelId) {
    return new ReviewFile(modelId, Map.of());
  }

  /** The review in force for a part: its latest. */
  public Optional<Review> latest(String partId) {
    List<Review> h = history.get(partId);
    return h == null || h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
  }

  /** This file with one more review of a part, appended to its history. */
  public ReviewFile with(String partId, Review review) {
    Map<String, List<Review>> copy = new LinkedHashMap<>(history);
    List<Review> h = new ArrayList<>(copy.getOrDefault(partId, List.of()));
    h.add(review);
    copy.put(partId, h);
    return new ReviewFile(modelId, copy);
  }
}
