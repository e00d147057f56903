package dev.hwgrade.grade.text.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.grade.text.AnswerText;
import dev.hwgrade.grade.text.CachedEmbedder;
import dev.hwgrade.grade.text.CalibratedModel;
import dev.hwgrade.grade.text.FeatureExtractor;
import dev.hwgrade.grade.text.MiniLmEmbedder;
import dev.hwgrade.grade.text.PointFeatures;
import dev.hwgrade.grade.text.SentenceEmbedder;
import dev.hwgrade.grade.text.WordOverlap;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the text grader's calibrated model from the labelled files {@code *_train*.jsonl} in a
 * folder and writes it as JSON (the shipped copy is {@code
 * src/main/resources/dev/hwgrade/grade/text/model.json}). Each reference answer is the one key
 * point of its question.
 *
 * <p>Everything is chosen on cross-validation folds split by question ({@link QuestionFolds}), so
 * that the choices reflect questions the model has not seen, which is what homework brings: the set
 * of signals and the ridge penalty among a few {@link #CANDIDATES}, the verdict cut-offs, and for
 * keys of one point the per-verdict bands of automatic verdicts (separately for short and long
 * references). Deterministic: the same data gives the same file.
 */
public final class TextModelTrainer {
  static final int FOLDS = 5;
  static final int ITERATIONS = 800;

  /**
   * Automatic verdicts must be right at least this often, on every dataset, on the questions held
   * out; above the 0.85 asked, since bands chosen on one set of questions lose a little on the
   * next.
   */
  static final double TARGET = 0.88;

  /**
   * The band of a key of several points. Short-answer data has no such keys (each reference is one
   * point), so nothing here can choose it: it is the band chosen for them before training moved to
   * folds split by question (on answers held out, at 80% right on three-way and 85% on two-way
   * labels), under which the bundled examples' keys are graded as their TAs grade them.
   */
  static final double SEVERAL_POINTS_DECIDE_AT = 0.79;

  /** A dataset must have at least this many of a verdict at a confidence before it is judged. */
  static final int MIN_COUNT = 30;

  /** … drawn from at least this many questions: a few questions are a few clusters, not a trend. */
  static final int MIN_QUESTIONS = 5;

  /**
   * A set of signals and a ridge penalty. All are question-independent: coverage of the reference's
   * words beyond the question's, embedding similarity of the best sentence and of the whole answer,
   * per-piece similarity and coverage of a long reference, negation, antonym and yes-against-no
   * cues, letter n-gram recall and length (up to a full student answer).
   *
   * @param name what it is, for the notes
   * @param features the signals, a subset of {@link FeatureExtractor#NAMES}
   * @param l2 the ridge penalty
   */
  record Candidate(String name, List<String> features, double l2) {}

  private static final List<String> CORE =
      List.of(
          "sim_whole",
          "sim_best_unit",
          "lex_recall_new",
          "lex_best_unit",
          "negation_mismatch",
          "antonym_conflict",
          "log_answer_tokens",
          "seg_sim_mean",
          "seg_lex_mean",
          "char3_recall",
          "polarity_mismatch");

  private static final List<String> WIDER =
      concat(
          CORE,
          List.of(
              "lex_recall_all",
              "char4_recall",
              "pair_recall",
              "lead_sim",
              "facet_sim_min",
              "seg_sim_min"));

  /** The few settings training chooses among, on folds split by question. */
  static final List<Candidate> CANDIDATES =
      List.of(
          new Candidate("11 core signals, L2 0.01", CORE, 0.01),
          new Candidate("11 core signals, L2 0.1", CORE, 0.1),
          new Candidate("17 signals, L2 0.03", WIDER, 0.03),
          new Candidate(
              "5 signals, L2 0.01",
              List.of(
                  "sim_best_unit",
                  "lex_recall_new",
                  "seg_sim_mean",
                  "negation_mismatch",
                  "log_answer_tokens"),
              0.01));

  private TextModelTrainer() {}

  /** Feature vectors of labelled rows, and whether each reference is of one clause. */
  public record Featurised(double[][] x, boolean[] oneClause) {
    /** The rows given, in that order. */
    public Featurised pick(List<Integer> rows) {
      double[][] xs = new double[rows.size()][];
      boolean[] one = new boolean[rows.size()];
      for (int j = 0; j < rows.size(); j++) {
        xs[j] = x[rows.get(j)];
        one[j] = oneClause[rows.get(j)];
      }
      return new Featurised(xs, one);
    }
  }

  /**
   * Trains and writes the model, printing progress and the cross-validated figures.
   *
   * @param cache a file keeping embeddings between runs, or null
   * @return 0 on success, 1 if no training file is found or one cannot be read
   */
  public static int run(Path dataDir, Path outFile, Path cache, PrintStream out) {
    List<AsagExample> examples = new ArrayList<>();
    List<String> dataset = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*_train*.jsonl")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      if (sorted.isEmpty()) {
        out.println("no *_train*.jsonl files in " + dataDir);
        return 1;
      }
      for (Path f : sorted) {
        List<AsagExample> rows = AsagExample.read(f);
        out.printf(Locale.ROOT, "%s: %d examples%n", f.getFileName(), rows.size());
        names.add(f.getFileName().toString());
        for (AsagExample e : rows) {
          examples.add(e);
          dataset.add(f.getFileName().toString());
        }
      }
    } catch (IOException e) {
      out.println("cannot read training data: " + e.getMessage());
      return 1;
    }
    CachedEmbedder embedder = new CachedEmbedder(MiniLmEmbedder.shared());
    try {
      if (cache != null) {
        embedder.load(cache);
      }
      Featurised f = featurise(examples, embedder, out);
      if (cache != null) {
        embedder.save(cache);
      }
      CalibratedModel model = train(examples, dataset, f, out);
      ((ObjectNode) model.notes()).put("trainedOn", String.join(", ", names));
      model.write(outFile);
    } catch (IOException e) {
      out.println("cannot read or write " + e.getMessage());
      return 1;
    }
    out.println("wrote " + outFile);
    return 0;
  }

  /**
   * Chooses the signals, penalty, cut-offs and bands on folds of the rows split by question, and
   * fits the chosen model on all of them.
   *
   * @param dataset the dataset of each row (a question is its text within one dataset; bands must
   *     hold on each dataset)
   */
  public static CalibratedModel train(
      List<AsagExample> rows, List<String> dataset, Featurised f, PrintStream out) {
    int n = rows.size();
    int[] level = new int[n];
    boolean[] twoWay = new boolean[n];
    int[] group = new int[n];
    int[] question = new int[n];
    java.util.Map<String, Integer> groups = new java.util.HashMap<>();
    java.util.Map<String, Integer> questions = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      level[i] = levelOf(rows.get(i).label());
      twoWay[i] = rows.get(i).twoWay();
      group[i] = groups.computeIfAbsent(dataset.get(i), k -> groups.size());
      question[i] =
          questions.computeIfAbsent(
              dataset.get(i) + "\u0000" + rows.get(i).question().strip(), k -> questions.size());
    }
    int[] fold = QuestionFolds.assign(rows, dataset, FOLDS, QuestionFolds.INNER_SEED);
    int folds = QuestionFolds.count(fold);

    Candidate best = null;
    double bestScore = -1;
    double[][] bestOof = null;
    for (Candidate c : CANDIDATES) {
      double[][] oof = outOfFold(c, f, level, twoWay, group, fold, folds);
      BandSelection s = BandSelection.choose(oof, level, twoWay, TARGET, TARGET);
      double score = mean(s.macroF1ThreeWay(), s.macroF1TwoWay());
      out.printf(
          Locale.ROOT,
          "%s: macro-F1 on held-out questions three-way %.3f, two-way %.3f%n",
          c.name(),
          s.macroF1ThreeWay(),
          s.macroF1TwoWay());
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = c;
        bestOof = oof;
      }
    }
    BandSelection cuts = BandSelection.choose(bestOof, level, twoWay, TARGET, TARGET);
    boolean threeWaySeen = false;
    for (boolean t : twoWay) {
      threeWaySeen |= !t;
    }
    boolean[] long_ = new boolean[n];
    for (int i = 0; i < n; i++) {
      long_[i] = CalibratedModel.isLongReference(rows.get(i).reference());
    }
    CalibratedModel.Band shortBand =
        bandFor(bestOof, level, twoWay, group, question, fold, long_, false, cuts, threeWaySeen);
    CalibratedModel.Band longBand =
        bandFor(bestOof, level, twoWay, group, question, fold, long_, true, cuts, threeWaySeen);
    double[] cPerRow = new double[n];
    double[] iPerRow = new double[n];
    double[][] bandPerRow = new double[n][];
    for (int i = 0; i < n; i++) {
      CalibratedModel.Band b = long_[i] ? longBand : shortBand;
      cPerRow[i] = b.correctCut();
      iPerRow[i] = b.incorrectCut();
      bandPerRow[i] = new double[] {b.incorrectAt(), b.partialAt(), b.correctAt()};
    }
    BandSelection onNewQuestions =
        BandSelection.at(bestOof, level, twoWay, cPerRow, iPerRow, bandPerRow, 0);
    String settings =
        describe("short reference", shortBand)
            + describe(
                "long reference (over " + CalibratedModel.LONG_REFERENCE_WORDS + " words)",
                longBand);
    out.print("chosen: " + best.name() + "\n" + settings);
    out.print("held-out questions:\n" + onNewQuestions.describeFigures());

    Standardiser std = Standardiser.of(columns(f.x(), best.features()));
    double[][] z = std.apply(columns(f.x(), best.features()));
    SoftmaxRegression.Fit fit =
        SoftmaxRegression.fit(
            z,
            level,
            twoWay,
            SoftmaxRegression.balancedWeights(group, level, twoWay),
            best.l2(),
            ITERATIONS);
    double threshold = wordOverlapThreshold(rows);
    ObjectNode notes = new ObjectMapper().createObjectNode();
    notes.put("examples", n);
    notes.put("questions", questions.size());
    notes.put(
        "model",
        "multinomial logistic regression, "
            + best.name()
            + ", "
            + ITERATIONS
            + " iterations; chosen among "
            + CANDIDATES.size()
            + " on "
            + folds
            + " folds split by question");
    notes.put("settings", settings.strip());
    notes.put("heldOutQuestions", onNewQuestions.describeFigures().strip());
    notes.put("wordOverlapThreshold", threshold);
    // a key of several points (written by a teacher, with accept and reject phrases) is not
    // measured by this data at all: it keeps its fixed band
    double severalAt = SEVERAL_POINTS_DECIDE_AT;
    return new CalibratedModel(
        best.features(),
        std.mean(),
        std.scale(),
        fit.partlyWeights(),
        fit.madeWeights(),
        fit.partlyBias(),
        fit.madeBias(),
        cuts.correctCut(),
        cuts.incorrectCut(),
        severalAt,
        shortBand,
        longBand,
        notes);
  }

  /**
   * The threshold of the word-overlap baseline that maximises macro-F1 on the rows (the mean over
   * three-way and two-way rows): at or above it an answer is correct, else incorrect.
   */
  static double wordOverlapThreshold(List<AsagExample> rows) {
    double[] recall = new double[rows.size()];
    for (int i = 0; i < recall.length; i++) {
      AsagExample e = rows.get(i);
      recall[i] = WordOverlap.referenceRecall(e.question(), e.reference(), e.answer());
    }
    double best = -1;
    double at = 0.5;
    for (int step = 0; step <= 50; step++) {
      double t = step / 50.0;
      int[][][] m = new int[2][3][3];
      for (int i = 0; i < recall.length; i++) {
        AsagExample e = rows.get(i);
        int k = e.twoWay() ? 1 : 0;
        int truth = levelOf(e.label());
        if (e.twoWay() && truth == 1) {
          truth = 0;
        }
        m[k][truth][recall[i] >= t ? 2 : 0]++;
      }
      double score =
          mean(
              BandSelection.macroF1(m[0], new int[] {0, 1, 2}),
              BandSelection.macroF1(m[1], new int[] {0, 2}));
      if (score > best + 1e-12) {
        best = score;
        at = t;
      }
    }
    return at;
  }

  private static String describe(String what, CalibratedModel.Band b) {
    return String.format(
        Locale.ROOT,
        "  %s: correct from %.2f, %s; automatic correct from %.2f,"
            + " partially correct from %.2f, incorrect from %.2f%n",
        what,
        b.correctCut(),
        b.partialByPieces()
            ? "else partially correct when a piece of a reference of several is made (no"
                + " three-way labels)"
            : String.format(Locale.ROOT, "incorrect from %.3f", b.incorrectCut()),
        b.correctAt(),
        b.partialAt(),
        b.incorrectAt());
  }

  /** Cut-offs and per-verdict bands for the rows of one kind of reference. */
  private static CalibratedModel.Band bandFor(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      int[] group,
      int[] question,
      int[] fold,
      boolean[] long_,
      boolean wantLong,
      BandSelection cuts,
      boolean threeWaySeen) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < oof.length; i++) {
      if (long_[i] == wantLong) {
        keep.add(i);
      }
    }
    double[][] o = new double[keep.size()][];
    int[] l = new int[keep.size()];
    boolean[] t = new boolean[keep.size()];
    int[] g = new int[keep.size()];
    int[] q = new int[keep.size()];
    int[] fo = new int[keep.size()];
    for (int j = 0; j < keep.size(); j++) {
      int i = keep.get(j);
      o[j] = oof[i];
      l[j] = level[i];
      t[j] = twoWay[i];
      g[j] = group[i];
      q[j] = question[i];
      fo[j] = fold[i];
    }
    double c = cuts.correctCut();
    double ic = cuts.incorrectCut();
    double[] at =
        BandSelection.verdictBands(o, l, t, g, q, fo, c, ic, TARGET, MIN_COUNT, MIN_QUESTIONS);
    if (!threeWaySeen) {
      // two-way labels hide partial answers inside "incorrect": a model that never saw three
      // labels cannot tell an incorrect answer from a partial one, so it gives neither by itself
      at[0] = 1.0;
      at[1] = 1.0;
    }
    // ... and, deciding, it reads a partial answer off the reference's pieces instead of a cut-off
    // the labels never chose
    return new CalibratedModel.Band(c, ic, at[2], at[1], at[0], !threeWaySeen);
  }

  /**
   * Out-of-fold P(made), P(at least partly made); as the grader does, a reference of one clause is
   * made or not, so its P(partly made) is its P(made).
   */
  private static double[][] outOfFold(
      Candidate c,
      Featurised f,
      int[] level,
      boolean[] twoWay,
      int[] group,
      int[] fold,
      int folds) {
    double[][] cols = columns(f.x(), c.features());
    double[][] oof = new double[cols.length][];
    for (int k = 0; k < folds; k++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < cols.length; i++) {
        (fold[i] == k ? test : train).add(i);
      }
      double[][] xs = new double[train.size()][];
      int[] ls = new int[train.size()];
      boolean[] tw = new boolean[train.size()];
      int[] gs = new int[train.size()];
      for (int j = 0; j < train.size(); j++) {
        xs[j] = cols[train.get(j)];
        ls[j] = level[train.get(j)];
        tw[j] = twoWay[train.get(j)];
        gs[j] = group[train.get(j)];
      }
      Standardiser std = Standardiser.of(xs);
      SoftmaxRegression.Fit fit =
          SoftmaxRegression.fit(
              std.apply(xs),
              ls,
              tw,
              SoftmaxRegression.balancedWeights(gs, ls, tw),
              c.l2(),
              ITERATIONS);
      for (int i : test) {
        double[] p = fit.probabilities(std.apply(new double[][] {cols[i]})[0]);
        oof[i] = new double[] {p[2], f.oneClause()[i] ? p[2] : p[1] + p[2]};
      }
    }
    return oof;
  }

  /** The named columns of full feature vectors. */
  static double[][] columns(double[][] x, List<String> features) {
    int[] at = new int[features.size()];
    for (int j = 0; j < at.length; j++) {
      at[j] = FeatureExtractor.NAMES.indexOf(features.get(j));
    }
    double[][] out = new double[x.length][at.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < at.length; j++) {
        out[i][j] = x[i][at[j]];
      }
    }
    return out;
  }

  static int levelOf(Verdict v) {
    return switch (v) {
      case CORRECT -> 2;
      case PARTIALLY_CORRECT -> 1;
      default -> 0;
    };
  }

  private static double mean(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : (a + b) / 2;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** The full feature vector of each row, its reference the one key point. */
  public static Featurised featurise(
      List<AsagExample> examples, SentenceEmbedder embedder, PrintStream out) {
    FeatureExtractor fx = new FeatureExtractor(embedder);
    double[][] x = new double[examples.size()][];
    boolean[] oneClause = new boolean[examples.size()];
    long start = System.nanoTime();
    for (int i = 0; i < examples.size(); i++) {
      AsagExample e = examples.get(i);
      PointFeatures pf =
          fx.extract(e.question(), List.of(e.reference()), new AnswerText(e.answer())).get(0);
      x[i] = pf.values();
      oneClause[i] = pf.facets() <= 1;
      if ((i + 1) % 1000 == 0 || i + 1 == examples.size()) {
        double rate = (i + 1) / ((System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "features: %d of %d (%.0f/s)%n", i + 1, examples.size(), rate);
      }
    }
    return new Featurised(x, oneClause);
  }
}
