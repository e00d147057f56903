package dev.hwgrade.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.model.Grade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Streams JSON Lines through the engine: at most a window of lines in flight, results written in
 * input order as soon as the oldest is done, so memory stays flat for any input size.
 */
public final class VerifyStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GradingEngine engine;
  private final int window;

  public VerifyStream(GradingEngine engine) {
    this.engine = engine;
    this.window = Math.max(8, engine.parallelism() * 8);
  }

  /** Counts of what a run did. */
  public record Stats(long lines, long invalid) {}

  public Stats run(BufferedReader in, PrintStream out, java.util.function.LongConsumer progress)
      throws IOException {
    ArrayDeque<CompletableFuture<String>> pending = new ArrayDeque<>();
    long lines = 0;
    long invalid = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      lines++;
      VerifyRequest req = VerifyLineParser.parse(line, (int) Math.min(Integer.MAX_VALUE, lines));
      CompletableFuture<String> f;
      if (!req.isValid()) {
        invalid++;
        f =
            CompletableFuture.completedFuture(
                render(req.id(), Grade.needsReview("", req.error(), "input")));
      } else {
        f = engine.submit(req.part(), req.answer()).thenApply(g -> render(req.id(), g));
      }
      pending.add(f);
      while (pending.size() >= window || (!pending.isEmpty() && pending.peek().isDone())) {
        out.println(pending.poll().join());
      }
      if (progress != null) {
        progress.accept(lines);
      }
    }
    while (!pending.isEmpty()) {
      out.println(pending.poll().join());
    }
    out.flush();
    return new Stats(lines, invalid);
  }

  static String render(String id, Grade g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("verdict", g.verdict().id());
    m.put("score", round(g.score()));
    m.put("confidence", round(g.confidence()));
    m.put("extracted", g.extracted());
    m.put("explanation", g.explanation());
    m.put("grader", g.grader());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }
}
