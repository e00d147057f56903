package dev.hwgrade.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted judge behind {@link FakeProvider}, replying in the OpenAI wire format by what the
 * prompt asks. A tag at the end of the question picks the reply: {@code [rubric]} makes every point
 * quoting the answer's first words; {@code [fabricated]} makes every point on a quote the answer
 * does not hold; {@code [retry]} replies with prose, then (to the retry) as {@code rubric}; {@code
 * [garbled]} never replies in JSON; {@code [everything-made]} is {@code rubric}; {@code
 * [nothing-made]} misses every point. A question with no tag (a bundled example) is {@code rubric}.
 * {@link Mode#SPLIT} gives the votes on one prompt made, missed, contradicted in turn; {@link
 * Mode#BY_MODEL} misses every point when the judge model is {@code judge-b}.
 */
final class ScriptedJudgeReplies {
  enum Mode {
    BY_TAG,
    SPLIT,
    BY_MODEL
  }

  static final String FABRICATED = "the ozone layer absorbs the red part of sunlight";

  private static final Pattern POINT = Pattern.compile("(?m)^- id: (p\\d+)$");
  private static final Pattern BLOCK =
      Pattern.compile("(?s)<answer-([0-9a-f]{16})>\\n(.*?)\\n</answer-\\1>");
  private static final Pattern TAG = Pattern.compile("\\[([a-z-]+)]");

  private final Mode mode;
  private final Map<String, AtomicInteger> votes = new ConcurrentHashMap<>();

  ScriptedJudgeReplies(Mode mode) {
    this.mode = mode;
  }

  /** Queues enough replies on the fake provider for {@code n} requests. */
  void serveOn(FakeProvider fake, int n) {
    for (int i = 0; i < n; i++) {
      fake.then(this::reply);
    }
  }

  MockResponse reply(RecordedRequest r) {
    try {
      JsonNode body = FakeProvider.JSON.readTree(r.getBody().utf8());
      String user = "";
      for (JsonNode m : body.path("messages")) {
        if (m.path("role").asText().equals("user")) {
          JsonNode c = m.path("content");
          user = c.isArray() ? c.path(0).path("text").asText() : c.asText();
        }
      }
      String question = user.substring(0, Math.max(0, user.indexOf("\nKey answer:")));
      Matcher t = TAG.matcher(question);
      String tag = t.find() ? t.group(1) : "rubric";
      Matcher block = BLOCK.matcher(user);
      String answer = block.find() ? block.group(2).strip() : "";
      String[] words = answer.split("\\s+");
      String quote = String.join(" ", List.of(words).subList(0, Math.min(4, words.length)));
      String decision = "made";
      if (mode == Mode.SPLIT) {
        int n = votes.computeIfAbsent(user, k -> new AtomicInteger()).incrementAndGet();
        decision = List.of("made", "missed", "contradicted").get((n - 1) % 3);
      } else if (mode == Mode.BY_MODEL && body.path("model").asText().equals("judge-b")) {
        decision = "missed";
      } else {
        switch (tag) {
          case "fabricated" -> quote = FABRICATED;
          case "nothing-made" -> decision = "missed";
          case "garbled" -> {
            return text(r, "{\"points\": [ this is not JSON");
          }
          case "retry" -> {
            if (!user.contains("Your previous reply could not be read")) {
              return text(r, "Every point looks fine to me; the answer is good.");
            }
          }
          default -> {}
        }
      }
      ObjectNode reply = FakeProvider.JSON.createObjectNode();
      ArrayNode points = reply.putArray("points");
      Matcher m = POINT.matcher(user);
      while (m.find()) {
        points
            .addObject()
            .put("id", m.group(1))
            .put("decision", decision)
            .put("quote", decision.equals("missed") ? "" : quote);
      }
      return text(r, reply.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse text(RecordedRequest r, String text) {
    return FakeProvider.ok(r.getUrl().encodedPath(), text, "stop");
  }
}
