package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Verdict;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of verdicts over some parts, and their weighted score. Parts that need review count in the
 * total but not in the score, which is taken over the decided parts only; the range says what the
 * final score can still be once they are settled.
 *
 * @param total number of parts
 * @param counts parts per verdict (every verdict present, possibly 0)
 * @param score weighted mean score over decided parts, 0..1; NaN when none is decided
 * @param decidedWeight the weight of the decided parts
 * @param pendingWeight the weight of the parts awaiting review
 */
public record Tally(
    int total,
    Map<Verdict, Integer> counts,
    double score,
    double decidedWeight,
    double pendingWeight) {
  public Tally {
    counts = java.util.Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  public static Tally of(Collection<PartResult> results) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    double weighted = 0;
    double weight = 0;
    double pending = 0;
    for (PartResult r : results) {
      counts.merge(r.grade().verdict(), 1, Integer::sum);
      if (r.grade().verdict() != Verdict.NEEDS_REVIEW) {
        weighted += r.part().weight() * r.grade().score();
        weight += r.part().weight();
      } else {
        pending += r.part().weight();
      }
    }
    return new Tally(
        results.size(), counts, weight > 0 ? weighted / weight : Double.NaN, weight, pending);
  }

  public int count(Verdict v) {
    return counts.getOrDefault(v, 0);
  }

  /** Share of all parts with this verdict, 0..1. */
  public double share(Verdict v) {
    return total == 0 ? 0 : (double) count(v) / total;
  }

  /** Parts not correct, needs-review ones excluded. */
  public int errors() {
    return count(Verdict.PARTIALLY_CORRECT) + count(Verdict.INCORRECT) + count(Verdict.UNANSWERED);
  }

  /** Parts with a verdict. */
  public int decided() {
    return total - awaiting();
  }

  /** Parts awaiting a person's review. */
  public int awaiting() {
    return count(Verdict.NEEDS_REVIEW);
  }

  /**
   * The lowest final score: every part awaiting review settled as wrong. Equals {@link #score()}
   * when none awaits; NaN when the parts weigh nothing.
   */
  public double lowerBound() {
    return bound(0);
  }

  /** The highest final score: every part awaiting review settled as correct. */
  public double upperBound() {
    return bound(1);
  }

  private double bound(double pendingScore) {
    if (awaiting() == 0 || pendingWeight <= 0) {
      return score;
    }
    double all = decidedWeight + pendingWeight;
    double decidedSum = decidedWeight > 0 ? score * decidedWeight : 0;
    return (decidedSum + pendingScore * pendingWeight) / all;
  }
}
