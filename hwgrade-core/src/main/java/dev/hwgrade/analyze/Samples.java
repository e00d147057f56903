package dev.hwgrade.analyze;

import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * A model asked several times per part: every sample graded, per part the share of samples correct
 * and the majority verdict, and the model's mean score with a 95% bootstrap interval (parts
 * resampled with replacement, then each chosen part's samples). Samples awaiting review count in no
 * score, as everywhere.
 */
public final class Samples {
  private static final int RESAMPLES = 2000;

  /**
   * One part's samples.
   *
   * @param majority the verdict most samples got; null when two verdicts tie
   */
  public record PartSamples(Part part, List<Grade> grades, Verdict majority) {
    public PartSamples {
      grades = List.copyOf(grades);
    }

    public long count(Verdict v) {
      return grades.stream().filter(g -> g.verdict() == v).count();
    }

    /** The share of samples correct, of all samples. */
    public double shareCorrect() {
      return grades.isEmpty() ? 0 : (double) count(Verdict.CORRECT) / grades.size();
    }

    double[] decidedScores() {
      return grades.stream()
          .filter(g -> g.verdict() != Verdict.NEEDS_REVIEW)
          .mapToDouble(Grade::score)
          .toArray();
    }
  }

  /**
   * A model's samples.
   *
   * @param mean the weighted mean over parts of the mean decided score of their samples; NaN when
   *     nothing is decided
   * @param low the 2.5th percentile of the bootstrap distribution of {@code mean}
   * @param high the 97.5th percentile
   */
  public record Summary(
      String modelId,
      int samplesPerPart,
      List<PartSamples> parts,
      double mean,
      double low,
      double high) {
    public Summary {
      parts = List.copyOf(parts);
    }
  }

  private Samples() {}

  /**
   * Grades the further samples of {@code response} and summarises them with the first ones.
   *
   * @param first the grades of the response's first answers, as {@link GradingEngine#grade(
   *     Assignment, Response, java.util.function.Consumer)} gave them
   * @param seed the bootstrap's seed: the same seed gives the same interval
   */
  public static Summary of(
      Assignment assignment,
      Response response,
      List<PartResult> first,
      GradingEngine engine,
      long seed) {
    Map<String, Grade> firstGrades = new java.util.HashMap<>();
    for (PartResult r : first) {
      firstGrades.put(r.part().id(), r.grade());
    }
    List<PartSamples> parts = new ArrayList<>();
    int most = 1;
    for (Part p : assignment.parts()) {
      List<CompletableFuture<Grade>> more = new ArrayList<>();
      for (Answer a : response.samples().getOrDefault(p.id(), List.of())) {
        more.add(engine.submit(p, a));
      }
      List<Grade> grades = new ArrayList<>();
      Grade g0 = firstGrades.get(p.id());
      if (g0 != null) {
        grades.add(g0);
      }
      more.forEach(f -> grades.add(f.join()));
      most = Math.max(most, grades.size());
      parts.add(new PartSamples(p, grades, majority(grades)));
    }
    double mean = mean(parts, null, null);
    double[] boot = new double[RESAMPLES];
    SplittableRandom random = new SplittableRandom(seed);
    int n = 0;
    for (int b = 0; b < RESAMPLES; b++) {
      double m = mean(parts, random, parts.size() > 0 ? parts : null);
      if (!Double.isNaN(m)) {
        boot[n++] = m;
      }
    }
    double[] sorted = Arrays.copyOf(boot, n);
    Arrays.sort(sorted);
    double low = n == 0 ? Double.NaN : sorted[(int) Math.floor(0.025 * (n - 1))];
    double high = n == 0 ? Double.NaN : sorted[(int) Math.ceil(0.975 * (n - 1))];
    return new Summary(response.modelId(), most, parts, mean, low, high);
  }

  /** The weighted mean score; with {@code random}, of one bootstrap resample. */
  private static double mean(
      List<PartSamples> parts, SplittableRandom random, List<PartSamples> pool) {
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < parts.size(); i++) {
      PartSamples p = random == null ? parts.get(i) : pool.get(random.nextInt(pool.size()));
      double[] scores = p.decidedScores();
      if (scores.length == 0) {
        continue;
      }
      double s = 0;
      for (int j = 0; j < scores.length; j++) {
        s += random == null ? scores[j] : scores[random.nextInt(scores.length)];
      }
      sum += p.part().weight() * s / scores.length;
      weight += p.part().weight();
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  private static Verdict majority(List<Grade> grades) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Grade g : grades) {
      counts.merge(g.verdict(), 1, Integer::sum);
    }
    Verdict best = null;
    int bestCount = 0;
    boolean tie = false;
    for (Map.Entry<Verdict, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
        tie = false;
      } else if (e.getValue() == bestCount) {
        tie = true;
      }
    }
    return tie ? null : best;
  }
}
