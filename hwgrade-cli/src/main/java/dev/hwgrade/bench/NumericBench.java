package dev.hwgrade.bench;

import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.numeric.NumericGrader;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Measures the numeric grader on generated key/response pairs written the way models write them
 * (scientific notation, LaTeX, scale words, money, prefixes, ranges, whole paragraphs; right,
 * nearly right and wrong by typical factors): pairs per second on one thread and on all cores,
 * directly and through the grading engine, and the median and 99th-percentile latency of one pair.
 * The target is 2,000 pairs per second.
 */
public final class NumericBench {
  /** Pairs per second the numeric grader must sustain. */
  public static final double TARGET_PAIRS_PER_SECOND = 2_000;

  private static final int PAIRS = 20_000;
  private static final long SEED = 182L;

  private NumericBench() {}

  /** One generated pair and the verdict its generation implies. */
  record Pair(Part part, Answer answer, Verdict expected) {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @return 0 when the all-core throughput through the engine meets the target, 1 otherwise
   */
  public static int run(PrintStream out) {
    List<Pair> pairs = generate(PAIRS, new Random(SEED));
    NumericGrader grader = new NumericGrader(GradingOptions.DEFAULT);
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "numeric bench: %,d generated pairs, %d cores%n", pairs.size(), cores);

    // warm-up: the JIT and the unit caches
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    int agree = 0;
    for (Pair p : pairs) {
      Verdict v = grader.grade(p.part(), p.answer()).verdict();
      verdicts.merge(v, 1, Integer::sum);
      agree += v == p.expected() ? 1 : 0;
    }
    out.println("verdicts: " + verdicts);
    out.printf(
        Locale.ROOT,
        "agreement with the verdicts the generator implies: %.2f%%%n",
        100.0 * agree / pairs.size());

    long[] latencies = new long[pairs.size()];
    long t0 = System.nanoTime();
    for (int i = 0; i < pairs.size(); i++) {
      long s = System.nanoTime();
      grader.grade(pairs.get(i).part(), pairs.get(i).answer());
      latencies[i] = System.nanoTime() - s;
    }
    double oneThread = pairs.size() / seconds(System.nanoTime() - t0);
    Arrays.sort(latencies);
    out.printf(
        Locale.ROOT,
        "grader, 1 thread:   %,10.0f pairs/s  (p50 %.1f µs, p99 %.1f µs)%n",
        oneThread,
        latencies[latencies.length / 2] / 1e3,
        latencies[(int) (latencies.length * 0.99)] / 1e3);

    double allCores = parallel(cores, pairs, p -> grader.grade(p.part(), p.answer()));
    out.printf(Locale.ROOT, "grader, %d threads:  %,10.0f pairs/s%n", cores, allCores);

    GradingEngine engine = GradingEngine.builder().parallelism(cores).build();
    long e0 = System.nanoTime();
    List<CompletableFuture<Grade>> futures = new ArrayList<>(pairs.size());
    for (Pair p : pairs) {
      futures.add(engine.submit(p.part(), p.answer()));
    }
    futures.forEach(CompletableFuture::join);
    double viaEngine = pairs.size() / seconds(System.nanoTime() - e0);
    out.printf(Locale.ROOT, "engine, %d threads:  %,10.0f pairs/s%n", cores, viaEngine);

    boolean met = viaEngine >= TARGET_PAIRS_PER_SECOND;
    out.printf(
        Locale.ROOT,
        "target %,.0f pairs/s: %s%n",
        TARGET_PAIRS_PER_SECOND,
        met ? "met" : "NOT met");
    return met ? 0 : 1;
  }

  private static double parallel(int threads, List<Pair> pairs, Consumer<Pair> work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = t * pairs.size() / threads;
        int to = (t + 1) * pairs.size() / threads;
        fs.add(pool.submit(() -> pairs.subList(from, to).forEach(work)));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      return pairs.size() / seconds(System.nanoTime() - t0);
    } catch (Exception e) {
      throw new IllegalStateException("benchmark worker failed", e);
    } finally {
      pool.shutdown();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  // ---- generated pairs -------------------------------------------------------------------

  /** A key template: value, the unit spellings a response may use with their factors. */
  private record Template(
      double value, String keyUnit, String[] units, double[] factors, String question) {}

  private static final Template[] TEMPLATES = {
    new Template(
        2.4,
        "MB/token",
        new String[] {"MB/token", "MB per token", "KB per token", "bytes/token", "MiB/token"},
        new double[] {1, 1, 1e-3, 1e-6, 1.048576},
        "Estimate the activation memory per token for attention."),
    new Template(
        2.78,
        "$ per 1M tokens",
        new String[] {"$", "dollars per million tokens", "$ per 1M tokens"},
        new double[] {1, 1, 1},
        "An H200 peaks at 1.98 PF/s. What does 1M tokens cost?"),
    new Template(
        1e30,
        "FLOPs",
        new String[] {"FLOPs", "FLOP", "PF-days", "ZFLOPs"},
        new double[] {1, 1, 8.64e19, 1e21},
        "Training compute for a 100T-parameter model?"),
    new Template(
        1.7e15,
        "tokens",
        new String[] {"tokens", "tokens", ""},
        new double[] {1, 1, 1},
        "Chinchilla-optimal data for that model?"),
    new Template(
        200,
        "TB",
        new String[] {"TB", "terabytes", "GB", "TiB", "PB"},
        new double[] {1, 1, 1e-3, 1.0995, 1e3},
        "Memory to hold the weights?"),
    new Template(
        10_000,
        "$/year",
        new String[] {"$/year", "$ per year", "$/month"},
        new double[] {1, 1, 12},
        "Yearly SSD cost?"),
    new Template(
        41.7,
        "s/token",
        new String[] {"sec/token", "s per token", "ms/token"},
        new double[] {1, 1, 1e-3},
        "Latency per token?"),
    new Template(
        195,
        "days",
        new String[] {"days", "hours", "months", "weeks"},
        new double[] {1, 1 / 24.0, 30.4167, 7},
        "Training time with 30M GPUs?"),
    new Template(
        990,
        "TFLOP/s",
        new String[] {"TFLOP/s", "TFLOPS", "PF/s", "FLOP/s"},
        new double[] {1, 1, 1e3, 1e-12},
        "Dense bf16 throughput of one H100?"),
    new Template(
        3.3e-19,
        "J",
        new String[] {"J", "joules", "eV"},
        new double[] {1, 1, 1.602176634e-19},
        "Energy of one photon at 600 nm?"),
    new Template(
        0.4,
        "",
        new String[] {"%", ""},
        new double[] {0.01, 1},
        "What share of the budget is compute?"),
    new Template(
        210e9,
        "$",
        new String[] {"$", "dollars", "billion dollars"},
        new double[] {1, 1, 1e9},
        "Training cost of GPT-6?"),
  };

  private static final double[] MISSES = {
    1, 1, 1, 1.02, 0.97, 1.2, 3.75, 0.151, 8, 9, 1000, 24, 3600, 0.5
  };

  static List<Pair> generate(int n, Random rnd) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < TEMPLATES.length; i++) {
      Template t = TEMPLATES[i];
      String keyText = number(t.value(), 0, rnd) + (t.keyUnit().isEmpty() ? "" : " " + t.keyUnit());
      Key key =
          Key.builder(Kind.NUMERIC)
              .answer(keyText)
              .tolerance(0.25)
              .partialWithin(10.0)
              .explanation("Assume a sustained 0.3 PF/s; the rest follows from " + keyText + ".")
              .build();
      parts.add(Part.adHoc("bench." + i, t.question(), key));
    }
    List<Pair> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int i = rnd.nextInt(TEMPLATES.length);
      Template t = TEMPLATES[i];
      int u = rnd.nextInt(t.units().length);
      double miss = MISSES[rnd.nextInt(MISSES.length)];
      double value = t.value() * miss / t.factors()[u];
      double far = Math.max(miss, 1 / miss);
      Verdict expected =
          far <= 1.25 ? Verdict.CORRECT : far <= 10 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
      String unit = t.units()[u];
      String q =
          unit.startsWith("$") && rnd.nextBoolean()
              ? "$" + number(value, rnd.nextInt(4), rnd) + unit.substring(1)
              : number(value, rnd.nextInt(6), rnd) + (unit.isEmpty() ? "" : " " + unit);
      String text =
          switch (rnd.nextInt(5)) {
            case 0 -> q;
            case 1 -> "~" + q;
            case 2 -> "Final answer: \\boxed{" + q + "}";
            case 3 ->
                "We take 96 layers × 96 heads × 128 dims and 2 bytes per value, then scale by the"
                    + " batch. With 1.98 PF/s peak and 30% utilisation the run is long. So the"
                    + " estimate is ≈ "
                    + q
                    + ".";
            default -> "Roughly " + q + " (order of magnitude).";
          };
      out.add(
          new Pair(
              parts.get(i),
              new Answer(parts.get(i).id(), text, rnd.nextBoolean() ? q : null, null),
              expected));
    }
    return out;
  }

  /** Writes a number in one of the forms models use. */
  private static String number(double v, int form, Random rnd) {
    double a = Math.abs(v);
    int exp = a == 0 ? 0 : (int) Math.floor(Math.log10(a));
    double mant = v / Math.pow(10, exp);
    switch (form) {
      case 1:
        return String.format(Locale.ROOT, "%.2e", v);
      case 2:
        return String.format(Locale.ROOT, "%.2f \\times 10^{%d}", mant, exp);
      case 3:
        if (a >= 1e9 && a < 1e12) {
          return String.format(Locale.ROOT, "%.2f billion", v / 1e9);
        }
        if (a >= 1e3 && a < 1e6) {
          return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", v);
      case 4:
        return a >= 1 && a < 1e15
            ? String.format(Locale.ROOT, "%,.2f", v)
            : String.format(Locale.ROOT, "%.3g", v);
      case 5:
        return String.format(Locale.ROOT, "%.2f·10^%d", mant, exp);
      default:
        return String.format(Locale.ROOT, rnd.nextBoolean() ? "%.3g" : "%.4g", v);
    }
  }
}
