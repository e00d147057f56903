package dev.hwgrade.bench;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.text.CachedEmbedder;
import dev.hwgrade.grade.text.CalibratedModel;
import dev.hwgrade.grade.text.MiniLmEmbedder;
import dev.hwgrade.grade.text.SentenceEmbedder;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.grade.text.WordOverlap;
import dev.hwgrade.grade.text.train.AsagExample;
import dev.hwgrade.grade.text.train.QuestionFolds;
import dev.hwgrade.grade.text.train.TextModelTrainer;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the text grader on labelled files in the ASAG JSON-lines format ({@code question},
 * {@code reference}, {@code answer}, {@code label}): accuracy, macro-F1 and the confusion matrix
 * with every answer decided, then the share the default mode decides by itself and how often those
 * decisions are right, each beside the word-overlap baseline ({@link WordOverlap}, one threshold
 * tuned on the training rows) on the same rows. On a two-way file a partially correct verdict
 * counts as incorrect. The reference is the key's one required point.
 *
 * <p>Three ways to measure: the shipped model on a file; leave-questions-out folds of one file
 * (each fold's questions graded by a model trained, as {@code hwgrade train text} trains, on the
 * other folds' questions); and across datasets (a model trained on some files, graded on another).
 */
public final class TextBench {
  private TextBench() {}

  /**
   * Runs the benchmark of the shipped model and prints the figures.
   *
   * @return 0 on success, 1 if the file cannot be read
   */
  public static int run(Path labelledJsonl, PrintStream out) {
    List<AsagExample> examples = read(labelledJsonl, out);
    if (examples == null) {
      return 1;
    }
    CalibratedModel shipped = CalibratedModel.shipped();
    Tally tally = new Tally(examples.get(0).twoWay());
    SentenceEmbedder embedder = MiniLmEmbedder.shared();
    new TextGrader(GradingOptions.DEFAULT.withDecide(true), embedder)
        .grade(part(examples.get(0), 0), answer(examples.get(0), 0)); // loads the model
    long start = System.nanoTime();
    grade(examples, shipped, embedder, shipped.wordOverlapThreshold(), tally);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "%s: %d answers, %d labels (shipped model)%n",
        labelledJsonl.getFileName(),
        examples.size(),
        tally.labels.size());
    tally.print(out, shipped.wordOverlapThreshold());
    out.printf(
        Locale.ROOT,
        "throughput: %.1f answers/s (one thread, both modes, model load excluded)%n",
        examples.size() / seconds);
    return 0;
  }

  /**
   * Leave-questions-out cross-validation on one labelled file: its questions are split into {@code
   * k} folds; each fold is graded by a model trained on the others' questions.
   *
   * @param cache a file keeping embeddings between runs, or null
   * @return 0 on success, 1 if the file cannot be read or has too few questions
   */
  public static int folds(Path labelledJsonl, int k, Path cache, PrintStream out) {
    List<AsagExample> examples = read(labelledJsonl, out);
    if (examples == null) {
      return 1;
    }
    String name = labelledJsonl.getFileName().toString();
    List<String> dataset = new ArrayList<>();
    examples.forEach(e -> dataset.add(name));
    int[] fold = QuestionFolds.assign(examples, dataset, k, QuestionFolds.OUTER_SEED);
    if (QuestionFolds.count(fold) < k) {
      out.println(labelledJsonl + ": fewer than " + k + " questions");
      return 1;
    }
    CachedEmbedder embedder = embedder(cache, out);
    TextModelTrainer.Featurised x = TextModelTrainer.featurise(examples, embedder, out);
    Tally tally = new Tally(examples.get(0).twoWay());
    List<String> thresholds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Integer> train = new ArrayList<>();
      List<AsagExample> test = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (fold[i] == f) {
          test.add(examples.get(i));
        } else {
          train.add(i);
        }
      }
      CalibratedModel m =
          TextModelTrainer.train(
              pick(examples, train),
              pick(dataset, train),
              x.pick(train),
              new PrintStream(java.io.OutputStream.nullOutputStream()));
      thresholds.add(String.format(Locale.ROOT, "%.2f", m.wordOverlapThreshold()));
      grade(test, m, embedder, m.wordOverlapThreshold(), tally);
      out.printf(
          Locale.ROOT,
          "fold %d of %d: %d answers graded; %s%n",
          f + 1,
          k,
          test.size(),
          m.notes().path("model").asText());
    }
    save(embedder, cache, out);
    out.printf(
        Locale.ROOT,
        "%s: %d answers of %d questions, %d labels; %d folds split by question%n",
        name,
        examples.size(),
        QuestionFolds.questions(examples, dataset),
        tally.labels.size(),
        k);
    tally.print(out, Double.NaN);
    out.println("  (baseline thresholds per fold: " + String.join(", ", thresholds) + ")");
    return 0;
  }

  /**
   * Trains on some labelled files and grades another.
   *
   * @param cache a file keeping embeddings between runs, or null
   * @return 0 on success, 1 if a file cannot be read
   */
  public static int crossDataset(List<Path> trainOn, Path testOn, Path cache, PrintStream out) {
    List<AsagExample> train = new ArrayList<>();
    List<String> dataset = new ArrayList<>();
    for (Path p : trainOn) {
      List<AsagExample> rows = read(p, out);
      if (rows == null) {
        return 1;
      }
      train.addAll(rows);
      rows.forEach(r -> dataset.add(p.getFileName().toString()));
    }
    List<AsagExample> test = read(testOn, out);
    if (test == null) {
      return 1;
    }
    CachedEmbedder embedder = embedder(cache, out);
    TextModelTrainer.Featurised x = TextModelTrainer.featurise(train, embedder, out);
    CalibratedModel m = TextModelTrainer.train(train, dataset, x, out);
    Tally tally = new Tally(test.get(0).twoWay());
    grade(test, m, embedder, m.wordOverlapThreshold(), tally);
    save(embedder, cache, out);
    List<String> names = new ArrayList<>();
    trainOn.forEach(p -> names.add(p.getFileName().toString()));
    out.printf(
        Locale.ROOT,
        "%s: %d answers, %d labels; trained on %s (%d answers)%n",
        testOn.getFileName(),
        test.size(),
        tally.labels.size(),
        String.join(", ", names),
        train.size());
    tally.print(out, m.wordOverlapThreshold());
    return 0;
  }

  private static CachedEmbedder embedder(Path cache, PrintStream out) {
    CachedEmbedder e = new CachedEmbedder(MiniLmEmbedder.shared());
    if (cache != null) {
      try {
        e.load(cache);
      } catch (IOException ex) {
        out.println("ignoring the embedding cache: " + ex.getMessage());
      }
    }
    return e;
  }

  private static void save(CachedEmbedder e, Path cache, PrintStream out) {
    if (cache == null) {
      return;
    }
    try {
      e.save(cache);
    } catch (IOException ex) {
      out.println("cannot write the embedding cache: " + ex.getMessage());
    }
  }

  static List<AsagExample> read(Path file, PrintStream out) {
    List<AsagExample> examples;
    try {
      examples = AsagExample.read(file);
    } catch (IOException e) {
      out.println("cannot read " + file + ": " + e.getMessage());
      return null;
    }
    if (examples.isEmpty()) {
      out.println(file + " has no examples");
      return null;
    }
    return examples;
  }

  /** Grades the rows in both modes with the model, and by the baseline at its threshold. */
  private static void grade(
      List<AsagExample> rows,
      CalibratedModel model,
      SentenceEmbedder embedder,
      double threshold,
      Tally tally) {
    TextGrader decider = new TextGrader(GradingOptions.DEFAULT.withDecide(true), embedder, model);
    TextGrader cautious = new TextGrader(GradingOptions.DEFAULT, embedder, model);
    for (int i = 0; i < rows.size(); i++) {
      AsagExample e = rows.get(i);
      Grade best = decider.grade(part(e, i), answer(e, i));
      Grade g = cautious.grade(part(e, i), answer(e, i));
      double recall = WordOverlap.referenceRecall(e.question(), e.reference(), e.answer());
      tally.add(
          e.label(),
          best.verdict(),
          g.verdict(),
          recall >= threshold ? Verdict.CORRECT : Verdict.INCORRECT);
      tally.sure(best.confidence(), best.verdict(), e.label());
    }
  }

  /** The figures of the grader and the baseline on the same rows. */
  private static final class Tally {
    final boolean twoWay;
    final List<Verdict> labels;
    final Confusion grader;
    final Confusion baseline;
    int n;
    int decided;
    int decidedRight;
    final int[] givenByVerdict = new int[3];
    final int[] rightByVerdict = new int[3];
    final List<double[]> sureness = new ArrayList<>();

    Tally(boolean twoWay) {
      this.twoWay = twoWay;
      this.labels =
          twoWay
              ? List.of(Verdict.CORRECT, Verdict.INCORRECT)
              : List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT);
      this.grader = new Confusion(labels);
      this.baseline = new Confusion(labels);
    }

    void add(Verdict label, Verdict decided, Verdict cautious, Verdict overlap) {
      Verdict truth = fold(label);
      n++;
      grader.add(truth, fold(decided));
      baseline.add(truth, fold(overlap));
      if (cautious != Verdict.NEEDS_REVIEW) {
        this.decided++;
        int k =
            List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT)
                .indexOf(cautious);
        if (k >= 0) {
          givenByVerdict[k]++;
        }
        if (fold(cautious) == truth) {
          decidedRight++;
          if (k >= 0) {
            rightByVerdict[k]++;
          }
        }
      }
    }

    /** Records how sure the decide-mode verdict was, which verdict it was, and whether right. */
    void sure(double confidence, Verdict decided, Verdict label) {
      int k =
          List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT).indexOf(decided);
      sureness.add(new double[] {confidence, k, fold(decided) == fold(label) ? 1 : 0});
    }

    /**
     * Accuracy against coverage: how often the surest decide-mode verdicts are right, for the
     * surest 5% to 50% of the answers; and per verdict, the largest share of all answers that
     * verdict's surest cases make up while still right at least 85% of the time.
     */
    private void printCoverage(PrintStream out) {
      List<double[]> byConfidence = new ArrayList<>(sureness);
      byConfidence.sort((a, b) -> Double.compare(b[0], a[0]));
      StringBuilder line = new StringBuilder("accuracy of the surest decide-mode verdicts:");
      for (int pct : new int[] {5, 10, 20, 30, 50}) {
        int k = Math.max(1, byConfidence.size() * pct / 100);
        int right = 0;
        for (int j = 0; j < k; j++) {
          right += (int) byConfidence.get(j)[2];
        }
        line.append(String.format(Locale.ROOT, " %d%% %.3f", pct, (double) right / k));
      }
      out.println(line);
      String[] names = {"correct", "partially correct", "incorrect"};
      StringBuilder most = new StringBuilder("  share of all answers at 85% right or more:");
      for (int v = 0; v < 3; v++) {
        int given = 0;
        int right = 0;
        int best = 0;
        for (double[] r : byConfidence) {
          if (r[1] == v) {
            given++;
            right += (int) r[2];
            if (right >= 0.85 * given) {
              best = given;
            }
          }
        }
        most.append(
            String.format(
                Locale.ROOT,
                " %s %.1f%%",
                names[v],
                byConfidence.isEmpty() ? 0.0 : 100.0 * best / byConfidence.size()));
      }
      out.println(most);
    }

    private Verdict fold(Verdict v) {
      return twoWay && v == Verdict.PARTIALLY_CORRECT ? Verdict.INCORRECT : v;
    }

    void print(PrintStream out, double threshold) {
      out.printf(
          Locale.ROOT,
          "decide mode: accuracy %.3f, macro-F1 %.3f%n",
          grader.accuracy(),
          grader.macroF1());
      out.print(grader.render());
      out.printf(
          Locale.ROOT,
          "word-overlap baseline%s: accuracy %.3f, macro-F1 %.3f%n",
          Double.isNaN(threshold)
              ? " (threshold tuned on each fold's training rows)"
              : String.format(
                  Locale.ROOT, " (threshold %.2f, tuned on the training rows)", threshold),
          baseline.accuracy(),
          baseline.macroF1());
      out.print(baseline.render());
      out.printf(
          Locale.ROOT,
          "default mode: decided automatically %.1f%% (%d of %d), %s%n",
          100.0 * decided / n,
          decided,
          n,
          decided == 0
              ? "so no accuracy to report"
              : String.format(
                  Locale.ROOT, "accuracy of those %.3f", (double) decidedRight / decided));
      out.printf(
          Locale.ROOT,
          "  automatic correct %d (%d right), partially correct %d (%d right), incorrect %d (%d right)%n",
          givenByVerdict[0],
          rightByVerdict[0],
          givenByVerdict[1],
          rightByVerdict[1],
          givenByVerdict[2],
          rightByVerdict[2]);
      printCoverage(out);
      out.printf(
          Locale.ROOT,
          "macro-F1: grader %.3f, baseline %.3f, difference %+.3f%n",
          grader.macroF1(),
          baseline.macroF1(),
          grader.macroF1() - baseline.macroF1());
    }
  }

  private static <T> List<T> pick(List<T> all, List<Integer> rows) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(all.get(r)));
    return out;
  }

  static Part part(AsagExample e, int i) {
    return Part.adHoc("q" + i, e.question(), Key.builder(Kind.TEXT).answer(e.reference()).build());
  }

  static Answer answer(AsagExample e, int i) {
    return Answer.of("q" + i, e.answer());
  }
}
