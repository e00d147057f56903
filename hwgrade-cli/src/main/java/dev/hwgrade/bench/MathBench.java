package dev.hwgrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.grade.AnswerPolicy;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.expression.ExpressionGrader;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Measures the expression grader on a JSONL file of labelled pairs ({@code gold}, {@code pred},
 * {@code equivalent}): accuracy with every miss, pairs per second on one thread and on all cores,
 * and median and 99th-percentile latency. A pair counts as judged equivalent when the verdict is
 * {@code correct}; {@code needs_review} counts as not equivalent and is reported as such.
 */
public final class MathBench {
  private static final int WARMUP_ROUNDS = 2;

  private MathBench() {}

  /** One labelled pair. */
  record Pair(int line, String gold, String pred, boolean equivalent) {}

  /**
   * Runs the benchmark, printing to {@code out}; returns the exit code (0, or 2 for an unreadable
   * file).
   */
  public static int run(Path jsonl, PrintStream out) {
    List<Pair> pairs;
    try {
      pairs = read(jsonl);
    } catch (IOException e) {
      out.println("cannot read " + jsonl + ": " + e.getMessage());
      return 2;
    }
    ExpressionGrader grader = new ExpressionGrader(GradingOptions.DEFAULT);
    long coldStart = System.nanoTime();
    Grade[] grades = new Grade[pairs.size()];
    long[] latency = new long[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      long t = System.nanoTime();
      grades[i] = grade(grader, pairs.get(i));
      latency[i] = System.nanoTime() - t;
    }
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
    for (int r = 0; r < WARMUP_ROUNDS; r++) {
      pairs.forEach(p -> grade(grader, p));
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < pairs.size(); i++) {
      long t = System.nanoTime();
      grade(grader, pairs.get(i));
      latency[i] = System.nanoTime() - t;
    }
    double oneThread = pairs.size() / ((System.nanoTime() - t1) / 1e9);
    int cores = Runtime.getRuntime().availableProcessors();
    int rounds = 3;
    long t2 = System.nanoTime();
    IntStream.range(0, pairs.size() * rounds)
        .parallel()
        .forEach(i -> grade(grader, pairs.get(i % pairs.size())));
    double allCores = pairs.size() * rounds / ((System.nanoTime() - t2) / 1e9);

    int right = 0;
    int review = 0;
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      boolean got = grades[i].verdict() == Verdict.CORRECT;
      review += grades[i].verdict() == Verdict.NEEDS_REVIEW ? 1 : 0;
      if (got == p.equivalent()) {
        right++;
      } else {
        misses.add(
            String.format(
                Locale.ROOT,
                "line %d: gold=%s | pred=%s | expected=%s got=%s | extracted=%s | %s",
                p.line(),
                clip(p.gold()),
                clip(p.pred()),
                p.equivalent(),
                grades[i].verdict().id(),
                clip(grades[i].extracted()),
                grades[i].explanation()));
      }
    }
    long[] sorted = latency.clone();
    Arrays.sort(sorted);
    out.printf(Locale.ROOT, "pairs: %d%n", pairs.size());
    out.printf(
        Locale.ROOT,
        "accuracy: %.4f (%d/%d), needs_review: %d%n",
        (double) right / pairs.size(),
        right,
        pairs.size(),
        review);
    out.printf(Locale.ROOT, "first pass (cold, one thread): %.2f s%n", coldSeconds);
    out.printf(
        Locale.ROOT,
        "throughput: %.0f pairs/s on one thread, %.0f pairs/s on %d cores%n",
        oneThread,
        allCores,
        cores);
    out.printf(
        Locale.ROOT,
        "latency: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
    out.printf(Locale.ROOT, "misses: %d%n", misses.size());
    misses.forEach(out::println);
    return 0;
  }

  private static Grade grade(ExpressionGrader grader, Pair p) {
    Part part = Part.adHoc("bench", "", Key.of(Kind.EXPRESSION, p.gold()));
    try {
      Answer answer = FinalAnswerExtractor.answer("bench", p.pred(), null);
      return AnswerPolicy.grade(part, answer, grader);
    } catch (RuntimeException e) {
      return Grade.needsReview(p.pred(), "the grader failed: " + e, grader.name());
    }
  }

  static List<Pair> read(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Pair> pairs = new ArrayList<>();
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(lines.get(i));
      pairs.add(
          new Pair(
              i + 1,
              n.path("gold").asText(""),
              n.path("pred").asText(""),
              n.path("equivalent").asBoolean()));
    }
    return pairs;
  }

  private static String clip(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() <= 90
        ? one
        : one.substring(0, 40) + " … " + one.substring(one.length() - 45);
  }
}
