package dev.hwgrade.grade.expression;

import dev.hwgrade.latex.MathNode;
import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Percent;
import dev.hwgrade.latex.MathNode.Pow;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression at one point in complex doubles, with matrices where symbols do not
 * commute: products keep their order, {@code ^T} transposes, {@code ^{-1}} inverts, {@code tr} and
 * {@code det} reduce to scalars.
 */
final class NumericEvaluator {
  /** The most terms a sum or product is expanded to. */
  private static final int MAX_TERMS = 2_000;

  private final Map<String, Value> point;

  NumericEvaluator(Map<String, Value> point) {
    this.point = point;
  }

  /** Whether some part of the last expression evaluated took a value that is not real. */
  private boolean nonReal;

  /**
   * Whether a part of what was evaluated had a value that is not real, as {@code sqrt(x)} for x < 0
   * in {@code sqrt(x) sqrt(y)}: outside the real domain even when the result is real.
   */
  boolean sawNonReal() {
    return nonReal;
  }

  Value eval(MathNode node) throws EvaluationException {
    Value v = evalNode(node);
    if (!nonReal && !v.isMatrix() && !v.scalar.isReal()) {
      nonReal = true;
    }
    return v;
  }

  private Value evalNode(MathNode node) throws EvaluationException {
    if (node instanceof Num n) {
      return Value.of(n.value().doubleValue());
    }
    if (node instanceof Sym s) {
      return symbol(s.name());
    }
    if (node instanceof Neg n) {
      return scale(eval(n.operand()), Complex.real(-1));
    }
    if (node instanceof Percent p) {
      return eval(p.value());
    }
    if (node instanceof Add a) {
      Value sum = eval(a.terms().get(0));
      for (int i = 1; i < a.terms().size(); i++) {
        sum = add(sum, eval(a.terms().get(i)));
      }
      return sum;
    }
    if (node instanceof Mul m) {
      Value product = eval(m.factors().get(0));
      for (int i = 1; i < m.factors().size(); i++) {
        product = multiply(product, eval(m.factors().get(i)));
      }
      return product;
    }
    if (node instanceof Div d) {
      Value den = eval(d.denominator());
      Value num = eval(d.numerator());
      if (den.isMatrix()) {
        return multiply(num, inverse(den));
      }
      return scale(num, Complex.ONE.divide(den.scalar));
    }
    if (node instanceof Pow p) {
      return power(eval(p.base()), p.exponent());
    }
    if (node instanceof Call c) {
      return call(c);
    }
    if (node instanceof Matrix m) {
      return matrix(m);
    }
    if (node instanceof Seq s && s.items().size() == 1 && !s.bare()) {
      return eval(s.items().get(0));
    }
    throw new EvaluationException("cannot evaluate " + node);
  }

  private Value symbol(String name) throws EvaluationException {
    Value v = point.get(name);
    if (v != null) {
      return v;
    }
    return switch (name) {
      case "pi" -> Value.of(Math.PI);
      case "e" -> Value.of(Math.E);
      case "i" -> Value.of(Complex.I);
      default -> throw new EvaluationException("no value for " + name);
    };
  }

  private Value matrix(Matrix m) throws EvaluationException {
    int rows = m.rows().size();
    int cols = m.rows().get(0).size();
    Complex[][] out = new Complex[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Value v = eval(m.rows().get(i).get(j));
        if (v.isMatrix()) {
          throw new EvaluationException("a matrix inside a matrix");
        }
        out[i][j] = v.scalar;
      }
    }
    return Value.matrix(out);
  }

  private Value power(Value base, MathNode exponentNode) throws EvaluationException {
    Value exponent = eval(exponentNode);
    if (exponent.isMatrix()) {
      throw new EvaluationException("a matrix exponent");
    }
    if (!base.isMatrix()) {
      Complex b = base.scalar;
      if (b.isReal() && b.re() < 0 && exponent.scalar.isReal()) {
        Double odd = oddRootPower(b.re(), exponentNode);
        if (odd != null) {
          return Value.of(odd);
        }
      }
      return Value.of(b.pow(exponent.scalar));
    }
    Complex e = exponent.scalar;
    if (e.im() != 0 || e.re() != Math.rint(e.re()) || Math.abs(e.re()) > 32) {
      throw new EvaluationException("a matrix to a power that is not a small integer");
    }
    int k = (int) e.re();
    Value b = k < 0 ? inverse(base) : base;
    Value result = identity(base.rows());
    for (int i = 0; i < Math.abs(k); i++) {
      result = multiply(result, b);
    }
    return result;
  }

  /** The n-th root, real for a negative radicand when n is odd: {@code \\sqrt[3]{-8} = -2}. */
  private static Complex oddRoot(Complex a, Complex n) {
    boolean oddIndex =
        n.isReal() && n.re() == Math.rint(n.re()) && Math.abs(n.re() % 2) == 1 && a.isReal();
    if (oddIndex && a.re() < 0) {
      return Complex.real(-Math.pow(-a.re(), 1 / n.re()));
    }
    return a.pow(Complex.ONE.divide(n));
  }

  /**
   * {@code x^{p/q}} with q odd and x < 0 as the real root, {@code (-8)^{1/3} = -2}, as in
   * textbooks; null when the exponent is not such an exact fraction.
   */
  private static Double oddRootPower(double base, MathNode exponentNode) {
    if (Nodes.freeSymbols(exponentNode).size() > 0) {
      return null;
    }
    Rational r = ExactEvaluator.eval(exponentNode);
    if (r == null
        || r.den().equals(java.math.BigInteger.ONE)
        || !r.den().testBit(0)
        || r.den().bitLength() > 31
        || r.num().bitLength() > 31) {
      return null;
    }
    double magnitude = Math.pow(-base, r.num().doubleValue() / r.den().doubleValue());
    return r.num().testBit(0) ? -magnitude : magnitude;
  }

  private Value call(Call c) throws EvaluationException {
    List<MathNode> args = c.args();
    String f = c.function();
    switch (f) {
      case "transpose":
        return transpose(eval(args.get(0)));
      case "tr":
        return trace(eval(args.get(0)));
      case "det":
        return determinant(eval(args.get(0)));
      case "identity":
        // I beside matrices: the identity of the size random matrices have
        return identity(RandomPoints.SIZE);
      case "diag":
        {
          Complex[][] d = new Complex[args.size()][args.size()];
          for (int i = 0; i < args.size(); i++) {
            for (int j = 0; j < args.size(); j++) {
              d[i][j] = i == j ? scalar(args.get(i)) : Complex.ZERO;
            }
          }
          return args.size() == 1 ? Value.of(d[0][0]) : Value.matrix(d);
        }
      case "conj":
        {
          Value v = eval(args.get(0));
          return v.isMatrix() ? transpose(v) : Value.of(new Complex(v.scalar.re(), -v.scalar.im()));
        }
      default:
        break;
    }
    if ((f.equals("sum") || f.equals("prod")) && args.size() == 3) {
      return bigOperator(f.equals("sum"), args);
    }
    if (f.equals("logb") || f.equals("root") || f.equals("binom")) {
      Complex a = scalar(args.get(0));
      Complex b = scalar(args.get(1));
      return switch (f) {
        case "logb" -> Value.of(b.log().divide(a.log()));
        case "root" -> Value.of(oddRoot(a, b));
        default -> Value.of(binomial(a, b));
      };
    }
    if (args.size() != 1) {
      if (f.equals("max") || f.equals("min")) {
        double best = f.equals("max") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (MathNode a : args) {
          double v = realScalar(a);
          best = f.equals("max") ? Math.max(best, v) : Math.min(best, v);
        }
        return Value.of(best);
      }
      throw new EvaluationException("cannot evaluate " + f + " of " + args.size() + " arguments");
    }
    Complex x = scalar(args.get(0));
    Complex r =
        switch (f) {
          case "sqrt" -> x.sqrt();
          case "sin" -> x.sin();
          case "cos" -> x.cos();
          case "tan" -> x.sin().divide(x.cos());
          case "sec" -> Complex.ONE.divide(x.cos());
          case "csc" -> Complex.ONE.divide(x.sin());
          case "cot" -> x.cos().divide(x.sin());
          case "exp" -> x.exp();
          case "ln", "log" -> x.log();
          case "log10" -> x.log().divide(Complex.real(Math.log(10)));
          case "abs" -> Complex.real(x.abs());
          case "sinh" -> x.exp().minus(x.negate().exp()).divide(Complex.real(2));
          case "cosh" -> x.exp().plus(x.negate().exp()).divide(Complex.real(2));
          case "tanh" -> {
            Complex a = x.exp();
            Complex b = x.negate().exp();
            yield a.minus(b).divide(a.plus(b));
          }
          case "coth" -> x.exp().plus(x.negate().exp()).divide(x.exp().minus(x.negate().exp()));
          case "sech" -> Complex.real(2).divide(x.exp().plus(x.negate().exp()));
          case "csch" -> Complex.real(2).divide(x.exp().minus(x.negate().exp()));
          case "arcsin", "inverse-sin" -> Complex.real(Math.asin(real(x)));
          case "arccos", "inverse-cos" -> Complex.real(Math.acos(real(x)));
          case "arctan", "inverse-tan" -> Complex.real(Math.atan(real(x)));
          case "arcsec", "inverse-sec" -> Complex.real(Math.acos(1 / real(x)));
          case "arccsc", "inverse-csc" -> Complex.real(Math.asin(1 / real(x)));
          case "arccot", "inverse-cot" -> Complex.real(Math.atan(1 / real(x)));
          case "arsinh", "inverse-sinh" -> x.plus(x.times(x).plus(Complex.ONE).sqrt()).log();
            // outside their real domains (x < 1, |x| ≥ 1) these are not evaluated, as arcsin is not
          case "arcosh", "inverse-cosh" ->
              x.isReal() && x.re() < 1
                  ? Complex.real(Double.NaN)
                  : x.plus(x.times(x).minus(Complex.ONE).sqrt()).log();
          case "artanh", "inverse-tanh" ->
              x.isReal() && Math.abs(x.re()) >= 1
                  ? Complex.real(Double.NaN)
                  : Complex.ONE.plus(x).divide(Complex.ONE.minus(x)).log().divide(Complex.real(2));
          case "floor" -> Complex.real(Math.floor(real(x)));
          case "ceil" -> Complex.real(Math.ceil(real(x)));
          case "factorial" -> factorial(x);
          case "sigma" -> Complex.ONE.divide(Complex.ONE.plus(x.negate().exp()));
          case "sgn" -> Complex.real(Math.signum(real(x)));
          default -> throw new EvaluationException("cannot evaluate the function " + f);
        };
    return Value.of(r);
  }

  private Complex scalar(MathNode n) throws EvaluationException {
    Value v = eval(n);
    if (v.isMatrix()) {
      throw new EvaluationException("a matrix where a number was expected");
    }
    return v.scalar;
  }

  private double realScalar(MathNode n) throws EvaluationException {
    return real(scalar(n));
  }

  private static double real(Complex c) throws EvaluationException {
    if (!c.isReal()) {
      throw new EvaluationException("a complex value where a real one was expected");
    }
    return c.re();
  }

  private static Complex factorial(Complex x) throws EvaluationException {
    double n = real(x);
    if (n != Math.rint(n) || n < 0 || n > 170) {
      throw new EvaluationException("factorial of " + n);
    }
    double r = 1;
    for (int i = 2; i <= n; i++) {
      r *= i;
    }
    return Complex.real(r);
  }

  /** {@code \sum_{k=a}^{b} body} or {@code \prod}, term by term, for whole-number bounds. */
  private Value bigOperator(boolean sum, List<MathNode> args) throws EvaluationException {
    if (!(args.get(1) instanceof Relation r)
        || r.ops().size() != 1
        || !r.ops().get(0).equals("=")
        || !(r.operands().get(0) instanceof Sym index)) {
      throw new EvaluationException("a sum without an index");
    }
    for (String name : Nodes.freeSymbols(args.get(0))) {
      int underscore = name.indexOf('_');
      if (underscore >= 0 && name.substring(underscore + 1).contains(index.name())) {
        throw new EvaluationException("a sum over terms named by its index");
      }
    }
    double low = realScalar(r.operands().get(1));
    double high = realScalar(args.get(2));
    if (low != Math.rint(low) || high != Math.rint(high) || high - low > MAX_TERMS) {
      throw new EvaluationException("a sum whose bounds are not whole numbers, or too many terms");
    }
    Map<String, Value> inner = new HashMap<>(point);
    Value total = Value.of(sum ? 0 : 1);
    for (long k = (long) low; k <= (long) high; k++) {
      inner.put(index.name(), Value.of((double) k));
      Value term = new NumericEvaluator(inner).eval(args.get(0));
      total = sum ? add(total, term) : multiply(total, term);
    }
    return total;
  }

  private static Complex binomial(Complex n, Complex k) throws EvaluationException {
    double kk = real(k);
    if (kk != Math.rint(kk) || kk < 0 || kk > 1000) {
      throw new EvaluationException("binomial with k = " + kk);
    }
    Complex r = Complex.ONE;
    for (int i = 0; i < kk; i++) {
      r = r.times(n.minus(Complex.real(i))).divide(Complex.real(i + 1));
    }
    return r;
  }

  static Value add(Value a, Value b) throws EvaluationException {
    if (!a.isMatrix() && !b.isMatrix()) {
      return Value.of(a.scalar.plus(b.scalar));
    }
    if (a.isMatrix() != b.isMatrix() || a.rows() != b.rows() || a.cols() != b.cols()) {
      throw new EvaluationException("adding a matrix to something of another shape");
    }
    Complex[][] out = new Complex[a.rows()][a.cols()];
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        out[i][j] = a.matrix[i][j].plus(b.matrix[i][j]);
      }
    }
    return Value.matrix(out);
  }

  static Value scale(Value v, Complex c) {
    if (!v.isMatrix()) {
      return Value.of(v.scalar.times(c));
    }
    Complex[][] out = new Complex[v.rows()][v.cols()];
    for (int i = 0; i < v.rows(); i++) {
      for (int j = 0; j < v.cols(); j++) {
        out[i][j] = v.matrix[i][j].times(c);
      }
    }
    return Value.matrix(out);
  }

  static Value multiply(Value a, Value b) throws EvaluationException {
    if (!a.isMatrix()) {
      return scale(b, a.scalar);
    }
    if (!b.isMatrix()) {
      return scale(a, b.scalar);
    }
    if (a.cols() != b.rows()) {
      throw new EvaluationException("matrix shapes do not fit for a product");
    }
    Complex[][] out = new Complex[a.rows()][b.cols()];
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.cols(); j++) {
        Complex s = Complex.ZERO;
        for (int k = 0; k < a.cols(); k++) {
          s = s.plus(a.matrix[i][k].times(b.matrix[k][j]));
        }
        out[i][j] = s;
      }
    }
    return Value.matrix(out);
  }

  static Value transpose(Value v) {
    if (!v.isMatrix()) {
      return v;
    }
    Complex[][] out = new Complex[v.cols()][v.rows()];
    for (int i = 0; i < v.rows(); i++) {
      for (int j = 0; j < v.cols(); j++) {
        out[j][i] = v.matrix[i][j];
      }
    }
    return Value.matrix(out);
  }

  static Value trace(Value v) throws EvaluationException {
    if (!v.isMatrix()) {
      return v;
    }
    if (v.rows() != v.cols()) {
      throw new EvaluationException("trace of a matrix that is not square");
    }
    Complex s = Complex.ZERO;
    for (int i = 0; i < v.rows(); i++) {
      s = s.plus(v.matrix[i][i]);
    }
    return Value.of(s);
  }

  private static Value identity(int n) {
    Complex[][] out = new Complex[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = i == j ? Complex.ONE : Complex.ZERO;
      }
    }
    return Value.matrix(out);
  }

  static Value determinant(Value v) throws EvaluationException {
    if (!v.isMatrix()) {
      return v;
    }
    Complex[][] lu = gauss(v, null);
    Complex d = Complex.ONE;
    for (int i = 0; i < lu.length; i++) {
      d = d.times(lu[i][i]);
    }
    return Value.of(d);
  }

  static Value inverse(Value v) throws EvaluationException {
    if (!v.isMatrix()) {
      return Value.of(Complex.ONE.divide(v.scalar));
    }
    Complex[][] inv = new Complex[v.rows()][v.rows()];
    gauss(v, inv);
    return Value.matrix(inv);
  }

  /**
   * Gaussian elimination; fills {@code inverse} when given; returns the eliminated matrix (sign
   * folded into row 0).
   */
  private static Complex[][] gauss(Value v, Complex[][] inverse) throws EvaluationException {
    int n = v.rows();
    if (n != v.cols()) {
      throw new EvaluationException("a matrix that is not square");
    }
    Complex[][] a = new Complex[n][];
    Complex[][] b = new Complex[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = v.matrix[i].clone();
      for (int j = 0; j < n; j++) {
        b[i][j] = i == j ? Complex.ONE : Complex.ZERO;
      }
    }
    boolean negate = false;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (a[r][col].abs() > a[pivot][col].abs()) {
          pivot = r;
        }
      }
      if (a[pivot][col].abs() < 1e-300) {
        if (inverse != null) {
          throw new EvaluationException("a singular matrix has no inverse");
        }
        a[col][col] = Complex.ZERO;
        return a;
      }
      if (pivot != col) {
        Complex[] t = a[pivot];
        a[pivot] = a[col];
        a[col] = t;
        t = b[pivot];
        b[pivot] = b[col];
        b[col] = t;
        negate = !negate;
      }
      for (int r = 0; r < n; r++) {
        if (r == col || (inverse == null && r < col)) {
          continue;
        }
        Complex f = a[r][col].divide(a[col][col]);
        for (int c = 0; c < n; c++) {
          a[r][c] = a[r][c].minus(f.times(a[col][c]));
          b[r][c] = b[r][c].minus(f.times(b[col][c]));
        }
      }
    }
    if (inverse != null) {
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) {
          inverse[r][c] = b[r][c].divide(a[r][r]);
        }
      }
    }
    if (negate) {
      for (int c = 0; c < n; c++) {
        a[0][c] = a[0][c].negate();
      }
    }
    return a;
  }
}
