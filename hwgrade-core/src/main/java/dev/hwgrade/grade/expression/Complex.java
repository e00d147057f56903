package dev.hwgrade.grade.expression;

/**
 * A complex number in doubles; evaluation uses complex arithmetic so {@code sqrt(x-5)} is defined
 * everywhere.
 */
record Complex(double re, double im) {
  static final Complex ZERO = new Complex(0, 0);
  static final Complex ONE = new Complex(1, 0);
  static final Complex I = new Complex(0, 1);

  static Complex real(double v) {
    return new Complex(v, 0);
  }

  Complex plus(Complex o) {
    return new Complex(re + o.re, im + o.im);
  }

  Complex minus(Complex o) {
    return new Complex(re - o.re, im - o.im);
  }

  Complex times(Complex o) {
    return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }

  Complex negate() {
    return new Complex(-re, -im);
  }

  Complex divide(Complex o) {
    double d = o.re * o.re + o.im * o.im;
    return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
  }

  double abs() {
    return Math.hypot(re, im);
  }

  boolean isReal() {
    return Math.abs(im) <= 1e-12 * Math.max(1, Math.abs(re));
  }

  boolean isFinite() {
    return Double.isFinite(re) && Double.isFinite(im);
  }

  Complex log() {
    return new Complex(Math.log(abs()), Math.atan2(im, re));
  }

  Complex exp() {
    double m = Math.exp(re);
    return new Complex(m * Math.cos(im), m * Math.sin(im));
  }

  Complex pow(Complex e) {
    if (e.im == 0 && e.re == Math.rint(e.re) && Math.abs(e.re) <= 64) {
      Complex result = ONE;
      Complex base = e.re < 0 ? ONE.divide(this) : this;
      for (int k = 0; k < Math.abs((int) e.re); k++) {
        result = result.times(base);
      }
      return result;
    }
    if (im == 0 && re > 0 && e.im == 0) {
      return real(Math.pow(re, e.re));
    }
    if (re == 0 && im == 0) {
      return e.re > 0 ? ZERO : new Complex(Double.NaN, Double.NaN);
    }
    return e.times(log()).exp();
  }

  Complex sqrt() {
    if (im == 0 && re >= 0) {
      return real(Math.sqrt(re));
    }
    return pow(real(0.5));
  }

  Complex sin() {
    return new Complex(Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im));
  }

  Complex cos() {
    return new Complex(Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im));
  }

  @Override
  public String toString() {
    return im == 0 ? String.valueOf(re) : re + (im < 0 ? "" : "+") + im + "i";
  }
}
