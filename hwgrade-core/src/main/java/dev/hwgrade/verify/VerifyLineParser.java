package dev.hwgrade.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Compare;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON line of {@code hwgrade verify} into a {@link VerifyRequest}. Unknown fields are
 * ignored.
 */
public final class VerifyLineParser {
  /** Longest line accepted, in characters. */
  public static final int MAX_LINE = 1_000_000;

  private static final ObjectMapper JSON =
      new JsonMapper(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
              .build());

  private VerifyLineParser() {}

  public static VerifyRequest parse(String line, int lineNumber) {
    if (line.length() > MAX_LINE) {
      return VerifyRequest.invalid(
          null, "line " + lineNumber + " is longer than " + MAX_LINE + " characters");
    }
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String m =
          e.getOriginalMessage() == null
              ? "invalid JSON"
              : e.getOriginalMessage().lines().findFirst().orElse("");
      return VerifyRequest.invalid(null, "line " + lineNumber + ": not valid JSON: " + m);
    }
    if (n == null || !n.isObject()) {
      return VerifyRequest.invalid(null, "line " + lineNumber + ": expected a JSON object");
    }
    String id = n.hasNonNull("id") && n.get("id").isValueNode() ? n.get("id").asText() : null;
    List<String> problems = new ArrayList<>();
    String key = text(n, "key", problems);
    String response = text(n, "response", problems);
    if (key == null && !n.hasNonNull("key")) {
      problems.add("'key' is missing");
    }
    if (response == null && !n.hasNonNull("response")) {
      problems.add("'response' is missing");
    }
    List<KeyPoint> points = keyPoints(n.get("key_points"), problems);
    Map<String, String> options = options(n.get("options"), problems);
    List<String> matrices = strings(n.get("matrices"), "matrices", problems);
    List<String> positive = strings(n.get("positive"), "positive", problems);
    List<String> alternatives = strings(n.get("alternatives"), "alternatives", problems);
    Double tolerance = number(n, "tolerance", problems);
    Double partial = number(n, "partial_within", problems);
    Double sigfigs = number(n, "sigfigs", problems);
    String unit = n.hasNonNull("unit") ? n.get("unit").asText() : null;
    boolean ordered = true;
    if (n.hasNonNull("ordered")) {
      if (n.get("ordered").isBoolean()) {
        ordered = n.get("ordered").asBoolean();
      } else {
        problems.add("'ordered' must be true or false");
      }
    }
    if (sigfigs != null && (sigfigs != Math.rint(sigfigs) || sigfigs < 1 || sigfigs > 17)) {
      problems.add("'sigfigs' must be a whole number from 1 to 17");
    }
    Kind kind = null;
    if (n.hasNonNull("kind")) {
      kind = Kind.parse(n.get("kind").asText()).orElse(null);
      if (kind == null) {
        problems.add("unknown kind '" + n.get("kind").asText() + "'; known kinds: " + Kind.known());
      }
    }
    Compare compare = Compare.FORM;
    if (n.hasNonNull("compare")) {
      compare = Compare.parse(n.get("compare").asText()).orElse(null);
      if (compare == null) {
        problems.add(
            "unknown compare '" + n.get("compare").asText() + "'; known: " + Compare.known());
      }
    }
    if (tolerance != null && tolerance < 0) {
      problems.add("'tolerance' must be at least 0");
    }
    if (partial != null && partial <= 1) {
      problems.add("'partial_within' must be a factor above 1");
    }
    if (!problems.isEmpty()) {
      return VerifyRequest.invalid(id, "line " + lineNumber + ": " + String.join("; ", problems));
    }
    if (kind == null) {
      kind =
          KindDetector.detect(
              key,
              !options.isEmpty(),
              !points.isEmpty(),
              unit != null || tolerance != null || partial != null || sigfigs != null,
              !matrices.isEmpty());
    }
    Key k =
        Key.builder(kind)
            .answer(key)
            .keyPoints(points)
            .options(options)
            .matrices(matrices)
            .positive(positive)
            .alternatives(alternatives)
            .tolerance(tolerance)
            .partialWithin(partial)
            .sigfigs(sigfigs == null ? null : (int) Math.round(sigfigs))
            .unit(unit)
            .explanation(n.hasNonNull("explanation") ? n.get("explanation").asText() : null)
            .ordered(ordered)
            .compare(compare)
            .build();
    String question = n.hasNonNull("question") ? n.get("question").asText() : "";
    Part part = Part.adHoc(id == null ? "line-" + lineNumber : id, question, k);
    return new VerifyRequest(id, part, answerOf(part.id(), response, lineNumber), null);
  }

  /**
   * The response as reasoning with its final answer extracted, short or long, as for every other
   * path: the same response gets the same answer through {@code verify}, {@code grade} and {@code
   * bench math}.
   */
  static Answer answerOf(String id, String response, int lineNumber) {
    return FinalAnswerExtractor.answer(id, response, new SourceLocation("<input>", lineNumber, 1));
  }

  private static String text(JsonNode n, String field, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    problems.add("'" + field + "' must be a string");
    return null;
  }

  private static Double number(JsonNode n, String field, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add("'" + field + "' must be a number");
    return null;
  }

  private static List<String> strings(JsonNode v, String field, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      problems.add("'" + field + "' must be a list of strings");
      return out;
    }
    for (JsonNode item : v) {
      if (item.isValueNode() && !item.isNull()) {
        out.add(item.asText());
      } else {
        problems.add("items of '" + field + "' must be strings");
        break;
      }
    }
    return out;
  }

  private static Map<String, String> options(JsonNode v, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    } else if (v.isArray()) {
      char letter = 'A';
      for (JsonNode item : v) {
        out.put(String.valueOf(letter++), item.asText());
      }
    } else {
      problems.add("'options' must be an object of letter to text, or a list");
    }
    return out;
  }

  private static List<KeyPoint> keyPoints(JsonNode v, List<String> problems) {
    List<KeyPoint> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add("'key_points' must be a list");
      return out;
    }
    for (JsonNode item : v) {
      if (item.isTextual()) {
        out.add(new KeyPoint(item.asText(), false, 1, List.of(), List.of()));
      } else if (item.isObject() && item.hasNonNull("text")) {
        out.add(
            new KeyPoint(
                item.get("text").asText(),
                item.path("required").asBoolean(false),
                item.path("weight").asDouble(1.0),
                strings(item.get("accept"), "accept", problems),
                strings(item.get("reject"), "reject", problems)));
      } else {
        problems.add("each key point must be a string or an object with 'text'");
        break;
      }
    }
    if (!out.isEmpty() && out.stream().noneMatch(KeyPoint::required)) {
      out.replaceAll(p -> new KeyPoint(p.text(), true, p.weight(), p.accept(), p.reject()));
    }
    return out;
  }
}
