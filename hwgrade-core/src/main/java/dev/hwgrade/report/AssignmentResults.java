package dev.hwgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code reports/results.json} and {@code reports/results.csv}: every model's every part,
 * one row each, with its review flags — built from the models' own {@code results.json}, so a run
 * that grades one model still lists the others as last graded.
 */
public final class AssignmentResults {
  /** The layout version of the assignment-wide results.json. */
  public static final int SCHEMA_VERSION = 1;

  public static final String JSON_FILE = "results.json";
  public static final String CSV_FILE = "results.csv";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final List<String> HEADER =
      List.of(
          "model",
          "id",
          "problem",
          "category",
          "kind",
          "weight",
          "verdict",
          "score",
          "reviewed",
          "reviewer",
          "review_stale",
          "extracted",
          "key",
          "grader");

  private AssignmentResults() {}

  /** The models' stored results: {@code reports/<model>/results.json}, in model id order. */
  public static List<JsonNode> read(Path reports, List<String> modelIds) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String m : modelIds.stream().sorted().toList()) {
      Path f = reports.resolve(m).resolve(JsonResults.FILE);
      if (Files.isRegularFile(f)) {
        JsonNode n = MAPPER.readTree(Files.readString(f));
        if (n.path("schemaVersion").asInt() >= JsonResults.SCHEMA_VERSION) {
          out.add(n);
        }
      }
    }
    return out;
  }

  public static String json(List<JsonNode> models) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("assignment", models.isEmpty() ? null : models.get(0).path("assignment").asText());
    root.put("title", models.isEmpty() ? null : models.get(0).path("title").asText());
    List<Object> ms = new ArrayList<>();
    List<Object> parts = new ArrayList<>();
    for (JsonNode m : models) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("modelId", m.path("modelId").asText());
      e.put("model", m.path("model").asText());
      e.put("gradedAt", m.path("gradedAt").asText());
      e.put("summary", m.path("summary"));
      // a model asked by hwgrade ask: its samples' mean and interval, and its usage and cost
      m.optional("samples").ifPresent(s -> e.put("samples", summaryOf(s)));
      m.optional("usage").ifPresent(u -> e.put("usage", u));
      ms.add(e);
      for (JsonNode p : m.path("parts")) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", m.path("modelId").asText());
        p.properties().forEach(f -> row.put(f.getKey(), f.getValue()));
        parts.add(row);
      }
    }
    root.put("models", ms);
    root.put("parts", parts);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the assignment's results.json", e);
    }
  }

  /** A model's samples without the per-part rows, which stay in the model's own results.json. */
  private static Map<String, Object> summaryOf(JsonNode samples) {
    Map<String, Object> m = new LinkedHashMap<>();
    samples.properties().forEach(f -> m.put(f.getKey(), f.getValue()));
    m.remove("parts");
    return m;
  }

  public static String csv(List<JsonNode> models) {
    StringBuilder sb = new StringBuilder();
    CsvResults.row(sb, HEADER);
    for (JsonNode m : models) {
      for (JsonNode p : m.path("parts")) {
        CsvResults.row(
            sb,
            List.of(
                m.path("modelId").asText(),
                p.path("id").asText(),
                p.path("problem").asText(),
                p.path("category").asText(),
                p.path("kind").asText(),
                p.path("weight").asText(),
                p.path("verdict").asText(),
                p.path("score").isNull() ? "" : p.path("score").asText(),
                p.path("reviewed").asText("false"),
                p.path("review").path("reviewer").asText(""),
                p.path("reviewStale").asText("false"),
                p.path("extracted").asText(""),
                p.path("key").asText(""),
                p.path("grader").asText("")));
      }
    }
    return sb.toString();
  }
}
