package dev.hwgrade.grade.expression;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random values for the free symbols of a comparison, the same for key and answer: scalars in
 * [0.5, 2.5] (positive, so roots and logarithms stay real), and for symbols that do not commute
 * random {@value #SIZE}×{@value #SIZE} matrices. Seeded, so a grade is reproducible.
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
      Random r = new Random(seed * 0x9E3779B97F4A7C15L + index * 1_000_003L + s.hashCode());
      if (matrices.contains(s)) {
        Complex[][] m = new Complex[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
          for (int j = 0; j < SIZE; j++) {
            m[i][j] = Complex.real(r.nextDouble() * 2 - 1);
          }
        }
        out.put(s, Value.matrix(m));
      } else {
        out.put(s, Value.of(0.5 + 2 * r.nextDouble()));
      }
    }
    return out;
  }

  /** All symbols set to {@code t}: for growth rates. */
  static Map<String, Value> constant(Set<String> symbols, double t) {
    Map<String, Value> out = new HashMap<>();
    for (String s : symbols) {
      out.put(s, Value.of(t));
    }
    return out;
  }
}
