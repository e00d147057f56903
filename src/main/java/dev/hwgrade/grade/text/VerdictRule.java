package dev.hwgrade.grade.text;

import dev.hwgrade.model.Verdict;
import java.util.List;

/**
 * Turns per-point outcomes into probabilities of the three verdicts. Correct needs every
 * required point made (all points, when none is marked required); incorrect means no point even
 * partly made, or one contradicted; partially correct is the rest. Points are treated as
 * independent, which is rough but keeps the probabilities honest enough to set a band on.
 */
final class VerdictRule {
  private VerdictRule() {}

  /** P(correct), P(partially correct), P(incorrect), summing to one. */
  record Distribution(double correct, double partial, double incorrect) {
    Verdict best() {
      if (correct >= partial && correct >= incorrect) {
        return Verdict.CORRECT;
      }
      return incorrect > partial ? Verdict.INCORRECT : Verdict.PARTIALLY_CORRECT;
    }

    double of(Verdict v) {
      return switch (v) {
        case CORRECT -> correct;
        case PARTIALLY_CORRECT -> partial;
        case INCORRECT -> incorrect;
        default -> 0;
      };
    }
  }

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
    double contradicted = 1 - noContradiction;
    double correct = allMade * noContradiction;
    double incorrect = contradicted + noContradiction * noneMade;
    double partial = Math.max(0, 1 - correct - incorrect);
    double sum = correct + partial + incorrect;
    return new Distribution(correct / sum, partial / sum, incorrect / sum);
  }
}
