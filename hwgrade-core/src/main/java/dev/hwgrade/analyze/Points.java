package dev.hwgrade.analyze;

import java.util.Locale;

/** Says points (weights) the way the reports print them: earned of available. */
public final class Points {
  private Points() {}

  /** {@code 2}, {@code 0.5}, {@code 1.25}: at most two decimals, no trailing zeros. */
  public static String num(double d) {
    if (Double.isNaN(d)) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%.2f", d);
    s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s.equals("-0") ? "0" : s;
  }

  /** {@code 1 point} or {@code 2.5 points}. */
  public static String of(double d) {
    return num(d) + (num(d).equals("1") ? " point" : " points");
  }

  /**
   * What was earned for a line that has already said how many parts await review: {@code 3 of 4
   * points}, or {@code 2 of 2 decided points}.
   */
  public static String brief(Tally t) {
    double decided = t.decidedWeight();
    double earned = decided > 0 ? t.score() * decided : 0;
    if (t.awaiting() == 0 || t.pendingWeight() <= 0) {
      return num(earned) + " of " + of(decided + t.pendingWeight());
    }
    return num(earned) + " of " + num(decided) + " decided points";
  }

  /**
   * What was earned of what is available: {@code 31.5 of 36 points}; with parts awaiting review
   * {@code 29.5 of 32 decided points; 4 points await review (final 29.5–33.5 of 36)}.
   */
  public static String earned(Tally t) {
    double decided = t.decidedWeight();
    double earned = decided > 0 ? t.score() * decided : 0;
    double all = decided + t.pendingWeight();
    if (t.awaiting() == 0 || t.pendingWeight() <= 0) {
      return num(earned) + " of " + of(all);
    }
    return num(earned)
        + " of "
        + num(decided)
        + " decided points; "
        + of(t.pendingWeight())
        + (num(t.pendingWeight()).equals("1") ? " awaits" : " await")
        + " review (final "
        + num(earned)
        + "–"
        + num(earned + t.pendingWeight())
        + " of "
        + num(all)
        + ")";
  }
}
