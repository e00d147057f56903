package dev.hwgrade.grade.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON Schema of a judge's reply: {@code {"points": [{"id": "p1", "decision": "made", "quote":
 * "…"}, …]}} with the ids of the part's key points as an enum, every field required and no other
 * field allowed (the form structured-output modes accept in their strict setting).
 */
public final class ReplySchema {
  /** The schema's name, for providers that want one. */
  public static final String NAME = "key_point_decisions";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplySchema() {}

  /** The schema for these point ids, as compact JSON. */
  public static String of(List<String> ids) {
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "object");
    ObjectNode props = item.putObject("properties");
    ObjectNode id = props.putObject("id");
    id.put("type", "string");
    ArrayNode idEnum = id.putArray("enum");
    ids.forEach(idEnum::add);
    ObjectNode decision = props.putObject("decision");
    decision.put("type", "string");
    ArrayNode decisionEnum = decision.putArray("enum");
    for (PointDecision.Decision d : PointDecision.Decision.values()) {
      decisionEnum.add(d.id());
    }
    ObjectNode quote = props.putObject("quote");
    quote.put("type", "string");
    quote.put("description", "verbatim from the answer for made or contradicted; empty for missed");
    item.putArray("required").add("id").add("decision").add("quote");
    item.put("additionalProperties", false);

    ObjectNode root = JSON.createObjectNode();
    root.put("type", "object");
    ObjectNode points = root.putObject("properties").putObject("points");
    points.put("type", "array");
    points.put("minItems", ids.size());
    points.put("maxItems", ids.size());
    points.set("items", item);
    root.putArray("required").add("points");
    root.put("additionalProperties", false);
    return root.toString();
  }
}
