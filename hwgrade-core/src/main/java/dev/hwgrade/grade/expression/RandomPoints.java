package dev.hwgrade.grade.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random values for the free symbols of a comparison, the same for key and answer. The first
 * {@value #POSITIVE} points are positive scalars, alternately below and above 1 (where roots and
 * logarithms are real); the next {@value #SIGNED} take negative values and values near zero too
 * (from -3 to 3, as WeBWorK samples [-2, 2]), so {@code sqrt(x^2)} is not {@code x} and {@code |x|
 * = |y|} is not {@code x = y}. Symbols the key declares positive (lengths, masses, rates) keep
 * their positive values there too. Symbols that do not commute are random {@value #SIZE}×{@value
 * #SIZE} matrices. Seeded, so a grade is reproducible.
 */
final class RandomPoints {
  static final int SIZE = 3;

  /** Points with every scalar positive. */
  static final int POSITIVE = 6;

  /** Points after those where scalars may be negative or near zero. */
  static final int SIGNED = 4;

  /** All the points a comparison uses. */
  static final int ALL = POSITIVE + SIGNED;

  private final long seed;
  private final Set<String> matrices;
  private final Set<String> positive;

  RandomPoints(long seed, Set<String> matrices) {
    this(seed, matrices, Set.of());
  }

  /**
   * @param positive symbols that only take positive values; {@code all} makes every symbol so
   */
  RandomPoints(long seed, Set<String> matrices, Set<String> positive) {
    this.seed = seed;
    this.matrices = matrices;
    this.positive = positive;
  }

  /** Whether {@code symbol} is declared positive. */
  boolean isPositive(String symbol) {
    return positive.contains(symbol) || positive.contains("all") && !matrices.contains(symbol);
  }

  Map<String, Value> point(int index, Set<String> symbols) {
    Map<String, Value> out = new HashMap<>();
    for (String s : symbols) {
      SplittableRandom r =
          new SplittableRandom(mix(mix(seed) + index * 0x9E3779B97F4A7C15L + s.hashCode()));
      if (matrices.contains(s)) {
        Complex[][] m = new Complex[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
          for (int j = 0; j < SIZE; j++) {
            m[i][j] = Complex.real(r.nextDouble() * 2 - 1);
          }
        }
        out.put(s, Value.matrix(m));
      } else {
        double v = scalar(index, r);
        out.put(s, Value.of(isPositive(s) ? Math.abs(v) : v));
      }
    }
    return out;
  }

  /**
   * Positive points alternate between (0.05, 0.95) and (1.05, 3.05): probabilities and fractions on
   * one side, larger values on the other, so |x - 1| and x - 1 cannot agree everywhere by chance.
   * Signed points are all negative, then negative and small, then of mixed signs, then near zero of
   * mixed signs (not nearer than 0.01, where floating point would lose the digits that matter).
   */
  private static double scalar(int index, SplittableRandom r) {
    if (index < POSITIVE) {
      return index % 2 == 0 ? 0.05 + 0.9 * r.nextDouble() : 1.05 + 2 * r.nextDouble();
    }
    double sign = r.nextBoolean() ? 1 : -1;
    return switch ((index - POSITIVE) % SIGNED) {
      case 0 -> -(1.05 + 2 * r.nextDouble());
      case 1 -> -(0.05 + 0.9 * r.nextDouble());
      case 2 -> sign * (0.05 + 2.95 * r.nextDouble());
      default -> sign * (0.01 + 0.09 * r.nextDouble());
    };
  }

  /** The values of {@link #lattice}: negative, fractional, whole and half-odd. */
  private static final double[] LATTICE = {-2, -0.5, 0.5, 2, 1.5};

  /**
   * Every combination of -2, -1/2, 1/2, 2 and 3/2 for the symbols (at most 125 points for three),
   * where powers with symbols in the exponent are real although a base is negative: {@code
   * (a^2)^{1/2}} is 2 at a = -2 but {@code a^{2/2}} is -2.
   */
  List<Map<String, Value>> lattice(Set<String> symbols) {
    List<Map<String, Value>> out = new ArrayList<>();
    out.add(new HashMap<>());
    for (String s : symbols) {
      List<Map<String, Value>> next = new ArrayList<>();
      for (Map<String, Value> partial : out) {
        for (double v : LATTICE) {
          if (v < 0 && isPositive(s)) {
            continue;
          }
          Map<String, Value> m = new HashMap<>(partial);
          m.put(s, Value.of(v));
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Random whole numbers from 0 to 15 for every symbol, for expressions with factorials of symbols.
   */
  Map<String, Value> integerPoint(int index, Set<String> symbols) {
    Map<String, Value> out = new HashMap<>();
    for (String s : symbols) {
      SplittableRandom r =
          new SplittableRandom(mix(mix(seed) + index * 0x9E3779B97F4A7C15L + s.hashCode()));
      out.put(s, Value.of(r.nextInt(16)));
    }
    return out;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Every symbol large and growing with {@code t}, each at its own rate ({@code t}, {@code t^1.37},
   * {@code t^1.74}…), so that {@code n^2 d} and {@code n d^2} grow apart: for Big-O.
   */
  static Map<String, Value> growing(Set<String> symbols, double t) {
    Map<String, Value> out = new HashMap<>();
    int i = 0;
    for (String s : symbols) {
      out.put(s, Value.of(Math.pow(t, 1 + 0.37 * i++)));
    }
    return out;
  }
}
