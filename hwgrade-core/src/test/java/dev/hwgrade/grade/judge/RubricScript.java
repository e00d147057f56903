package dev.hwgrade.grade.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted judge for whole assignments: it reads the prompt as a model would have to (the key
 * points and the answer block) and calls a point made when a sentence of the answer holds at least
 * half of the point's longer words, quoting that sentence.
 */
final class RubricScript implements JudgeModel {
  private static final Pattern POINT = Pattern.compile("(?m)^- id: (p\\d+)\\n  point: (.*)$");
  private static final Pattern BLOCK =
      Pattern.compile("(?s)<answer-([0-9a-f]{16})>\\n(.*)\\n</answer-\\1>");
  private static final ObjectMapper JSON = new ObjectMapper();

  final AtomicInteger calls = new AtomicInteger();

  @Override
  public String id() {
    return "fake:rubric-script";
  }

  @Override
  public JudgeReply ask(JudgeRequest request) {
    calls.incrementAndGet();
    Matcher block = BLOCK.matcher(request.user());
    String answer = block.find() ? block.group(2) : "";
    List<String> sentences = new ArrayList<>();
    for (String s : answer.split("(?<=[.!?])\\s+|\\n+")) {
      if (!s.isBlank()) {
        sentences.add(s.strip());
      }
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode points = root.putArray("points");
    Matcher m = POINT.matcher(request.user());
    while (m.find()) {
      String best = bestSentence(m.group(2), sentences);
      ObjectNode p = points.addObject();
      p.put("id", m.group(1));
      p.put("decision", best.isEmpty() ? "missed" : "made");
      p.put("quote", best);
    }
    return new JudgeReply(
        root.toString(), request.user().length() / 4, 60, Duration.ofMillis(5), 0.0001);
  }

  private static String bestSentence(String point, List<String> sentences) {
    List<String> words = new ArrayList<>();
    for (String w : point.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 3) {
        words.add(w);
      }
    }
    String best = "";
    int bestHits = 0;
    for (String s : sentences) {
      String low = s.toLowerCase(Locale.ROOT);
      int hits = (int) words.stream().filter(low::contains).count();
      if (hits > bestHits) {
        bestHits = hits;
        best = s;
      }
    }
    return !words.isEmpty() && 2 * bestHits >= words.size() ? best : "";
  }
}
