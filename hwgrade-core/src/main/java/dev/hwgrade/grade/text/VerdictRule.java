package dev.hwgrade.grade.text;

import dev.hwgrade.model.Verdict;
import java.util.List;

/**
 * Turns per-point outcomes into probabilities of the three verdicts, and those into a verdict.
 * Correct needs every required point made (all points, when none is marked required); incorrect
 * means no point even partly made, or one contradicted; partially correct is the rest.
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
     * The verdict at the given cut-offs: correct when P(correct) reaches {@code correctCut}, else
     * incorrect when P(incorrect) reaches {@code incorrectCut}, else partially correct.
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

  /**
   * The verdict the points' statuses give: correct when every required point is made and none
   * contradicted, incorrect when one is contradicted or none is even partly made, else partially
   * correct. For keys of several points this is the verdict, so that it always agrees with the
   * per-point explanation; the calibrated cut-offs decide keys of one point. The LLM judge gives
   * its verdicts by this rule too.
   */
  public static Verdict fromStatuses(List<PointOutcome> outcomes) {
    boolean anyRequired = outcomes.stream().anyMatch(o -> o.point().required());
    boolean allMade = true;
    boolean anyMade = false;
    for (PointOutcome o : outcomes) {
      switch (o.status()) {
        case CONTRADICTED:
          return Verdict.INCORRECT;
        case MADE:
          anyMade = true;
          break;
        case PARTLY_MADE:
          anyMade = true;
          allMade &= anyRequired && !o.point().required();
          break;
        default:
          allMade &= anyRequired && !o.point().required();
      }
    }
    if (allMade) {
      return Verdict.CORRECT;
    }
    return anyMade ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
  }

  /**
   * The score of a verdict: full credit for correct, none for incorrect, else the weighted share of
   * points made (a point partly made counts half), kept within [0.1, 0.9].
   */
  public static double score(Verdict v, List<PointOutcome> outcomes) {
    if (v == Verdict.CORRECT) {
      return 1.0;
    }
    if (v == Verdict.INCORRECT) {
      return 0.0;
    }
    double got = 0;
    double total = 0;
    for (PointOutcome o : outcomes) {
      total += o.point().weight();
      if (o.status() == PointOutcome.Status.MADE) {
        got += o.point().weight();
      } else if (o.status() == PointOutcome.Status.PARTLY_MADE) {
        got += 0.5 * o.point().weight();
      }
    }
    double s = total == 0 ? 0.5 : got / total;
    return Math.round(Math.min(0.9, Math.max(0.1, s)) * 100) / 100.0;
  }

  /** The distribution for a single point with these probabilities and no contradiction. */
  public static Distribution single(double made, double partly) {
    return normalise(made, Math.max(0, partly - made), 1 - Math.max(made, partly));
  }

  /**
   * The distribution for several points. Whether one answer makes its points is positively
   * correlated (a careful answer tends to make all of them), so P(all made) is taken halfway, on a
   * log scale, between the product (independence) and the least probability (full correlation); the
   * same for P(none made).
   */
  static Distribution distribution(List<PointOutcome> outcomes) {
    boolean anyRequired = outcomes.stream().anyMatch(o -> o.point().required());
    double allMade = 1;
    double leastMade = 1;
    double noneMade = 1;
    double leastMissed = 1;
    double noContradiction = 1;
    for (PointOutcome o : outcomes) {
      if (!anyRequired || o.point().required()) {
        allMade *= o.made();
        leastMade = Math.min(leastMade, o.made());
      }
      noneMade *= 1 - o.partly();
      leastMissed = Math.min(leastMissed, 1 - o.partly());
      noContradiction *= 1 - o.contradicted();
    }
    double made = Math.sqrt(allMade * leastMade);
    double missed = Math.sqrt(noneMade * leastMissed);
    double correct = made * noContradiction;
    double incorrect = (1 - noContradiction) + noContradiction * missed;
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
