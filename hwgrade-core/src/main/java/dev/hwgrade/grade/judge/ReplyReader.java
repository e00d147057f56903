package dev.hwgrade.grade.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's reply strictly. Accepted: one JSON object of the {@link ReplySchema}, alone or as
 * the only content of one Markdown code fence ({@code ```json … ```}), with whitespace around.
 * Refused, as unreadable: anything else around the object (prose before or after it, two objects),
 * text that is not JSON, a duplicated key, a field the schema does not have (a verdict, a score),
 * an unknown or repeated point id, a point left out, a decision other than {@code made}, {@code
 * missed} or {@code contradicted} in lower case, a quote that is not a string, a reply over {@link
 * #MAX_CHARS}. A missing or empty quote is readable: it leaves the point unverified, which the
 * judge then counts as missed.
 */
public final class ReplyReader {
  /** Replies longer than this are not read. */
  public static final int MAX_CHARS = 100_000;

  private static final Pattern FENCE =
      Pattern.compile("(?s)\\A```[ \\t]*(?:json|JSON)?[ \\t]*\\R(.*?)\\R?[ \\t]*```\\z");
  private static final Set<String> ROOT_FIELDS = Set.of("points");
  private static final Set<String> POINT_FIELDS = Set.of("id", "decision", "quote");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
  }

  private ReplyReader() {}

  /** A reply read: the decisions in the order of the ids, or why it could not be read. */
  public record Reading(List<PointDecision> decisions, String problem) {
    public boolean readable() {
      return problem == null;
    }

    static Reading failed(String why) {
      return new Reading(List.of(), why);
    }
  }

  /** Reads a reply for a prompt whose key points have these ids. */
  public static Reading read(String reply, List<String> ids) {
    if (reply == null || reply.isBlank()) {
      return Reading.failed("the reply is empty");
    }
    if (reply.length() > MAX_CHARS) {
      return Reading.failed("the reply is longer than " + MAX_CHARS + " characters");
    }
    String body = reply.strip();
    Matcher fence = FENCE.matcher(body);
    if (fence.matches()) {
      body = fence.group(1).strip();
    }
    if (!body.startsWith("{") || !body.endsWith("}")) {
      return Reading.failed("the reply is not one JSON object alone (it has other text around it)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return Reading.failed("the reply is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      return Reading.failed("the reply is not a JSON object");
    }
    String extra = unknownField(root, ROOT_FIELDS);
    if (extra != null) {
      return Reading.failed("the reply has a field the schema does not have: '" + extra + "'");
    }
    JsonNode points = root.get("points");
    if (points == null || !points.isArray()) {
      return Reading.failed("the reply has no 'points' array");
    }
    Map<String, PointDecision> byId = new LinkedHashMap<>();
    for (JsonNode p : points) {
      if (!p.isObject()) {
        return Reading.failed("an entry of 'points' is not an object");
      }
      extra = unknownField(p, POINT_FIELDS);
      if (extra != null) {
        return Reading.failed("a point has a field the schema does not have: '" + extra + "'");
      }
      JsonNode id = p.get("id");
      if (id == null || !id.isTextual() || !ids.contains(id.asText())) {
        return Reading.failed("a point has an unknown id: " + (id == null ? "none" : id));
      }
      if (byId.containsKey(id.asText())) {
        return Reading.failed("point " + id.asText() + " is given twice");
      }
      PointDecision.Decision decision = decision(p.get("decision"));
      if (decision == null) {
        return Reading.failed(
            "point " + id.asText() + " has no decision made, missed or contradicted");
      }
      JsonNode quote = p.get("quote");
      if (quote != null && !quote.isTextual() && !quote.isNull()) {
        return Reading.failed("the quote of point " + id.asText() + " is not a string");
      }
      byId.put(
          id.asText(),
          new PointDecision(
              id.asText(), decision, quote == null || quote.isNull() ? "" : quote.asText()));
    }
    List<PointDecision> ordered = new ArrayList<>();
    for (String id : ids) {
      PointDecision d = byId.get(id);
      if (d == null) {
        return Reading.failed("point " + id + " is missing from the reply");
      }
      ordered.add(d);
    }
    return new Reading(List.copyOf(ordered), null);
  }

  private static PointDecision.Decision decision(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    for (PointDecision.Decision d : PointDecision.Decision.values()) {
      if (d.id().equals(n.asText())) {
        return d;
      }
    }
    return null;
  }

  private static String unknownField(JsonNode object, Set<String> known) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        return name;
      }
    }
    return null;
  }
}
