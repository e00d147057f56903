package dev.hwgrade.grade.text.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.grade.text.AnswerText;
import dev.hwgrade.grade.text.CalibratedModel;
import dev.hwgrade.grade.text.FeatureExtractor;
import dev.hwgrade.grade.text.MiniLmEmbedder;
import dev.hwgrade.grade.text.PointFeatures;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the text grader's calibrated model from the labelled files {@code *_train*.jsonl} in a
 * folder and writes it as JSON (the shipped copy is {@code
 * src/main/resources/dev/hwgrade/grade/text/model.json}). Each reference answer is the one key
 * point of its question. Cut-offs, and for keys of one point the per-verdict bands (separately for
 * short and long references), are chosen on out-of-fold predictions where the folds split by
 * question, so they reflect questions the model has not seen. Deterministic: the same data gives
 * the same file.
 */
public final class TextModelTrainer {
  static final int FOLDS = 5;
  static final double L2 = 3e-3;
  static final int ITERATIONS = 1500;

  /** Automatic verdicts must be at least this accurate on unseen answers (three-way labels). */
  static final double TARGET_THREE_WAY = 0.80;

  /** … and this accurate on two-way labels, where partially correct counts as incorrect. */
  static final double TARGET_TWO_WAY = 0.85;

  private TextModelTrainer() {}

  /**
   * Trains and writes the model, printing progress and the cross-validated figures.
   *
   * @return 0 on success, 1 if no training file is found or one cannot be read
   */
  public static int run(Path dataDir, Path outFile, PrintStream out) {
    List<AsagExample> examples = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*_train*.jsonl")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      if (sorted.isEmpty()) {
        out.println("no *_train*.jsonl files in " + dataDir);
        return 1;
      }
      Map<String, Integer> groupIds = new HashMap<>();
      for (Path f : sorted) {
        List<AsagExample> rows = AsagExample.read(f);
        out.printf(Locale.ROOT, "%s: %d examples%n", f.getFileName(), rows.size());
        for (AsagExample e : rows) {
          examples.add(e);
          String g = f.getFileName() + "\u0000" + e.question() + "\u0000" + e.reference();
          groups.add(groupIds.computeIfAbsent(g, k -> groupIds.size()));
        }
      }
    } catch (IOException e) {
      out.println("cannot read training data: " + e.getMessage());
      return 1;
    }
    boolean[] oneClause = new boolean[examples.size()];
    double[][] x = featurise(examples, oneClause, out);
    int[] level = new int[examples.size()];
    boolean[] twoWay = new boolean[examples.size()];
    int[] fold = new int[examples.size()];
    for (int i = 0; i < level.length; i++) {
      level[i] = levelOf(examples.get(i).label());
      twoWay[i] = examples.get(i).twoWay();
      fold[i] = groups.get(i) % FOLDS;
    }
    Standardiser std = Standardiser.of(x);
    double[][] z = expandAll(std.apply(x), x);

    int[] byQuestion = new int[fold.length];
    int[] byAnswer = new int[fold.length];
    for (int i = 0; i < fold.length; i++) {
      byQuestion[i] = fold[i];
      byAnswer[i] = i % FOLDS;
    }
    double[][] unseenQuestions = outOfFold(z, level, twoWay, oneClause, byQuestion);
    double[][] unseenAnswers = outOfFold(z, level, twoWay, oneClause, byAnswer);
    // keys of several points (written by a teacher, not measured by this data) keep one band,
    // chosen as the goals are stated, on answers never seen
    // verdict cut-offs serve new answers to known questions and answers to new questions alike
    BandSelection joint =
        BandSelection.choose(
            unseenQuestions, unseenAnswers, level, twoWay, TARGET_THREE_WAY, TARGET_TWO_WAY);
    BandSelection severalPoints =
        BandSelection.chooseBand(
            unseenAnswers,
            level,
            twoWay,
            joint.correctCut(),
            joint.incorrectCut(),
            TARGET_THREE_WAY,
            TARGET_TWO_WAY);
    // a key of one point gets cut-offs and per-verdict bands that hold on questions never seen,
    // which is what homework brings; a long, rubric-like reference and a short one get their own,
    // since the model is much less sure of the first kind on new questions
    boolean[] long_ = new boolean[examples.size()];
    boolean[] short_ = new boolean[examples.size()];
    for (int i = 0; i < long_.length; i++) {
      long_[i] = CalibratedModel.isLongReference(examples.get(i).reference());
      short_[i] = !long_[i];
    }
    CalibratedModel.Band shortBand =
        chooseFor(unseenQuestions, level, twoWay, short_, joint, out, "short references");
    CalibratedModel.Band longBand =
        chooseFor(unseenQuestions, level, twoWay, long_, joint, out, "long references");
    int n = long_.length;
    double[] cPerRow = new double[n];
    double[] iPerRow = new double[n];
    double[][] bandPerRow = new double[n][];
    for (int i = 0; i < n; i++) {
      CalibratedModel.Band b = long_[i] ? longBand : shortBand;
      cPerRow[i] = b.correctCut();
      iPerRow[i] = b.incorrectCut();
      bandPerRow[i] = new double[] {b.incorrectAt(), b.partialAt(), b.correctAt()};
    }
    BandSelection band =
        BandSelection.at(unseenAnswers, level, twoWay, cPerRow, iPerRow, bandPerRow, 0);
    BandSelection onNewQuestions =
        BandSelection.at(unseenQuestions, level, twoWay, cPerRow, iPerRow, bandPerRow, 0);
    String settings =
        describe("short reference", shortBand)
            + describe(
                "long reference (over " + CalibratedModel.LONG_REFERENCE_WORDS + " words)",
                longBand)
            + String.format(
                Locale.ROOT,
                "  key of several points: correct from %.2f, incorrect from %.3f, decide at %.2f%n",
                severalPoints.correctCut(),
                severalPoints.incorrectCut(),
                severalPoints.decideAt());
    out.print("chosen:\n" + settings);
    out.print("unseen answers (folds split by answer):\n" + band.describeFigures());
    out.print("unseen questions (folds split by question):\n" + onNewQuestions.describeFigures());

    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      all.add(i);
    }
    SoftmaxRegression.Fit fit = fitOn(z, level, twoWay, all);
    ObjectNode notes = new ObjectMapper().createObjectNode();
    notes.put("trainedOn", String.join(", ", trainFiles(dataDir)));
    notes.put("examples", examples.size());
    notes.put(
        "model",
        "multinomial logistic regression, features also times the long-point indicator, L2 "
            + L2
            + ", "
            + ITERATIONS
            + " iterations");
    notes.put("crossValidation", FOLDS + " folds split by answer, and by question");
    notes.put("settings", settings.strip());
    notes.put("unseenAnswers", band.describeFigures().strip());
    notes.put("unseenQuestions", onNewQuestions.describeFigures().strip());
    CalibratedModel model =
        new CalibratedModel(
            FeatureExtractor.NAMES,
            std.mean(),
            std.scale(),
            fit.partlyWeights(),
            fit.madeWeights(),
            fit.partlyBias(),
            fit.madeBias(),
            severalPoints.correctCut(),
            severalPoints.incorrectCut(),
            severalPoints.decideAt(),
            shortBand,
            longBand,
            notes);
    try {
      model.write(outFile);
    } catch (IOException e) {
      out.println("cannot write " + outFile + ": " + e.getMessage());
      return 1;
    }
    out.println("wrote " + outFile);
    return 0;
  }

  /** Rows of one kind must have at least this many of a verdict before its accuracy is judged. */
  static final int MIN_COUNT = 30;

  private static String describe(String what, CalibratedModel.Band b) {
    return String.format(
        Locale.ROOT,
        "  %s: correct from %.2f, incorrect from %.3f; automatic correct from %.2f,"
            + " partially correct from %.2f, incorrect from %.2f%n",
        what,
        b.correctCut(),
        b.incorrectCut(),
        b.correctAt(),
        b.partialAt(),
        b.incorrectAt());
  }

  /**
   * Cut-offs and per-verdict bands for the rows kept, chosen on their out-of-fold probabilities
   * (folds split by question); prints the curves they were chosen from.
   */
  private static CalibratedModel.Band chooseFor(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      boolean[] keep,
      BandSelection cuts,
      PrintStream out,
      String what) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        rows.add(i);
      }
    }
    double[][] o = new double[rows.size()][];
    int[] l = new int[rows.size()];
    boolean[] t = new boolean[rows.size()];
    for (int j = 0; j < rows.size(); j++) {
      o[j] = oof[rows.get(j)];
      l[j] = level[rows.get(j)];
      t[j] = twoWay[rows.get(j)];
    }
    // cut-offs chosen on these rows alone were tried and lost macro-F1 on both kinds of rows
    double c = cuts.correctCut();
    double ic = cuts.incorrectCut();
    BandSelection s = BandSelection.at(o, l, t, c, ic, 1.0);
    double[] at =
        BandSelection.verdictBands(o, l, t, c, ic, TARGET_THREE_WAY, TARGET_TWO_WAY, MIN_COUNT);
    out.printf(Locale.ROOT, "%s (%d rows), unseen questions:%n", what, rows.size());
    out.printf(
        Locale.ROOT,
        "  macro-F1 three-way %.3f, two-way %.3f%n",
        s.macroF1ThreeWay(),
        s.macroF1TwoWay());
    out.print(BandSelection.curveByVerdict(o, l, t, c, ic));
    return new CalibratedModel.Band(c, ic, at[2], at[1], at[0]);
  }

  /**
   * Out-of-fold P(made), P(partly made); as the grader does, a reference of one clause is made or
   * not, so its P(partly made) is its P(made).
   */
  private static double[][] outOfFold(
      double[][] z, int[] level, boolean[] twoWay, boolean[] oneClause, int[] fold) {
    double[][] oof = new double[z.length][];
    for (int k = 0; k < FOLDS; k++) {
      List<Integer> train = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        if (fold[i] != k) {
          train.add(i);
        }
      }
      SoftmaxRegression.Fit fit = fitOn(z, level, twoWay, train);
      for (int i = 0; i < z.length; i++) {
        if (fold[i] == k) {
          oof[i] = probabilities(fit, z[i]);
          if (oneClause[i]) {
            oof[i][1] = oof[i][0];
          }
        }
      }
    }
    return oof;
  }

  private static List<String> trainFiles(Path dataDir) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*_train*.jsonl")) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    } catch (IOException e) {
      names.add(dataDir.toString());
    }
    names.sort(null);
    return names;
  }

  static int levelOf(Verdict v) {
    return switch (v) {
      case CORRECT -> 2;
      case PARTIALLY_CORRECT -> 1;
      default -> 0;
    };
  }

  /** Each standardised row expanded by the long-point indicator of its raw row. */
  private static double[][] expandAll(double[][] z, double[][] raw) {
    int at = FeatureExtractor.NAMES.indexOf(FeatureExtractor.LONG_POINT);
    double[][] out = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      out[i] = CalibratedModel.expand(z[i], raw[i][at] > 0.5);
    }
    return out;
  }

  private static SoftmaxRegression.Fit fitOn(
      double[][] z, int[] level, boolean[] twoWay, List<Integer> rows) {
    double[][] xs = new double[rows.size()][];
    int[] ls = new int[rows.size()];
    boolean[] tw = new boolean[rows.size()];
    for (int j = 0; j < rows.size(); j++) {
      xs[j] = z[rows.get(j)];
      ls[j] = level[rows.get(j)];
      tw[j] = twoWay[rows.get(j)];
    }
    return SoftmaxRegression.fit(xs, ls, tw, L2, ITERATIONS);
  }

  /** P(made), P(at least partly made) for one expanded standardised row. */
  static double[] probabilities(SoftmaxRegression.Fit fit, double[] z) {
    double[] p = fit.probabilities(z);
    return new double[] {p[2], p[1] + p[2]};
  }

  private static double[][] featurise(
      List<AsagExample> examples, boolean[] oneClause, PrintStream out) {
    FeatureExtractor fx = new FeatureExtractor(MiniLmEmbedder.shared());
    double[][] x = new double[examples.size()][];
    long start = System.nanoTime();
    for (int i = 0; i < examples.size(); i++) {
      AsagExample e = examples.get(i);
      PointFeatures f =
          fx.extract(e.question(), List.of(e.reference()), new AnswerText(e.answer())).get(0);
      x[i] = f.values();
      oneClause[i] = f.facets() <= 1;
      if ((i + 1) % 500 == 0 || i + 1 == examples.size()) {
        double rate = (i + 1) / ((System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "features: %d of %d (%.0f/s)%n", i + 1, examples.size(), rate);
      }
    }
    return x;
  }
}
