package dev.hwgrade.grade.expression;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random values for the free symbols of a comparison, the same for key and answer: positive scalars
 * (so roots and logarithms stay real), alternately below and above 1, and for symbols that do not
 * commute random {@value #SIZE}×{@value #SIZE} matrices. Seeded, so a grade is reproducible.
 */
final class RandomPoints {
  static final int SIZE = 3;
  private final long seed;
  private final Set<String> matrices;

  RandomPoints(long seed, Set<String> matrices) {
    this.seed = seed;
    this.matrices = matrices;
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
        // Alternate between (0.05, 0.95) and (1.05, 3.05): probabilities and fractions on one side,
        // larger values on the other, so |x - 1| and x - 1 cannot agree everywhere by chance.
        out.put(
            s, Value.of(index % 2 == 0 ? 0.05 + 0.9 * r.nextDouble() : 1.05 + 2 * r.nextDouble()));
      }
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
