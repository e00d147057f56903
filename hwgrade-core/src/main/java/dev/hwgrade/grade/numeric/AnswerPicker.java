package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.QuantityScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the quantity a response gives as its answer: within a {@code \boxed{}}, after a "final
 * answer" marker or after the key's label when there is one; among quantities of the key's
 * dimension first; in the last statement that has any; a stated result (after {@code =}, {@code ≈},
 * {@code i.e.}) before a factor of a product; the last of those. Candidates that tie with the
 * chosen one are returned as rivals so the grader can tell when the choice matters.
 */
final class AnswerPicker {
  private AnswerPicker() {}

  /**
   * The pick.
   *
   * @param chosen the quantity read as the answer
   * @param fit how its unit relates to the key's
   * @param rivals other quantities that tie with it by every preference
   */
  record Pick(Amount chosen, Fit fit, List<Amount> rivals) {}

  private static final String[] MARKERS = {"final answer", "answer:", "answer is", "**answer"};

  static Pick pick(QuantityScanner.Scan scan, KeyTarget key, String label, List<Amount> givens) {
    List<Amount> all = scan.amounts();
    if (all.isEmpty()) {
      return null;
    }
    Region r = region(scan, all, label);
    List<Amount> region = r.amounts();
    Fit best = Fit.MISMATCH;
    for (Amount a : region) {
      Fit f = Fit.of(a, key);
      if (f.rank > best.rank) {
        best = f;
      }
    }
    List<Amount> fitting = new ArrayList<>();
    for (Amount a : region) {
      if (Fit.of(a, key) == best) {
        fitting.add(a);
      }
    }
    // a figure the question itself gives is an input, not the answer, unless nothing else fits
    List<Amount> derived = new ArrayList<>();
    for (Amount a : fitting) {
      if (!isGiven(a, givens)) {
        derived.add(a);
      }
    }
    if (!derived.isEmpty()) {
      fitting = derived;
    }
    // after "Final answer:" the answer is the first statement; otherwise it is the last one that
    // states a result (after =, ≈, "is", "so"), or the last one at all
    Amount anchor = r.marked() ? fitting.get(0) : fitting.get(fitting.size() - 1);
    if (!r.marked()) {
      for (Amount a : fitting) {
        if (a.relation() >= 2 && !a.operand()) {
          anchor = a;
        }
      }
      if (anchor.relation() < 2) {
        anchor = fitting.get(fitting.size() - 1);
      }
    }
    int lastSentence = scan.sentenceOf(anchor.start());
    List<Amount> inSentence = new ArrayList<>();
    for (Amount a : fitting) {
      if (scan.sentenceOf(a.start()) == lastSentence) {
        inSentence.add(a);
      }
    }
    boolean anyResult = inSentence.stream().anyMatch(a -> !a.operand());
    int bestRelation = -1;
    for (Amount a : inSentence) {
      if (!anyResult || !a.operand()) {
        bestRelation = Math.max(bestRelation, a.relation());
      }
    }
    List<Amount> top = new ArrayList<>();
    for (Amount a : inSentence) {
      if ((!anyResult || !a.operand()) && a.relation() == bestRelation) {
        top.add(a);
      }
    }
    Amount chosen = top.get(top.size() - 1);
    List<Amount> rivals = new ArrayList<>();
    for (Amount a : top.subList(0, top.size() - 1)) {
      if (!chainedBefore(scan.text(), a, chosen)) {
        rivals.add(a);
      }
    }
    // a figure later in the same statement ("1.5 hours, or perhaps 15") competes with the choice
    for (Amount a : inSentence) {
      if (a.start() > chosen.end() && !a.operand()) {
        rivals.add(a);
      }
    }
    // figures under different labels ("GPT-6: … 41.7 s. GPT-3: … 73 ms") are parallel answers
    String chosenLabel = labelBefore(scan, chosen);
    if (chosenLabel != null && label == null) {
      for (Amount a : fitting) {
        String other = a == chosen || a.operand() ? null : labelBefore(scan, a);
        if (other != null && !other.equalsIgnoreCase(chosenLabel) && !rivals.contains(a)) {
          rivals.add(a);
        }
      }
    }
    if (chosen.isRange()) {
      chosen = pointEstimateWithin(scan, chosen);
    }
    return new Pick(chosen, best, rivals);
  }

  private static final Pattern INLINE_LABEL = Pattern.compile("([A-Za-z][\\w\\-.]{0,20}):\\s");

  /** The {@code Word:} label that opens the line or sentence holding {@code a}, or null. */
  private static String labelBefore(QuantityScanner.Scan scan, Amount a) {
    String t = scan.text();
    int from =
        Math.max(0, Math.max(t.lastIndexOf('\n', a.start()), t.lastIndexOf(". ", a.start())));
    Matcher m = INLINE_LABEL.matcher(t).region(from, a.start());
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return found;
  }

  /**
   * A range followed in its sentence by a bare figure inside it ("between 10^23 and 10^25 FLOPs,
   * most likely around 10^24") is answered by that figure, in the range's unit.
   */
  private static Amount pointEstimateWithin(QuantityScanner.Scan scan, Amount range) {
    int sentence = scan.sentenceOf(range.start());
    Amount estimate = null;
    for (Amount a : scan.amounts()) {
      if (a.start() > range.end()
          && scan.sentenceOf(a.start()) == sentence
          && !a.hasUnit()
          && !a.isRange()
          && !a.operand()
          && a.relation() >= 1
          && a.low() >= range.low()
          && a.low() <= range.high()) {
        estimate = a;
      }
    }
    if (estimate == null) {
      return range;
    }
    return new Amount(
        estimate.low(),
        estimate.high(),
        range.unit(),
        estimate.text() + (range.unit().isNone() ? "" : " " + range.unit().label()),
        estimate.start(),
        estimate.end(),
        estimate.relation(),
        false,
        estimate.significantDigits());
  }

  /** A word that draws the conclusion of a chain: what follows it is the result. */
  private static final Pattern CONCLUDES =
      Pattern.compile("(?i)\\b(?:so|hence|therefore|thus|giving|which gives)\\b|∴|\\\\therefore");

  /**
   * True when {@code earlier} is a step of a chain of equalities that ends in {@code chosen}
   * ({@code C = 6 N D ≈ 1.4·10^20}): a relation sign stands between them and no list separator
   * does, or a conclusion word does ({@code pOH = 11.13, so pH = 2.87}).
   */
  private static boolean chainedBefore(String text, Amount earlier, Amount chosen) {
    if (earlier.end() > chosen.start()) {
      return false;
    }
    String between = text.substring(earlier.end(), chosen.start());
    if (CONCLUDES.matcher(between).find()) {
      return true; // "pOH = 11.13, so pH = 2.87": a step, then what it gives
    }
    boolean relation =
        between.indexOf('=') >= 0 || between.indexOf('≈') >= 0 || between.indexOf('→') >= 0;
    boolean list =
        between.indexOf(',') >= 0
            || between.indexOf(';') >= 0
            || between.contains(" and ")
            || between.contains(" or ")
            || between.indexOf(':') >= 0;
    return relation && !list;
  }

  private static boolean isGiven(Amount a, List<Amount> givens) {
    if (a.relation() >= 2) {
      return false;
    }
    for (Amount g : givens) {
      if (g.unit().sameDimension(a.unit())) {
        double x = a.value() * a.unit().factor();
        double y = g.value() * g.unit().factor();
        if (x == y || Math.abs(x - y) <= 1e-9 * Math.abs(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The amounts that may hold the answer, and whether an answer marker introduced them. */
  private record Region(List<Amount> amounts, boolean marked) {}

  /** The part of the text that holds the answer: after a marker, after the label. */
  private static Region region(QuantityScanner.Scan scan, List<Amount> all, String label) {
    String lower = scan.text().toLowerCase(Locale.ROOT);
    int from = 0;
    for (String m : MARKERS) {
      int k = lower.lastIndexOf(m);
      if (k >= 0) {
        from = Math.max(from, k + m.length());
      }
    }
    boolean marked = from > 0;
    int to = lower.length();
    if (label != null) {
      Matcher m = labelPattern(label).matcher(scan.text());
      int found = -1;
      if (m.find(from)) {
        found = m.end();
      } else if (from > 0 && m.find(0)) {
        found = m.end();
      }
      if (found >= 0) {
        from = found;
        to = nextLabelOrLine(scan.text(), from);
        marked = true;
      }
    }
    List<Amount> in = new ArrayList<>();
    for (Amount a : all) {
      if (a.start() >= from && a.start() < to) {
        in.add(a);
      }
    }
    return in.isEmpty() ? new Region(all, false) : new Region(in, marked);
  }

  private static final Map<String, Pattern> LABELS = new ConcurrentHashMap<>();

  /**
   * The label as a whole word followed by a colon or an equals sign: {@code GPT-6:}, {@code C =}.
   */
  private static Pattern labelPattern(String label) {
    if (LABELS.size() > 10_000) {
      LABELS.clear();
    }
    return LABELS.computeIfAbsent(
        label,
        l ->
            Pattern.compile(
                "(?<![A-Za-z0-9])" + Pattern.quote(l) + "\\s*[:=]",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** End of a labelled item: the next newline or the next {@code Word:} label. */
  private static int nextLabelOrLine(String s, int from) {
    int n = s.length();
    int nl = s.indexOf('\n', from);
    int end = nl < 0 ? n : nl;
    int start = from;
    while (start < end
        && (s.charAt(start) == ':' || s.charAt(start) == ' ' || s.charAt(start) == '*')) {
      start++;
    }
    for (int k = start + 1; k < end; k++) {
      if (s.charAt(k) == ':'
          && k + 1 < n
          && s.charAt(k + 1) == ' '
          && Character.isLetterOrDigit(s.charAt(k - 1))) {
        int w = k - 1;
        while (w > start
            && (Character.isLetterOrDigit(s.charAt(w - 1)) || s.charAt(w - 1) == '-')) {
          w--;
        }
        if (w > start && Character.isLetter(s.charAt(w))) {
          return w;
        }
      }
    }
    return end;
  }
}
