package dev.hwgrade.grade.text.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
  /** Three classes along one feature: missed below -1, partly made between, made above 1. */
  private static double[][] rows(int n, Random r, int[] level) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      double v = -3 + 6 * r.nextDouble();
      x[i] = new double[] {v, r.nextGaussian()};
      level[i] = v < -1 ? 0 : v < 1 ? 1 : 2;
    }
    return x;
  }

  @Test
  void learnsThreeOrderedClassesAndIsDeterministic() {
    int n = 600;
    int[] level = new int[n];
    double[][] x = rows(n, new Random(7), level);
    boolean[] twoWay = new boolean[n];
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, level, twoWay, 1e-4, 800);
    int right = 0;
    for (int i = 0; i < n; i++) {
      double[] p = fit.probabilities(x[i]);
      int best = p[2] >= p[1] && p[2] >= p[0] ? 2 : p[1] >= p[0] ? 1 : 0;
      right += best == level[i] ? 1 : 0;
    }
    assertThat(right / (double) n).isGreaterThan(0.9);
    SoftmaxRegression.Fit again = SoftmaxRegression.fit(x, level, twoWay, 1e-4, 800);
    assertThat(again.madeWeights()).containsExactly(fit.madeWeights());
  }

  @Test
  void twoWayRowsTeachOnlyWhetherThePointWasMade() {
    int n = 600;
    int[] level = new int[n];
    double[][] x = rows(n, new Random(11), level);
    boolean[] twoWay = new boolean[n];
    for (int i = 0; i < n; i++) {
      twoWay[i] = true;
      level[i] = level[i] == 2 ? 2 : 0; // partial answers hidden inside "incorrect"
    }
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, level, twoWay, 1e-4, 800);
    double[] high = fit.probabilities(new double[] {2.5, 0});
    double[] low = fit.probabilities(new double[] {-2.5, 0});
    assertThat(high[2]).isGreaterThan(0.8);
    assertThat(low[2]).isLessThan(0.2);
  }

  @Test
  void balancedWeightsGiveEveryDatasetAndClassTheSameShare() {
    // dataset 0, three-way: 6 correct, 3 partial, 1 incorrect; dataset 1, two-way: 2 correct and
    // 8 not (a partial label there is read as not correct)
    int[] group = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    int[] level = {2, 2, 2, 2, 2, 2, 1, 1, 1, 0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1};
    boolean[] twoWay = new boolean[20];
    for (int i = 10; i < 20; i++) {
      twoWay[i] = true;
    }
    double[] w = SoftmaxRegression.balancedWeights(group, level, twoWay);
    double[] byCell = new double[6];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      int cls = twoWay[i] && level[i] != 2 ? 0 : level[i];
      byCell[group[i] * 3 + cls] += w[i];
      sum += w[i];
    }
    assertThat(sum).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
    // three-way classes each a third of half; two-way classes each a half of half
    assertThat(byCell[0]).isCloseTo(20.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(byCell[1]).isCloseTo(20.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(byCell[2]).isCloseTo(20.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(byCell[3]).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(byCell[5]).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
  }
}
