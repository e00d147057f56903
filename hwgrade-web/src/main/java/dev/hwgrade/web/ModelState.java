package dev.hwgrade.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.load.InputException;
import dev.hwgrade.review.ReviewException;
import dev.hwgrade.review.ReviewStore;
import dev.hwgrade.review.StoredResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One model as the app shows it: its parts from the stored {@code reports/<model-id>/results.json}
 * (read again for every page, so a {@code grade} run meanwhile shows at once) and its reviews file
 * with the version read, which a settle sends back so that a change by someone else is refused.
 *
 * @param modelId the model
 * @param modelName its display name, as graded
 * @param gradedAt when it was last graded
 * @param parts its parts in the assignment's order; empty when it has no stored results
 * @param missing why it has no parts to show (no stored results); null when it has
 * @param reviews the reviews file as read, with its version
 */
record ModelState(
    String modelId,
    String modelName,
    String gradedAt,
    List<ShownPart> parts,
    String missing,
    ReviewStore.Snapshot reviews) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ModelState read(Path dir, String modelId) throws IOException, InputException {
    ReviewStore.Snapshot reviews = ReviewStore.of(dir).read(modelId);
    List<StoredResults.StoredPart> stored;
    try {
      stored = StoredResults.read(dir, modelId);
    } catch (ReviewException e) {
      return new ModelState(modelId, modelId, "", List.of(), e.getMessage(), reviews);
    }
    JsonNode root =
        JSON.readTree(dir.resolve("reports").resolve(modelId).resolve("results.json").toFile());
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode p : root.path("parts")) {
      byId.put(p.path("id").asText(), p);
    }
    List<ShownPart> parts = new ArrayList<>();
    for (StoredResults.StoredPart s : stored) {
      JsonNode p = byId.getOrDefault(s.id(), JSON.createObjectNode());
      JsonNode review = p.path("review");
      List<String> evidence = new ArrayList<>();
      p.path("evidence").forEach(e -> evidence.add(e.asText()));
      parts.add(
          new ShownPart(
              s,
              p.path("problem").asText(""),
              p.path("kind").asText(""),
              p.path("weight").asDouble(1.0),
              p.path("score").isNumber() ? p.get("score").asDouble() : null,
              p.path("confidence").isNumber() ? p.get("confidence").asDouble() : null,
              p.path("grader").asText(""),
              evidence,
              p.path("diagnosis").asText(""),
              review.path("reviewer").asText(""),
              review.path("at").asText(""),
              review.path("comment").asText("")));
    }
    return new ModelState(
        modelId,
        root.path("model").asText(modelId),
        root.path("gradedAt").asText(""),
        parts,
        null,
        reviews);
  }

  static boolean hasResults(Path dir, String modelId) {
    return Files.isRegularFile(dir.resolve("reports").resolve(modelId).resolve("results.json"));
  }
}
