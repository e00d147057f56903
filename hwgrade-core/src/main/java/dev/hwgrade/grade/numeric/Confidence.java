package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Verdict;

/**
 * How sure a numeric grade is: high well inside a tier, lower near a tier's edge, lower again when
 * the unit had to be assumed, and low when rival figures were overruled.
 */
final class Confidence {
  private Confidence() {}

  static double of(NumericKey key, Evaluation e, boolean conflicting) {
    double c = 0.95;
    double dist = e.distance();
    double tolDist = Math.log1p(key.tolerance());
    if (e.verdict() == Verdict.CORRECT && dist > 0.8 * tolDist && tolDist > 0) {
      c = 0.75;
    }
    if (e.verdict() != Verdict.CORRECT && Math.abs(dist - tolDist) < 0.2 * tolDist) {
      c = 0.75;
    }
    if (key.partialWithin() != null && Math.abs(dist - Math.log(key.partialWithin())) < 0.1) {
      c = Math.min(c, 0.75);
    }
    c -=
        switch (e.fit()) {
          case UNITLESS -> 0.1;
          case COUNT_ADOPTED, BARE_COUNT -> 0.05;
          case PER_ADOPTED -> 0.15;
          case COUNT_DIFFERS, KEY_HAS_NO_UNIT -> 0.3;
          default -> 0.0;
        };
    if (conflicting) {
      c = Math.min(c, 0.4);
    }
    return Math.max(0.05, c);
  }
}
