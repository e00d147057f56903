package dev.hwgrade.grade.text.train;

/**
 * Fits an ordinal logistic regression with two cut-offs: P(made) = σ(w·x + b₂) and P(at least
 * partly made) = σ(w·x + b₁). Rows labelled on a two-way scale only inform b₂ and w, since their
 * "incorrect" hides partial answers. Full-batch gradient descent with L2 on w; deterministic.
 */
final class OrdinalLogisticRegression {
  /** The fitted weights and intercepts, on standardised features. */
  record Fit(double[] weights, double madeBias, double partlyBias) {}

  private OrdinalLogisticRegression() {}

  /**
   * @param x standardised features, one row per example
   * @param level 2 correct, 1 partially correct, 0 incorrect
   * @param twoWay whether each row's label is on the two-way scale
   * @param l2 the ridge penalty on the weights, per example
   */
  static Fit fit(double[][] x, int[] level, boolean[] twoWay, double l2, int iterations) {
    int n = x.length;
    int d = x[0].length;
    double[] w = new double[d];
    double b2 = 0;
    double b1 = 1;
    double rate = 0.5;
    int threeWay = 0;
    for (boolean t : twoWay) {
      threeWay += t ? 0 : 1;
    }
    for (int it = 0; it < iterations; it++) {
      double[] gw = new double[d];
      double g2 = 0;
      double g1 = 0;
      for (int i = 0; i < n; i++) {
        double z = dot(w, x[i]);
        double r = sigmoid(z + b2) - (level[i] == 2 ? 1 : 0);
        g2 += r;
        double total = r;
        if (!twoWay[i]) {
          double r1 = sigmoid(z + b1) - (level[i] >= 1 ? 1 : 0);
          g1 += r1;
          total += r1;
        }
        for (int j = 0; j < d; j++) {
          gw[j] += total * x[i][j];
        }
      }
      for (int j = 0; j < d; j++) {
        w[j] -= rate * (gw[j] / n + l2 * w[j]);
      }
      b2 -= rate * g2 / n;
      if (threeWay > 0) {
        b1 -= rate * g1 / threeWay;
      }
      b1 = Math.max(b1, b2);
    }
    return new Fit(w, b2, b1);
  }

  static double dot(double[] w, double[] x) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * x[j];
    }
    return s;
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
