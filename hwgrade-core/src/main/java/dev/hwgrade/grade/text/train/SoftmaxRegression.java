package dev.hwgrade.grade.text.train;

import dev.hwgrade.grade.text.CalibratedModel;

/**
 * Fits a multinomial logistic regression over missed (0), partly made (1) and made (2), class 0 the
 * reference. A row labelled on a two-way scale knows only whether the point was made: its
 * likelihood is P(made), or P(missed) + P(partly made), since its "incorrect" hides partial
 * answers. Full-batch gradient descent with Nesterov momentum and an L2 penalty on the weights;
 * deterministic.
 */
final class SoftmaxRegression {
  /** The fitted weights and intercepts, on expanded standardised features. */
  record Fit(double[] partlyWeights, double[] madeWeights, double partlyBias, double madeBias) {
    /** P(missed), P(partly made), P(made) for one expanded row. */
    double[] probabilities(double[] z) {
      return CalibratedModel.probabilities(z, partlyWeights, madeWeights, partlyBias, madeBias);
    }
  }

  private SoftmaxRegression() {}

  /**
   * @param x expanded standardised features, one row per example
   * @param level 2 correct, 1 partially correct, 0 incorrect
   * @param twoWay whether each row's label is on the two-way scale
   * @param l2 the ridge penalty on the weights (the loss is the mean negative log-likelihood plus
   *     l2 times the sum of squared weights)
   */
  static Fit fit(double[][] x, int[] level, boolean[] twoWay, double l2, int iterations) {
    double[] same = new double[x.length];
    java.util.Arrays.fill(same, 1.0);
    return fit(x, level, twoWay, same, l2, iterations);
  }

  /**
   * As {@link #fit(double[][], int[], boolean[], double, int)}, each row's likelihood weighted
   * (weights of mean one; see {@link #balancedWeights}).
   */
  static Fit fit(
      double[][] x, int[] level, boolean[] twoWay, double[] weight, double l2, int iterations) {
    int n = x.length;
    int d = x[0].length;
    int p = 2 * d + 2; // partly weights, made weights, partly bias, made bias
    double[] theta = new double[p];
    double[] velocity = new double[p];
    double rate = 0.1;
    double momentum = 0.9;
    double[] look = new double[p];
    double[] grad = new double[p];
    for (int it = 0; it < iterations; it++) {
      for (int j = 0; j < p; j++) {
        look[j] = theta[j] + momentum * velocity[j];
      }
      gradient(look, x, level, twoWay, weight, l2, d, grad);
      for (int j = 0; j < p; j++) {
        velocity[j] = momentum * velocity[j] - rate * grad[j];
        theta[j] += velocity[j];
      }
    }
    double[] pw = new double[d];
    double[] mw = new double[d];
    System.arraycopy(theta, 0, pw, 0, d);
    System.arraycopy(theta, d, mw, 0, d);
    return new Fit(pw, mw, theta[2 * d], theta[2 * d + 1]);
  }

  /**
   * Weights under which every dataset counts the same, and within it every class of its scale
   * (correct, partially correct, incorrect on three-way rows; correct and not on two-way rows): the
   * intercepts then learn no training set's base rate, which differs from one domain to the next
   * (62% of SAF's answers are correct, 40% of SciEntsBank's), and the verdict cut-offs are chosen
   * on a scale that transfers. Mean one.
   *
   * @param group the dataset of each row
   */
  static double[] balancedWeights(int[] group, int[] level, boolean[] twoWay) {
    java.util.Map<Integer, Integer> cell = new java.util.HashMap<>();
    java.util.Map<Integer, java.util.Set<Integer>> classes = new java.util.HashMap<>();
    int[] key = new int[level.length];
    for (int i = 0; i < level.length; i++) {
      int cls = twoWay[i] && level[i] != 2 ? 0 : level[i];
      key[i] = group[i] * 3 + cls;
      cell.merge(key[i], 1, Integer::sum);
      classes.computeIfAbsent(group[i], g -> new java.util.HashSet<>()).add(cls);
    }
    double[] w = new double[level.length];
    double sum = 0;
    for (int i = 0; i < level.length; i++) {
      w[i] = 1.0 / (classes.size() * classes.get(group[i]).size() * cell.get(key[i]));
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] *= w.length / sum;
    }
    return w;
  }

  private static void gradient(
      double[] t,
      double[][] x,
      int[] level,
      boolean[] twoWay,
      double[] weight,
      double l2,
      int d,
      double[] g) {
    java.util.Arrays.fill(g, 0);
    int n = x.length;
    double[] pw = java.util.Arrays.copyOfRange(t, 0, d);
    double[] mw = java.util.Arrays.copyOfRange(t, d, 2 * d);
    for (int i = 0; i < n; i++) {
      double[] prob = CalibratedModel.probabilities(x[i], pw, mw, t[2 * d], t[2 * d + 1]);
      // allowed classes: the label, or for a two-way "not made" both missed and partly made
      double q0;
      double q1;
      double q2;
      if (twoWay[i]) {
        q2 = level[i] == 2 ? 1 : 0;
        q0 = 1 - q2;
        q1 = 1 - q2;
      } else {
        q0 = level[i] == 0 ? 1 : 0;
        q1 = level[i] == 1 ? 1 : 0;
        q2 = level[i] == 2 ? 1 : 0;
      }
      double like = q0 * prob[0] + q1 * prob[1] + q2 * prob[2];
      // d(-log like)/dz_k = P_k - q_k P_k / like
      double r1 = weight[i] * (prob[1] - q1 * prob[1] / like);
      double r2 = weight[i] * (prob[2] - q2 * prob[2] / like);
      double[] xi = x[i];
      for (int j = 0; j < d; j++) {
        g[j] += r1 * xi[j];
        g[d + j] += r2 * xi[j];
      }
      g[2 * d] += r1;
      g[2 * d + 1] += r2;
    }
    for (int j = 0; j < 2 * d + 2; j++) {
      g[j] /= n;
      if (j < 2 * d) {
        g[j] += 2 * l2 * t[j];
      }
    }
  }
}
