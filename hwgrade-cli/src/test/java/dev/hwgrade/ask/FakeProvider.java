package dev.hwgrade.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.load.AssignmentReader;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake model provider on 127.0.0.1 speaking the real wire formats: OpenAI chat completions
 * ({@code /v1/chat/completions}), Anthropic messages ({@code /v1/messages}) and Gemini
 * generateContent ({@code /v1beta/models/M:generateContent}). By default it answers each part with
 * the key's answer ("Final answer: …", the key read from the assignment); scripted faults are
 * served first, in order.
 */
final class FakeProvider implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final Map<String, String> answers = new java.util.LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final ConcurrentLinkedQueue<Function<RecordedRequest, MockResponse>> script =
      new ConcurrentLinkedQueue<>();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  volatile long latencyMs;

  FakeProvider(Path assignmentYaml) throws IOException {
    Assignment a =
        AssignmentReader.read(
            assignmentYaml.toString(),
            Files.readString(assignmentYaml, StandardCharsets.UTF_8),
            new ArrayList<>());
    for (Part p : a.parts()) {
      answers.put(p.displayId(), answerOf(p));
    }
    for (Part p : a.parts()) {
      problems.add(p.id());
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            return serve(r);
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private static String answerOf(Part p) {
    String k = p.key().answer() == null ? "" : p.key().answer();
    switch (p.key().kind()) {
      case EXPRESSION:
        return "$" + k + "$";
      default:
        return k;
    }
  }

  /** The base URL of a wire format: {@code openai}, {@code anthropic} or {@code gemini}. */
  String baseUrl(String wire) {
    String root = "http://127.0.0.1:" + server.getPort();
    return wire.equals("gemini") ? root + "/v1beta" : root + "/v1";
  }

  private final Map<String, String> wrongOnAsk = new ConcurrentHashMap<>();

  /** The {@code n}-th request (1-based) for a part is answered with {@code text}. */
  void answerOnAsk(String partLabel, int n, String text) {
    wrongOnAsk.put(partLabel + "#" + n, text);
  }

  void then(Function<RecordedRequest, MockResponse> fault) {
    script.add(fault);
  }

  int answersCount() {
    return answers.size();
  }

  /** The id of the n-th part (0-based) in the assignment's order. */
  String partAt(int n) {
    return problems.get(n);
  }

  int askedTimes(String partLabel) {
    AtomicInteger n = asked.get(partLabel);
    return n == null ? 0 : n.get();
  }

  private MockResponse serve(RecordedRequest r) throws InterruptedException {
    requests.incrementAndGet();
    String auth = r.getHeaders().get("Authorization");
    if (auth == null) {
      auth = r.getHeaders().get("x-api-key");
    }
    if (auth == null) {
      auth = r.getHeaders().get("x-goog-api-key");
    }
    if (auth != null) {
      authorizations.add(auth);
    }
    String path = r.getUrl().encodedPath();
    JsonNode body;
    try {
      body = JSON.readTree(r.getBody() == null ? "{}" : r.getBody().utf8());
    } catch (IOException e) {
      return new MockResponse.Builder()
          .code(400)
          .body("{\"error\":{\"message\":\"bad json\"}}")
          .build();
    }
    String last = lastUserText(path, body);
    String label = label(last);
    int nth = asked.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
    String scripted = wrongOnAsk.get(label + "#" + nth);
    if (scripted != null) {
      return ok(path, "Working through the part.\n\nFinal answer: " + scripted, "stop");
    }
    Function<RecordedRequest, MockResponse> fault = script.poll();
    if (fault != null) {
      MockResponse m = fault.apply(r);
      if (m != null) {
        return m;
      }
    }
    if (latencyMs > 0) {
      Thread.sleep(latencyMs);
    }
    String text;
    if (label.equals("whole")) {
      StringBuilder sb = new StringBuilder();
      answers.forEach(
          (id, ans) ->
              sb.append("## ")
                  .append(id)
                  .append("\n\nWorking.\n\nFinal answer: ")
                  .append(ans)
                  .append("\n\n"));
      text = sb.toString();
    } else {
      text = "Working through the part.\n\nFinal answer: " + answers.getOrDefault(label, "42");
    }
    return ok(path, text, "stop");
  }

  static MockResponse ok(String path, String text, String finish) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(reply(path, text, finish))
        .build();
  }

  /** A successful reply in the wire format the path speaks. */
  static String reply(String path, String text, String finish) {
    ObjectNode n = JSON.createObjectNode();
    if (path.endsWith("/chat/completions")) {
      n.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "fake");
      ObjectNode choice = n.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text);
      choice.put("finish_reason", finish);
      n.putObject("usage")
          .put("prompt_tokens", 100)
          .put("completion_tokens", 20)
          .put("total_tokens", 120);
    } else if (path.endsWith("/messages")) {
      n.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "fake");
      n.putArray("content").addObject().put("type", "text").put("text", text);
      n.put(
          "stop_reason",
          finish.equals("stop") ? "end_turn" : finish.equals("length") ? "max_tokens" : finish);
      n.putObject("usage").put("input_tokens", 100).put("output_tokens", 20);
    } else {
      ObjectNode c = n.putArray("candidates").addObject();
      c.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
      c.put(
          "finishReason",
          finish.equals("stop") ? "STOP" : finish.equals("length") ? "MAX_TOKENS" : finish);
      n.putObject("usageMetadata")
          .put("promptTokenCount", 100)
          .put("candidatesTokenCount", 20)
          .put("totalTokenCount", 120);
    }
    return n.toString();
  }

  private static String lastUserText(String path, JsonNode body) {
    String text = "";
    if (path.endsWith(":generateContent")) {
      for (JsonNode c : body.path("contents")) {
        if (c.path("role").asText().equals("user")) {
          text = c.path("parts").path(0).path("text").asText();
        }
      }
      return text;
    }
    for (JsonNode m : body.path("messages")) {
      if (m.path("role").asText().equals("user")) {
        JsonNode content = m.path("content");
        text = content.isArray() ? content.path(0).path("text").asText() : content.asText();
      }
    }
    return text;
  }

  /** The part a user message asks ("Part 1(a):"), or "whole" for the whole assignment. */
  private static String label(String userText) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Part (\\S+):").matcher(userText);
    return m.find() ? m.group(1) : "whole";
  }

  static ArrayNode emptyArray() {
    return JSON.createArrayNode();
  }

  @Override
  public void close() {
    server.close();
  }
}
