package dev.hwgrade.grade.text.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.text.CalibratedModel;
import dev.hwgrade.grade.text.FeatureExtractor;
import dev.hwgrade.model.Verdict;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextModelTrainerTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /**
   * Synthetic rows of 40 questions: an answer is correct when its (noisy) coverage and similarity
   * are high; every other signal is noise.
   */
  private record Data(
      List<AsagExample> rows, List<String> dataset, TextModelTrainer.Featurised f) {}

  private static Data data(boolean twoWay) {
    Random r = new Random(3);
    List<AsagExample> rows = new ArrayList<>();
    List<String> ds = new ArrayList<>();
    int d = FeatureExtractor.NAMES.size();
    List<double[]> xs = new ArrayList<>();
    for (int q = 0; q < 40; q++) {
      for (int a = 0; a < 15; a++) {
        double quality = r.nextDouble();
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
          x[j] = r.nextDouble();
        }
        x[FeatureExtractor.NAMES.indexOf("lex_recall_new")] =
            clamp(quality + 0.15 * r.nextGaussian());
        x[FeatureExtractor.NAMES.indexOf("sim_best_unit")] =
            clamp(quality + 0.15 * r.nextGaussian());
        x[FeatureExtractor.NAMES.indexOf(FeatureExtractor.LONG_POINT)] = 0;
        Verdict v =
            quality > 0.6
                ? Verdict.CORRECT
                : quality > 0.3 && !twoWay ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
        // the reference's words: "word" repeated as often as the answer covers them
        rows.add(new AsagExample("question " + q, "alpha beta gamma delta", answer(x), v, twoWay));
        ds.add((twoWay ? "two" : "three") + (q % 2) + ".jsonl"); // two datasets
        xs.add(x);
      }
    }
    boolean[] one = new boolean[xs.size()];
    return new Data(rows, ds, new TextModelTrainer.Featurised(xs.toArray(new double[0][]), one));
  }

  private static String answer(double[] x) {
    double c = x[FeatureExtractor.NAMES.indexOf("lex_recall_new")];
    String[] words = {"alpha", "beta", "gamma", "delta"};
    StringBuilder sb = new StringBuilder("it is");
    for (int k = 0; k < Math.round(4 * c); k++) {
      sb.append(' ').append(words[k]);
    }
    return sb.toString();
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  @Test
  void learnsFromTheSignalsThatCarryTheLabelAndChoosesOnHeldOutQuestions() {
    Data d = data(false);
    CalibratedModel m = TextModelTrainer.train(d.rows(), d.dataset(), d.f(), QUIET);
    assertThat(FeatureExtractor.NAMES).containsAll(m.features());
    assertThat(m.features()).contains("lex_recall_new", "sim_best_unit");
    double[] low = new double[FeatureExtractor.NAMES.size()];
    java.util.Arrays.fill(low, 0.5);
    double[] high = low.clone();
    low[FeatureExtractor.NAMES.indexOf("lex_recall_new")] = 0.1;
    low[FeatureExtractor.NAMES.indexOf("sim_best_unit")] = 0.1;
    high[FeatureExtractor.NAMES.indexOf("lex_recall_new")] = 0.95;
    high[FeatureExtractor.NAMES.indexOf("sim_best_unit")] = 0.95;
    assertThat(m.predict(high).made()).isGreaterThan(0.8);
    assertThat(m.predict(low).partly()).isLessThan(0.3);
    assertThat(m.notes().path("model").asText()).contains("split by question");
    // the baseline's threshold is tuned on the same rows: some of the reference's words
    assertThat(m.wordOverlapThreshold()).isBetween(0.2, 0.8);
    assertThat(m.shortReference().correctAt()).isBetween(0.5, 1.0);
  }

  @Test
  void aModelTrainedOnOneDatasetGivesNoVerdictByItself() {
    Data d = data(false);
    List<String> one = new ArrayList<>();
    d.rows().forEach(r -> one.add("one.jsonl"));
    CalibratedModel m = TextModelTrainer.train(d.rows(), one, d.f(), QUIET);
    assertThat(m.shortReference().correctAt()).isEqualTo(1.0);
    assertThat(m.shortReference().incorrectAt()).isEqualTo(1.0);
  }

  @Test
  void aModelTrainedOnTwoWayLabelsOnlyNeverSaysIncorrectOrPartialByItself() {
    Data d = data(true);
    CalibratedModel m = TextModelTrainer.train(d.rows(), d.dataset(), d.f(), QUIET);
    assertThat(m.shortReference().incorrectAt()).isEqualTo(1.0);
    assertThat(m.shortReference().partialAt()).isEqualTo(1.0);
    assertThat(m.shortReference().correctAt()).isLessThan(1.0);
  }

  @Test
  void withoutThreeWayLabelsAPartialAnswerIsReadOffTheReferencesPiecesNotACutOff() {
    CalibratedModel twoWay =
        TextModelTrainer.train(data(true).rows(), data(true).dataset(), data(true).f(), QUIET);
    assertThat(twoWay.shortReference().partialByPieces()).isTrue();
    assertThat(twoWay.longReference().partialByPieces()).isTrue();
    assertThat(twoWay.notes().path("settings").asText()).contains("a piece of a reference");
    Data d = data(false);
    CalibratedModel threeWay = TextModelTrainer.train(d.rows(), d.dataset(), d.f(), QUIET);
    assertThat(threeWay.shortReference().partialByPieces()).isFalse();
    assertThat(threeWay.longReference().partialByPieces()).isFalse();
  }
}
