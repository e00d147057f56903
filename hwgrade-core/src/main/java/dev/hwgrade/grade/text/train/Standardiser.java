package dev.hwgrade.grade.text.train;

/** Centres and scales each feature to unit variance, so one L2 penalty fits all features. */
record Standardiser(double[] mean, double[] scale) {
  static Standardiser of(double[][] x) {
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / x.length;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j]);
      if (scale[j] < 1e-9) {
        scale[j] = 1;
      }
    }
    return new Standardiser(mean, scale);
  }

  double[][] apply(double[][] x) {
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        z[i][j] = dev.hwgrade.grade.text.CalibratedModel.clip((x[i][j] - mean[j]) / scale[j]);
      }
    }
    return z;
  }
}
