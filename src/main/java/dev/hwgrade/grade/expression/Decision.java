package dev.hwgrade.grade.expression;

/**
 * The outcome of comparing a key with an answer, and why.
 *
 * @param outcome equal, different or undecided
 * @param reason one sentence for a person
 * @param diagnosis for a difference, what it is consistent with; may be null
 */
record Decision(Outcome outcome, String reason, String diagnosis) {
  enum Outcome {
    EQUAL,
    DIFFERENT,
    UNKNOWN
  }

  static Decision equal(String reason) {
    return new Decision(Outcome.EQUAL, reason, null);
  }

  static Decision different(String reason) {
    return new Decision(Outcome.DIFFERENT, reason, null);
  }

  static Decision unknown(String reason) {
    return new Decision(Outcome.UNKNOWN, reason, null);
  }

  Decision withDiagnosis(String d) {
    return new Decision(outcome, reason, d);
  }

  boolean isEqual() {
    return outcome == Outcome.EQUAL;
  }

  boolean isDifferent() {
    return outcome == Outcome.DIFFERENT;
  }
}
