package dev.hwgrade.grade.text;

import dev.hwgrade.model.KeyPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies what {@link AnswerReading} set aside to the model's outcomes. A point that the asserted
 * part of the answer does not make, and that a set-aside passage bears on — a denial, a question, a
 * quotation of the key, a hedge, a string of words, hidden text — is ruled missed (contradicted,
 * when the passage denies it), so that the verdict does not hang on the model's confidence. A point
 * the answer makes and also denies is contradicted: the answer says both.
 */
final class PassageRule {
  /** A passage bears on a point when it holds this share of the point's new words. */
  static final double BEARING = 0.5;

  private PassageRule() {}

  static List<PointOutcome> apply(
      String question, List<PointOutcome> outcomes, AnswerReading reading, String hidden) {
    Set<String> given = ContentWords.stems(question);
    List<PointOutcome> out = new ArrayList<>();
    for (PointOutcome o : outcomes) {
      out.add(apply(o, wanted(o.point(), given), reading, hidden));
    }
    return out;
  }

  /** Outcomes for an answer that asserts nothing at all. */
  static List<PointOutcome> noClaim(
      String question, List<KeyPoint> points, AnswerReading reading, String hidden) {
    List<PointOutcome> out = new ArrayList<>();
    Set<String> given = ContentWords.stems(question);
    for (KeyPoint p : points) {
      PointOutcome missed =
          PointOutcome.ruled(
              p,
              PointOutcome.Status.MISSED,
              0.02,
              "",
              "the answer states nothing: " + why(reading));
      PointOutcome o = apply(missed, wanted(p, given), reading, hidden);
      out.add(o.ruled() ? o : missed);
    }
    return out;
  }

  private static PointOutcome apply(
      PointOutcome o, Set<String> wanted, AnswerReading reading, String hidden) {
    if (o.ruled() && o.status() == PointOutcome.Status.CONTRADICTED) {
      return o;
    }
    AnswerReading.Passage p = reading.bearingOn(wanted, BEARING);
    if (p != null && p.stance() == Stance.DENIED) {
      return PointOutcome.ruled(
          o.point(),
          PointOutcome.Status.CONTRADICTED,
          0.02,
          p.text(),
          "the answer " + Stance.DENIED.label() + " (" + p.detail() + ")");
    }
    if (o.status() == PointOutcome.Status.MADE) {
      return o;
    }
    if (p != null) {
      return PointOutcome.ruled(
          o.point(),
          PointOutcome.Status.MISSED,
          Math.min(o.made(), 0.05),
          p.text(),
          "found only in a passage that " + p.stance().label() + " (" + p.detail() + ")");
    }
    if (!hidden.isBlank() && ContentWords.coverage(wanted, ContentWords.stems(hidden)) >= BEARING) {
      return PointOutcome.ruled(
          o.point(),
          PointOutcome.Status.MISSED,
          Math.min(o.made(), 0.05),
          "",
          "found only in hidden text (an HTML comment or collapsed block), which is not read");
    }
    return o;
  }

  private static String why(AnswerReading reading) {
    if (reading.setAside.isEmpty()) {
      return "it has no sentence";
    }
    AnswerReading.Passage p = reading.setAside.get(0);
    return "it " + p.stance().label() + " (" + p.detail() + ")";
  }

  /** The point's content words the question does not already give (all of them if none). */
  private static Set<String> wanted(KeyPoint point, Set<String> given) {
    Set<String> all = ContentWords.stems(point.text());
    Set<String> fresh = new HashSet<>(all);
    fresh.removeAll(given);
    return fresh.isEmpty() ? all : fresh;
  }
}
