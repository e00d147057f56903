package dev.hwgrade.grade.text;

import dev.hwgrade.model.Verdict;
import java.util.List;

/**
 * Turns per-point outcomes into probabilities of the three verdicts, and those into a verdict.
 * Correct needs every required point made (all points, when none is marked required); incorrect
 * means no point even partly made, or one contradicted; partially correct is the rest. Points are
 * treated as independent, which is rough but keeps the probabilities usable for a band.
 */
public final class VerdictRule {
  private VerdictRule() {}

  /**
   * P(correct), P(partially correct), P(incorrect), summing to one.
   *
   * @param correct the probability that the answer is correct
   * @param partial the probability that it is partially correct
   * @param incorrect the probability that it is incorrect
   */
  public record Distribution(double correct, double partial, double incorrect) {
    /**
     * The verdict at the given cut-offs: correct when P(correct) reaches {@code correctCut},
     * else incorrect when P(incorrect) reaches {@code incorrectCut}, else partially correct.
     */
    public Verdict verdict(double correctCut, double incorrectCut) {
      if (correct >= correctCut) {
        return Verdict.CORRECT;
      }
      return incorrect >= incorrectCut ? Verdict.INCORRECT : Verdict.PARTIALLY_CORRECT;
    }

    /** The probability of one verdict. */
    public double of(Verdict v) {
      return switch (v) {
        case CORRECT -> correct;
        case PARTIALLY_CORRECT -> partial;
        case INCORRECT -> incorrect;
        default -> 0;
      };
    }
  }

  /** The distribution for a single point with these probabilities and no contradiction. */
  public static Distribution single(double made, double partly) {
    return normalise(made, Math.max(0, partly - made), 1 - Math.max(made, partly));
  }

  /** The distribution for several points. */
  static Distribution distribution(List<PointOutcome> outcomes) {
    boolean anyRequired = outcomes.stream().anyMatch(o -> o.point().required());
    double allMade = 1;
    double noneMade = 1;
    double noContradiction = 1;
    for (PointOutcome o : outcomes) {
      if (!anyRequired || o.point().required()) {
        allMade *= o.made();
      }
      noneMade *= 1 - o.partly();
      noContradiction *= 1 - o.contradicted();
    }
    double correct = allMade * noContradiction;
    double incorrect = (1 - noContradiction) + noContradiction * noneMade;
    return normalise(correct, Math.max(0, 1 - correct - incorrect), incorrect);
  }

  private static Distribution normalise(double c, double p, double i) {
    double sum = c + p + i;
    if (!(sum > 0)) {
      return new Distribution(0, 1, 0);
    }
    return new Distribution(c / sum, p / sum, i / sum);
  }
}
