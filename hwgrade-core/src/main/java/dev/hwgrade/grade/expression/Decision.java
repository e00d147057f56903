package dev.hwgrade.grade.expression;

/**
 * The outcome of comparing a key with an answer, and why.
 *
 * @param outcome equal, different or undecided
 * @param reason one sentence for a person
 * @param diagnosis for a difference, what it is consistent with; may be null
 * @param settled for an undecided outcome, whether it is final: no later method (Symja) may turn it
 *     into a match, as when two sides agree only where both are defined
 */
record Decision(Outcome outcome, String reason, String diagnosis, boolean settled) {
  enum Outcome {
    EQUAL,
    DIFFERENT,
    UNKNOWN
  }

  static Decision equal(String reason) {
    return new Decision(Outcome.EQUAL, reason, null, true);
  }

  static Decision different(String reason) {
    return new Decision(Outcome.DIFFERENT, reason, null, true);
  }

  static Decision unknown(String reason) {
    return new Decision(Outcome.UNKNOWN, reason, null, false);
  }

  /** Undecided for good: the answer needs review whatever Symja would say. */
  static Decision settledUnknown(String reason) {
    return new Decision(Outcome.UNKNOWN, reason, null, true);
  }

  Decision withDiagnosis(String d) {
    return new Decision(outcome, reason, d, settled);
  }

  boolean isEqual() {
    return outcome == Outcome.EQUAL;
  }

  boolean isDifferent() {
    return outcome == Outcome.DIFFERENT;
  }
}
