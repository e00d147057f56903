package dev.hwgrade.analyze;

/** Says a score with what is decided: the score over decided parts and the range still open. */
public final class ScoreWords {
  private ScoreWords() {}

  /**
   * {@code 100%} when every part is decided; otherwise {@code 100% of 1 decided part; 2 await
   * review; final score between 33.3% and 100%}.
   */
  public static String of(Tally t) {
    if (t.awaiting() == 0) {
      return Percent.of(t.score());
    }
    String decided =
        t.decided() == 0
            ? "no part decided"
            : Percent.of(t.score()) + " of " + Findings.count(t.decided(), "decided part");
    return decided
        + "; "
        + t.awaiting()
        + (t.awaiting() == 1 ? " awaits" : " await")
        + " review; final score between "
        + Percent.of(t.lowerBound())
        + " and "
        + Percent.of(t.upperBound());
  }

  /** The range alone for a table cell: {@code 33.3–100%}, or the score when all is decided. */
  public static String range(Tally t) {
    if (t.awaiting() == 0 || Double.isNaN(t.lowerBound())) {
      return Percent.of(t.score());
    }
    String lo = Percent.of(t.lowerBound());
    return lo.substring(0, lo.length() - 1) + "–" + Percent.of(t.upperBound());
  }
}
