package dev.hwgrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Tally;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.ReviewStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's last grading as stored in {@code reports/<model-id>/results.json}: what the
 * comparison of the assignment's models is built from, without grading again.
 *
 * @param modelId the model's id (its reports folder)
 * @param name the model's display name
 * @param gradedAt when it was graded, as stored
 * @param parts part id to its stored row, in the stored order
 */
public record StoredModel(String modelId, String name, String gradedAt, Map<String, Row> parts) {
  /**
   * One part as stored.
   *
   * @param verdict the verdict in force
   * @param score its score; null for a part awaiting review
   * @param weight the part's weight when it was graded
   * @param reviewed whether a person's review decided it
   * @param extracted the answer as read
   */
  public record Row(
      Verdict verdict, Double score, double weight, boolean reviewed, String extracted) {}

  public StoredModel {
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  /**
   * Reads a model's stored results.
   *
   * @throws IllegalArgumentException when a part's verdict is not one hwgrade writes
   */
  public static StoredModel of(JsonNode root) {
    Map<String, Row> parts = new LinkedHashMap<>();
    for (JsonNode p : root.path("parts")) {
      JsonNode score = p.path("score");
      parts.put(
          p.path("id").asText(),
          new Row(
              Verdict.fromId(p.path("verdict").asText()),
              score.isNumber() ? score.asDouble() : null,
              p.path("weight").asDouble(1.0),
              p.path("reviewed").asBoolean(false),
              p.path("extracted").asText("")));
    }
    String id = root.path("modelId").asText();
    return new StoredModel(
        id, root.path("model").asText(id), root.path("gradedAt").asText(""), parts);
  }

  /** The same view of a grading just done. */
  public static StoredModel of(Analysis a) {
    Map<String, Row> parts = new LinkedHashMap<>();
    for (PartResult r : a.results()) {
      boolean pending = r.grade().verdict() == Verdict.NEEDS_REVIEW;
      parts.put(
          r.part().id(),
          new Row(
              r.grade().verdict(),
              pending ? null : r.grade().score(),
              r.part().weight(),
              a.review(r.part().id()).map(ReviewStatus::applied).orElse(false),
              r.grade().extracted()));
    }
    return new StoredModel(
        a.response().modelId(), a.response().modelName(), a.gradedAt().toString(), parts);
  }

  /** The verdict counts and weighted score of the stored parts, as the model's report gave them. */
  public Tally tally() {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    double weighted = 0;
    double decided = 0;
    double pending = 0;
    for (Row r : parts.values()) {
      counts.merge(r.verdict(), 1, Integer::sum);
      if (r.verdict() == Verdict.NEEDS_REVIEW || r.score() == null) {
        pending += r.weight();
      } else {
        weighted += r.weight() * r.score();
        decided += r.weight();
      }
    }
    return new Tally(
        parts.size(), counts, decided > 0 ? weighted / decided : Double.NaN, decided, pending);
  }
}
