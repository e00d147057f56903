package dev.hwgrade.grade.text.train;

import dev.hwgrade.grade.text.VerdictRule;
import dev.hwgrade.model.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses, from out-of-fold probabilities, the verdict cut-offs that maximise macro-F1 (the mean
 * over the three-way and the two-way rows) and the least confidence at which automatic verdicts
 * still reach the target accuracy on both kinds of rows.
 *
 * @param correctCut P(correct) from which the verdict is correct
 * @param incorrectCut P(incorrect) from which a verdict not correct is incorrect
 * @param decideAt the least confidence for an automatic verdict
 * @param macroF1ThreeWay out-of-fold macro-F1 on three-way rows at the cut-offs
 * @param macroF1TwoWay out-of-fold macro-F1 on two-way rows
 * @param decidedThreeWay share of three-way rows decided automatically
 * @param accuracyThreeWay accuracy of those decisions
 * @param decidedTwoWay share of two-way rows decided automatically
 * @param accuracyTwoWay accuracy of those decisions
 */
record BandSelection(
    double correctCut,
    double incorrectCut,
    double decideAt,
    double macroF1ThreeWay,
    double macroF1TwoWay,
    double decidedThreeWay,
    double accuracyThreeWay,
    double decidedTwoWay,
    double accuracyTwoWay) {

  static BandSelection choose(
      double[][] oof, int[] level, boolean[] twoWay, double target3, double target2) {
    return choose(oof, oof, level, twoWay, target3, target2);
  }

  /**
   * Cut-offs that maximise the mean macro-F1 over two sets of out-of-fold probabilities (answers
   * unseen, and questions unseen), with the band chosen on the first.
   */
  static BandSelection choose(
      double[][] oof,
      double[][] other,
      int[] level,
      boolean[] twoWay,
      double target3,
      double target2) {
    double bestScore = -1;
    double bestC = 0.5;
    double bestI = 0.5;
    for (double c = 0.20; c <= 0.80001; c += 0.02) {
      for (double i = 0.05; i <= 0.80001; i += 0.025) {
        double score =
            mean(macroF1(oof, level, twoWay, c, i, false), macroF1(oof, level, twoWay, c, i, true))
                + mean(
                    macroF1(other, level, twoWay, c, i, false),
                    macroF1(other, level, twoWay, c, i, true));
        if (score > bestScore + 1e-12) {
          bestScore = score;
          bestC = c;
          bestI = i;
        }
      }
    }
    return chooseBand(oof, level, twoWay, bestC, bestI, target3, target2);
  }

  /** The least confidence at which automatic verdicts reach both targets, at given cut-offs. */
  static BandSelection chooseBand(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      double c,
      double i,
      double target3,
      double target2) {
    double decideAt = 0.99;
    for (double t = 0.50; oof.length > 0 && t <= 0.99001; t += 0.01) {
      double[] a3 = automatic(oof, level, twoWay, c, i, t, false);
      double[] a2 = automatic(oof, level, twoWay, c, i, t, true);
      if ((Double.isNaN(a3[1]) || a3[1] >= target3) && (Double.isNaN(a2[1]) || a2[1] >= target2)) {
        decideAt = t;
        break;
      }
    }
    return at(oof, level, twoWay, c, i, decideAt);
  }

  /** The figures at given cut-offs and band. */
  static BandSelection at(
      double[][] oof, int[] level, boolean[] twoWay, double c, double i, double decideAt) {
    int n = oof.length;
    return at(oof, level, twoWay, filled(n, c), filled(n, i), byVerdict(n, decideAt), decideAt);
  }

  /**
   * The figures when each row has its own cut-offs and, per verdict level (incorrect, partially
   * correct, correct), its own band; the record reports the first row's cut-offs and {@code
   * decideAt} as given.
   */
  static BandSelection at(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      double[] c,
      double[] i,
      double[][] band,
      double decideAt) {
    double[] a3 = automatic(oof, level, twoWay, c, i, band, false);
    double[] a2 = automatic(oof, level, twoWay, c, i, band, true);
    return new BandSelection(
        c.length == 0 ? 0 : round(c[0]),
        i.length == 0 ? 0 : round(i[0]),
        round(decideAt),
        macroF1(oof, level, twoWay, c, i, false),
        macroF1(oof, level, twoWay, c, i, true),
        a3[0],
        a3[1],
        a2[0],
        a2[1]);
  }

  /**
   * A fold of held-out questions with at least this many verdicts of a kind at a confidence must
   * have them right at least {@link #FOLD_TARGET} of the time: a verdict that holds on the sum of
   * the folds but fails on one group of new questions fails on the next new questions too.
   */
  static final int FOLD_MIN_COUNT = 10;

  /** See {@link #FOLD_MIN_COUNT}. */
  static final double FOLD_TARGET = 0.8;

  /**
   * Per verdict level (incorrect, partially correct, correct), the least confidence from which that
   * verdict, given automatically, is right at least {@code target} of the time, there and at every
   * higher confidence, in every dataset that has at least {@code minCount} such verdicts from at
   * least {@code minQuestions} questions there (fewer are too few to tell); at least two datasets
   * must be judged, and for incorrect and partially correct a three-way one when the rows have any.
   * A model trained on one dataset gives no verdict by itself: on folds of one dataset's questions
   * (SAF), bands that held on its held-out questions failed on the next ones (automatic correct
   * verdicts right 20% of the time). Scanning down from the top and stopping at the first failure
   * keeps a band from resting on a lucky sample at one confidence. 1.0 means never automatic.
   *
   * @param group the dataset of each row
   * @param question the question of each row
   * @param fold the fold of held-out questions each row's probabilities come from; on each, the
   *     verdict must be right at least {@link #FOLD_TARGET} of the time where it is given {@link
   *     #FOLD_MIN_COUNT} times or more
   */
  static double[] verdictBands(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      int[] group,
      int[] question,
      int[] fold,
      double c,
      double i,
      double target,
      int minCount,
      int minQuestions) {
    int folds = 0;
    for (int f : fold) {
      folds = Math.max(folds, f + 1);
    }
    int groups = 0;
    for (int g : group) {
      groups = Math.max(groups, g + 1);
    }
    int[] lv = new int[oof.length];
    double[] conf = new double[oof.length];
    boolean[] right = new boolean[oof.length];
    for (int r = 0; r < oof.length; r++) {
      VerdictRule.Distribution d = VerdictRule.single(oof[r][0], oof[r][1]);
      Verdict v = d.verdict(c, i);
      lv[r] = TextModelTrainer.levelOf(v);
      conf[r] = d.of(v);
      right[r] = (twoWay[r] && lv[r] == 1 ? 0 : lv[r]) == level[r];
    }
    boolean[] threeWay = new boolean[groups];
    boolean anyThreeWay = false;
    for (int r = 0; r < oof.length; r++) {
      threeWay[group[r]] |= !twoWay[r];
      anyThreeWay |= !twoWay[r];
    }
    double[] band = {1.0, 1.0, 1.0};
    for (int want = 0; want < 3; want++) {
      double least = 1.0;
      for (int step = 99; step >= 50; step--) {
        double t = step / 100.0;
        int[] n = new int[groups];
        int[] ok = new int[groups];
        List<java.util.Set<Integer>> qs = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
          qs.add(new java.util.HashSet<>());
        }
        int[] nFold = new int[folds];
        int[] okFold = new int[folds];
        for (int r = 0; r < oof.length; r++) {
          if (lv[r] == want && conf[r] >= t) {
            n[group[r]]++;
            ok[group[r]] += right[r] ? 1 : 0;
            qs.get(group[r]).add(question[r]);
            nFold[fold[r]]++;
            okFold[fold[r]] += right[r] ? 1 : 0;
          }
        }
        boolean everyFold = true;
        for (int f = 0; f < folds; f++) {
          everyFold &= nFold[f] < FOLD_MIN_COUNT || okFold[f] >= FOLD_TARGET * nFold[f];
        }
        int judged = 0;
        boolean judgedThreeWay = false;
        boolean holds = true;
        for (int g = 0; g < groups; g++) {
          if (n[g] >= minCount && qs.get(g).size() >= minQuestions) {
            judged++;
            judgedThreeWay |= threeWay[g];
            holds &= ok[g] >= target * n[g];
          }
        }
        if (!holds || !everyFold) {
          break; // a verdict right too rarely here is not trusted at any lower confidence
        }
        // two-way labels hide partial answers inside "incorrect": only three-way rows can tell
        // whether an automatic incorrect or partially correct verdict is right
        if (judged >= 2 && (want == 2 || !anyThreeWay || judgedThreeWay)) {
          least = t;
        }
      }
      band[want] = least;
    }
    return band;
  }

  /**
   * Macro-F1 of a confusion matrix (rows: label level, columns: verdict level) over the classes.
   */
  static double macroF1(int[][] m, int[] classes) {
    int n = 0;
    for (int[] row : m) {
      for (int x : row) {
        n += x;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int cl : classes) {
      int tp = m[cl][cl];
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < m.length; o++) {
        if (o != cl) {
          fp += m[o][cl];
          fn += m[cl][o];
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / classes.length;
  }

  /** The figures alone, for rows that have cut-offs and bands of their own. */
  String describeFigures() {
    return String.format(
        Locale.ROOT,
        "  macro-F1 three-way %.3f, two-way %.3f; automatic verdicts: three-way %.0f%% decided,"
            + " %.3f right; two-way %.0f%% decided, %.3f right%n",
        macroF1ThreeWay,
        macroF1TwoWay,
        100 * decidedThreeWay,
        accuracyThreeWay,
        100 * decidedTwoWay,
        accuracyTwoWay);
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "  cut-offs correct %.2f, incorrect %.3f; macro-F1 three-way %.3f, two-way %.3f;%n"
            + "  decide at %.2f: three-way %.0f%% decided, %.3f right; two-way %.0f%% decided, %.3f right%n",
        correctCut,
        incorrectCut,
        macroF1ThreeWay,
        macroF1TwoWay,
        decideAt,
        100 * decidedThreeWay,
        accuracyThreeWay,
        100 * decidedTwoWay,
        accuracyTwoWay);
  }

  private static double mean(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : (a + b) / 2;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** The level a verdict stands for, folded to two levels on two-way rows. */
  private static int predicted(double[] p, double c, double i, boolean two) {
    Verdict v = VerdictRule.single(p[0], p[1]).verdict(c, i);
    int l = TextModelTrainer.levelOf(v);
    return two && l == 1 ? 0 : l;
  }

  private static double macroF1(
      double[][] oof, int[] level, boolean[] twoWay, double c, double i, boolean two) {
    return macroF1(oof, level, twoWay, filled(oof.length, c), filled(oof.length, i), two);
  }

  private static double[][] byVerdict(int n, double v) {
    double[][] a = new double[n][];
    for (int r = 0; r < n; r++) {
      a[r] = new double[] {v, v, v};
    }
    return a;
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private static double macroF1(
      double[][] oof, int[] level, boolean[] twoWay, double[] c, double[] i, boolean two) {
    int k = 3;
    int[][] m = new int[k][k];
    int n = 0;
    for (int r = 0; r < oof.length; r++) {
      if (twoWay[r] != two) {
        continue;
      }
      n++;
      m[level[r]][predicted(oof[r], c[r], i[r], two)]++;
    }
    if (n == 0) {
      return Double.NaN;
    }
    int[] classes = two ? new int[] {0, 2} : new int[] {0, 1, 2};
    double sum = 0;
    for (int cl : classes) {
      int tp = m[cl][cl];
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < k; o++) {
        if (o != cl) {
          fp += m[o][cl];
          fn += m[cl][o];
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / classes.length;
  }

  /** {share decided, accuracy of those} at confidence threshold t. */
  private static double[] automatic(
      double[][] oof, int[] level, boolean[] twoWay, double c, double i, double t, boolean two) {
    int n = oof.length;
    return automatic(oof, level, twoWay, filled(n, c), filled(n, i), byVerdict(n, t), two);
  }

  /** {share decided, accuracy of those} with cut-offs and a confidence threshold per row. */
  private static double[] automatic(
      double[][] oof,
      int[] level,
      boolean[] twoWay,
      double[] c,
      double[] i,
      double[][] t,
      boolean two) {
    int n = 0;
    int decided = 0;
    int right = 0;
    for (int r = 0; r < oof.length; r++) {
      if (twoWay[r] != two) {
        continue;
      }
      n++;
      VerdictRule.Distribution d = VerdictRule.single(oof[r][0], oof[r][1]);
      Verdict v = d.verdict(c[r], i[r]);
      if (d.of(v) >= t[r][TextModelTrainer.levelOf(v)]) {
        decided++;
        int l = TextModelTrainer.levelOf(v);
        if ((two && l == 1 ? 0 : l) == level[r]) {
          right++;
        }
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {
      (double) decided / n, decided == 0 ? Double.NaN : (double) right / decided
    };
  }
}
