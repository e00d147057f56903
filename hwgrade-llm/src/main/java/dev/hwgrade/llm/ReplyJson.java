package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A reply as JSON, for the cache and the run's journal. */
final class ReplyJson {
  private ReplyJson() {}

  static ObjectNode write(ModelReply r) {
    ObjectNode n = ReplyCache.JSON.createObjectNode();
    n.put("text", r.text());
    n.put("input_tokens", r.usage().inputTokens());
    n.put("output_tokens", r.usage().outputTokens());
    n.put("latency_ms", r.latencyMs());
    n.put("finish", r.finishReason());
    if (r.refusal() != null) {
      n.put("refusal", r.refusal());
    }
    n.put("attempts", r.attempts());
    n.put("raw", r.raw());
    return n;
  }

  static ModelReply read(JsonNode n) {
    if (!n.hasNonNull("text") || !n.hasNonNull("finish")) {
      throw new IllegalArgumentException("not a stored reply");
    }
    return new ModelReply(
        n.get("text").asText(),
        new Usage(n.path("input_tokens").asLong(), n.path("output_tokens").asLong()),
        n.path("latency_ms").asLong(),
        n.get("finish").asText(),
        n.hasNonNull("refusal") ? n.get("refusal").asText() : null,
        n.path("raw").asText(""),
        n.path("attempts").asInt(1),
        false);
  }
}
