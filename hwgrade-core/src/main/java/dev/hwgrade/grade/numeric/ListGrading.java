package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.QuantityScanner;
import dev.hwgrade.quantity.UnitParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades a response against a list or set key ({@link ListKey}): the response must give every
 * entry, each within the key's tolerance, in order for a list and in any order for a set. A missing
 * or extra entry is incorrect, and the explanation names the entry that is off.
 */
final class ListGrading {
  private ListGrading() {}

  /** One accepted list judged against the response's values. */
  private record Judged(Verdict verdict, String explanation, String diagnosis) {}

  /** A key entry's value in the response and its evaluation (null when none fits). */
  private record Paired(Amount value, Evaluation evaluation) {}

  static Grade grade(NumericKey key, QuantityScanner.Scan scan, String grader) {
    List<Amount> values = interval(key, withoutLevel(values(scan), scan.text()));
    if (values.isEmpty()) {
      return Grade.needsReview(
          scan.text(), "The response gives no number to compare with the key's list.", grader);
    }
    String read = String.join(", ", values.stream().map(Amount::text).toList());
    Judged best = null;
    ListKey bestKey = null;
    for (ListKey list : key.lists()) {
      Judged j = judge(key, list, values);
      if (best == null || j.verdict().ordinal() < best.verdict().ordinal()) {
        best = j;
        bestKey = list;
      }
    }
    double score =
        switch (best.verdict()) {
          case CORRECT -> 1.0;
          case PARTIALLY_CORRECT -> 0.5;
          default -> 0.0;
        };
    List<String> evidence =
        List.of(
            "read: " + read,
            "key: " + bestKey.text() + (bestKey.ordered() ? " (in order)" : " (any order)"),
            "tolerance per entry: "
                + percent(key.tolerance())
                + (key.sigfigs() == null ? "" : ", sigfigs " + key.sigfigs()));
    return new Grade(
        best.verdict(), score, 0.9, read, best.explanation(), evidence, best.diagnosis(), grader);
  }

  /** A confidence level before an interval: the 95% of "the 95% confidence interval is …". */
  private static final java.util.regex.Pattern LEVEL =
      java.util.regex.Pattern.compile(
          "^\\s*(?:two-sided\\s+|one-sided\\s+)?(?:confidence|CI\\b|C\\.I\\.|prediction|credible)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private static List<Amount> withoutLevel(List<Amount> values, String text) {
    if (values.size() < 2) {
      return values;
    }
    List<Amount> kept = new ArrayList<>();
    for (Amount a : values) {
      boolean level = a.unit().percent() && LEVEL.matcher(text.substring(a.end())).find();
      if (!level) {
        kept.add(a);
      }
    }
    return kept.isEmpty() ? values : kept;
  }

  /**
   * "The interval is 4.2 to 5.8" against an interval key ({@code [4.2, 5.8]}, two entries in
   * order): the range's two ends are the two entries. "Between 4.2 and 5.8" is a range, not the
   * ends of an interval, and a set key is not an interval.
   */
  private static final java.util.regex.Pattern RANGE_SIGN =
      java.util.regex.Pattern.compile("\\s+to\\s+|\\s*[–—]\\s*|(?<=\\d)\\s*-\\s*(?=\\d)");

  private static List<Amount> interval(NumericKey key, List<Amount> values) {
    if (values.size() != 1 || !values.get(0).isRange()) {
      return values;
    }
    Amount r = values.get(0);
    boolean twoInOrder = key.lists().stream().anyMatch(l -> l.ordered() && l.entries().size() == 2);
    if (!twoInOrder || r.text().strip().toLowerCase(java.util.Locale.ROOT).startsWith("between")) {
      return values;
    }
    String[] ends = RANGE_SIGN.split(r.text().strip(), 2);
    String lowText = ends.length == 2 ? ends[0].strip() : r.text();
    String highText = ends.length == 2 ? ends[1].strip() : r.text();
    Amount low =
        new Amount(
            r.low(),
            r.low(),
            r.unit(),
            lowText,
            r.start(),
            r.end(),
            r.relation(),
            r.operand(),
            r.significantDigits());
    Amount high =
        new Amount(
            r.high(),
            r.high(),
            r.unit(),
            highText,
            r.start(),
            r.end(),
            r.relation(),
            r.operand(),
            r.significantDigits());
    return List.of(low, high);
  }

  private static Judged judge(NumericKey key, ListKey list, List<Amount> values) {
    List<KeyTarget> entries = list.entries();
    String listed = list.ordered() ? "lists" : "has the set";
    if (values.size() != entries.size()) {
      String what = values.size() < entries.size() ? "missing" : "extra";
      return new Judged(
          Verdict.INCORRECT,
          "The response gives "
              + count(values.size())
              + " ("
              + join(values)
              + ") where the key "
              + listed
              + " "
              + count(entries.size())
              + " ("
              + list.text()
              + "): "
              + (what.equals("missing") ? "an entry is missing." : "an extra entry is given."),
          "Consistent with an "
              + what
              + " entry: a root, case or component "
              + (what.equals("missing") ? "left out." : "that does not belong."));
    }
    Paired[] paired =
        list.ordered() ? inOrder(key, entries, values) : matched(key, entries, values);
    Verdict worst = Verdict.CORRECT;
    List<String> off = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Evaluation e = paired[i].evaluation();
      Verdict v = e == null ? Verdict.INCORRECT : e.verdict();
      if (v.ordinal() > worst.ordinal()) {
        worst = v;
      }
      if (v != Verdict.CORRECT) {
        off.add(entryNote(key, entries.get(i), i, paired[i], list.ordered()));
      }
    }
    if (worst == Verdict.NEEDS_REVIEW || worst == Verdict.UNANSWERED) {
      worst = Verdict.INCORRECT;
    }
    if (off.isEmpty()) {
      return new Judged(
          Verdict.CORRECT,
          "Every entry of "
              + join(values)
              + " matches the key's "
              + list.text()
              + (list.ordered() ? " in order" : "")
              + ", within "
              + tolerance(key)
              + ".",
          null);
    }
    String order = "";
    if (list.ordered() && allMatch(matched(key, entries, values))) {
      order = " The same values match the key in another order, but the key's order matters.";
    }
    return new Judged(
        worst,
        String.join(" ", off) + order,
        order.isEmpty()
            ? "Consistent with a slip in "
                + (off.size() == 1 ? "one entry" : "several entries")
                + "."
            : "Consistent with the entries given in another order than the key's.");
  }

  private static String entryNote(
      NumericKey key, KeyTarget entry, int i, Paired p, boolean ordered) {
    String which = ordered ? "Entry " + (i + 1) : "The key's " + entry.display();
    if (p.evaluation() == null) {
      return which
          + ": "
          + (p.value() != null
              ? p.value().text() + " is not of the key's dimension"
              : "no value given fits it")
          + ".";
    }
    NumericWording words = new NumericWording(key.forEntry(entry));
    return which + ": " + words.explanation(p.value(), p.evaluation());
  }

  private static Paired[] inOrder(NumericKey key, List<KeyTarget> entries, List<Amount> values) {
    Paired[] out = new Paired[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      Amount a = values.get(i);
      out[i] = new Paired(a, Evaluation.best(a, key.forEntry(entries.get(i))));
    }
    return out;
  }

  /** Pairs each key entry with the unused value that fits it best (greedy, in the key's order). */
  private static Paired[] matched(NumericKey key, List<KeyTarget> entries, List<Amount> values) {
    Paired[] out = new Paired[entries.size()];
    boolean[] used = new boolean[values.size()];
    for (int i = 0; i < entries.size(); i++) {
      NumericKey one = key.forEntry(entries.get(i));
      int bestAt = -1;
      Evaluation best = null;
      for (int j = 0; j < values.size(); j++) {
        if (used[j]) {
          continue;
        }
        Evaluation e = Evaluation.best(values.get(j), one);
        if (e != null
            && (best == null
                || e.verdict().ordinal() < best.verdict().ordinal()
                || e.verdict() == best.verdict() && e.distance() < best.distance())) {
          best = e;
          bestAt = j;
        }
      }
      if (bestAt >= 0) {
        used[bestAt] = true;
      }
      out[i] = new Paired(bestAt >= 0 ? values.get(bestAt) : null, best);
    }
    return out;
  }

  private static boolean allMatch(Paired[] paired) {
    for (Paired p : paired) {
      if (p.evaluation() == null || p.evaluation().verdict() != Verdict.CORRECT) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values the response lists: those inside its last bracketed list ({@code [2, 5]}, {@code
   * {1.2 ms, 3.4 ms}}), with a unit after the bracket applied; otherwise the values of its last
   * statement that gives any.
   */
  static List<Amount> values(QuantityScanner.Scan scan) {
    String t = scan.text();
    List<Amount> all = scan.amounts();
    for (int close = t.length() - 1; close >= 0; close--) {
      char c = t.charAt(close);
      char open = c == ']' ? '[' : c == '}' ? '{' : c == ')' ? '(' : ' ';
      if (open == ' ') {
        continue;
      }
      int at = opening(t, close, open, c);
      if (at < 0 || ListKey.topLevelParts(t.substring(at + 1, close)).size() < 2) {
        continue;
      }
      List<Amount> inside = new ArrayList<>();
      for (Amount a : all) {
        if (a.start() > at && a.end() <= close) {
          inside.add(a);
        }
      }
      if (!inside.isEmpty()) {
        return withUnitAfter(inside, t, close + 1);
      }
    }
    if (all.isEmpty()) {
      return List.of();
    }
    int sentence = scan.sentenceOf(all.get(all.size() - 1).start());
    List<Amount> last = new ArrayList<>();
    for (Amount a : all) {
      if (scan.sentenceOf(a.start()) == sentence && !a.operand()) {
        last.add(a);
      }
    }
    return last.isEmpty() ? List.of(all.get(all.size() - 1)) : last;
  }

  private static List<Amount> withUnitAfter(List<Amount> inside, String t, int from) {
    int k = from < t.length() && t.charAt(from) == ' ' ? from + 1 : from;
    UnitParser.Match m = k < t.length() ? UnitParser.shared().read(t, k, null) : null;
    if (m == null || m.unit().isNone()) {
      return inside;
    }
    List<Amount> out = new ArrayList<>();
    for (Amount a : inside) {
      out.add(
          a.hasUnit()
              ? a
              : new Amount(
                  a.low(),
                  a.high(),
                  m.unit(),
                  a.text() + " " + m.unit().label(),
                  a.start(),
                  a.end(),
                  a.relation(),
                  false,
                  a.significantDigits()));
    }
    return out;
  }

  private static int opening(String t, int close, char open, char closeChar) {
    int depth = 0;
    for (int k = close; k >= 0 && close - k < 2_000; k--) {
      char c = t.charAt(k);
      if (c == closeChar) {
        depth++;
      } else if (c == open && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static String join(List<Amount> values) {
    return String.join(", ", values.stream().map(Amount::text).toList());
  }

  private static String count(int n) {
    return n == 1 ? "1 value" : n + " values";
  }

  private static String tolerance(NumericKey key) {
    if (key.sigfigs() != null && key.tolerance() == 0) {
      return "the " + key.sigfigs() + " significant figures the key asks for";
    }
    return "the " + percent(key.tolerance()) + " tolerance per entry";
  }

  private static String percent(double fraction) {
    return dev.hwgrade.quantity.Magnitudes.format(fraction * 100) + "%";
  }
}
