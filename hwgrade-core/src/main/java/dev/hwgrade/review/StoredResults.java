package dev.hwgrade.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last grading of a model as stored in {@code reports/<model-id>/results.json}: what {@code
 * settle} and {@code pending} work from, without grading again.
 */
public final class StoredResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The oldest results.json layout that carries the fingerprints a review needs. */
  static final int MIN_SCHEMA = 2;

  private StoredResults() {}

  /**
   * One part as last graded.
   *
   * @param id the part id
   * @param verdict the verdict in force (a reviewer's, when a review applied)
   * @param automatic the graders' verdict
   * @param answerFingerprint the fingerprint of the model's answer
   * @param keyFingerprint the fingerprint of the key
   * @param reviewed whether a review decided the part
   * @param staleReason why its review is stale; null when it has no stale review
   * @param extracted the answer as read
   * @param key the key's answer
   * @param explanation the explanation in force
   */
  public record StoredPart(
      String id,
      Verdict verdict,
      Verdict automatic,
      String answerFingerprint,
      String keyFingerprint,
      boolean reviewed,
      String staleReason,
      String extracted,
      String key,
      String explanation) {
    /** Whether a person still has to settle it: the graders could not, or its review is stale. */
    public boolean awaitsReview() {
      return verdict == Verdict.NEEDS_REVIEW || staleReason != null;
    }
  }

  /** The models of an assignment with stored results, in name order. */
  public static List<String> models(Path assignmentDir) throws IOException {
    Path reports = assignmentDir.resolve("reports");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(reports, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(reports)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(p.resolve("results.json"))) {
          out.add(name);
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * A model's parts as last graded.
   *
   * @throws ReviewException when the model has no stored results, or they are from a layout without
   *     fingerprints
   */
  public static List<StoredPart> read(Path assignmentDir, String modelId)
      throws IOException, ReviewException {
    if (modelId.isEmpty()
        || modelId.startsWith(".")
        || modelId.contains("/")
        || modelId.contains("\\")) {
      throw new ReviewException("'" + modelId + "' is not a model id");
    }
    Path file = assignmentDir.resolve("reports").resolve(modelId).resolve("results.json");
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ReviewException(
          "no stored results for model '"
              + modelId
              + "' ("
              + file
              + " is missing); run `hwgrade grade "
              + assignmentDir
              + "` first");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReviewException(file + " is not valid JSON; grade again to rewrite it");
    }
    int schema = root.path("schemaVersion").asInt(0);
    if (schema < MIN_SCHEMA) {
      throw new ReviewException(
          file + " was written by an older hwgrade (schema " + schema + "); grade again first");
    }
    List<StoredPart> out = new ArrayList<>();
    for (JsonNode p : root.path("parts")) {
      Verdict v = Verdict.fromId(p.path("verdict").asText());
      Verdict auto =
          p.hasNonNull("automaticVerdict") ? Verdict.fromId(p.get("automaticVerdict").asText()) : v;
      JsonNode review = p.path("review");
      out.add(
          new StoredPart(
              p.path("id").asText(),
              v,
              auto,
              p.path("answerFingerprint").asText(),
              p.path("keyFingerprint").asText(),
              p.path("reviewed").asBoolean(false),
              p.path("reviewStale").asBoolean(false)
                  ? review.path("staleReason").asText("the answer or the key changed")
                  : null,
              p.path("extracted").asText(""),
              p.path("key").asText(""),
              p.path("explanation").asText("")));
    }
    return out;
  }
}
