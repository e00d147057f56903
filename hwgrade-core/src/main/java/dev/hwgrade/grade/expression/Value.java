package dev.hwgrade.grade.expression;

/** What an expression evaluates to at one point: a complex scalar or a complex matrix. */
final class Value {
  final Complex scalar;
  final Complex[][] matrix;

  private Value(Complex scalar, Complex[][] matrix) {
    this.scalar = scalar;
    this.matrix = matrix;
  }

  static Value of(Complex c) {
    return new Value(c, null);
  }

  static Value of(double d) {
    return new Value(Complex.real(d), null);
  }

  static Value matrix(Complex[][] m) {
    return new Value(null, m);
  }

  boolean isMatrix() {
    return matrix != null;
  }

  int rows() {
    return matrix.length;
  }

  int cols() {
    return matrix[0].length;
  }

  boolean isFinite() {
    if (!isMatrix()) {
      return scalar.isFinite();
    }
    for (Complex[] row : matrix) {
      for (Complex c : row) {
        if (!c.isFinite()) {
          return false;
        }
      }
    }
    return true;
  }

  /** The largest magnitude of an entry. */
  double magnitude() {
    if (!isMatrix()) {
      return scalar.abs();
    }
    double m = 0;
    for (Complex[] row : matrix) {
      for (Complex c : row) {
        m = Math.max(m, c.abs());
      }
    }
    return m;
  }

  /** The largest difference between entries, or infinity when the shapes differ. */
  double distance(Value o) {
    if (isMatrix() != o.isMatrix()) {
      return Double.POSITIVE_INFINITY;
    }
    if (!isMatrix()) {
      return scalar.minus(o.scalar).abs();
    }
    if (rows() != o.rows() || cols() != o.cols()) {
      return Double.POSITIVE_INFINITY;
    }
    double d = 0;
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        d = Math.max(d, matrix[i][j].minus(o.matrix[i][j]).abs());
      }
    }
    return d;
  }
}
