package dev.hwgrade.grade.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a sentence uses a key point's words with the relation reversed: an antonym in the place
 * of the point's word ("the resistance decreases as the temperature increases" for "increases as …
 * increases"), or two of the point's words swapped ("the voltage in the secondary creates … the
 * current in the primary" for the other way round; "long red … more than short blue"). Read on the
 * order of the content words: the reversal is found when undoing it lines the sentence up with the
 * point better than the sentence as written. An antonym and a swap together cancel ("water is
 * denser than ice" for "ice is less dense than water"), and so does a passive or causal connective
 * in one text and not the other ("B is caused by A" for "A causes B"), where word order says
 * nothing.
 */
final class RelationOrder {
  private static final Set<String> REORDERING =
      Set.of("by", "because", "since", "due", "after", "before", "from", "result", "thanks");
  private static final int MAX_WORDS = 40;

  /** The share of the point's words a swapped sentence must follow in order. */
  private static final double FOLLOWS = 0.8;

  /** Words this close in the point are one phrase; swapping them is not a reversal. */
  private static final int NEAR = 2;

  private RelationOrder() {}

  /** What is reversed, for a reader, or empty. */
  static Optional<String> reversal(String point, String sentence) {
    List<String> p = sequence(point);
    List<String> s = sequence(sentence);
    if (p.size() < 3 || p.size() > MAX_WORDS || s.size() > 3 * MAX_WORDS) {
      return Optional.empty();
    }
    int base = lcs(p, s);
    Optional<String> antonym = antonym(p, s, base);
    Optional<String> swap =
        reorderingWords(point).equals(reorderingWords(sentence))
            ? swap(p, s, base)
            : Optional.empty();
    if (antonym.isPresent() && swap.isPresent()) {
      return Optional.empty();
    }
    return antonym.isPresent() ? antonym : swap;
  }

  private static Optional<String> antonym(List<String> p, List<String> s, int base) {
    for (int i = 0; i < p.size(); i++) {
      for (String o : s) {
        if (ContradictionCues.oppositeStems(p.get(i), o)
            && (!p.contains(o) || !s.contains(p.get(i)))) {
          List<String> q = new ArrayList<>(p);
          q.set(i, o);
          int l = lcs(q, s);
          if (l > base && l >= FOLLOWS * p.size()) {
            return Optional.of("'" + o + "' where the key says '" + p.get(i) + "'");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One or two swaps of the point's words that line it up with the sentence: each must gain, the
   * two together at least two words, and the result must follow the point almost word for word (a
   * sentence that words the point its own way is not read for a swap).
   */
  private static Optional<String> swap(List<String> p, List<String> s, int base) {
    List<String> q = p;
    int score = base;
    List<String> swapped = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      List<String> best = null;
      int bestScore = score;
      String what = null;
      List<String> distinct = q.stream().distinct().filter(s::contains).toList();
      for (int i = 0; i < distinct.size(); i++) {
        for (int j = i + 1; j < distinct.size(); j++) {
          if (near(q, distinct.get(i), distinct.get(j))) {
            continue; // "large logits" as "logits … large" is phrasing, not a reversed relation
          }
          List<String> r = swapped(q, distinct.get(i), distinct.get(j));
          int l = lcs(r, s);
          if (l > bestScore) {
            bestScore = l;
            best = r;
            what = "'" + distinct.get(i) + "' and '" + distinct.get(j) + "'";
          }
        }
      }
      if (best == null) {
        break;
      }
      q = best;
      score = bestScore;
      swapped.add(what);
    }
    if (score >= base + 2 && score >= FOLLOWS * p.size()) {
      return Optional.of(String.join(", ", swapped) + " the other way round from the key");
    }
    return Optional.empty();
  }

  /** Whether two words stand within {@value #NEAR} places of each other somewhere in the point. */
  private static boolean near(List<String> p, String a, String b) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.get(i).equals(a)) {
        continue;
      }
      for (int j = Math.max(0, i - NEAR); j <= Math.min(p.size() - 1, i + NEAR); j++) {
        if (p.get(j).equals(b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> swapped(List<String> p, String a, String b) {
    List<String> q = new ArrayList<>(p.size());
    for (String w : p) {
      q.add(w.equals(a) ? b : w.equals(b) ? a : w);
    }
    return q;
  }

  private static Set<String> reorderingWords(String text) {
    Set<String> out = new java.util.HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (REORDERING.contains(w) || w.startsWith("result") || w.equals("caused")) {
        out.add(w.startsWith("result") ? "result" : w);
      }
    }
    return out;
  }

  /** The text's content-word stems in order, repeats kept, with "more", "less" and the like. */
  static List<String> sequence(String text) {
    List<String> out = new ArrayList<>();
    for (String w : (text == null ? "" : text).split("[^A-Za-z0-9_]+")) {
      if (w.isEmpty()) {
        continue;
      }
      Set<String> st = ContradictionCues.stemsKeepingAll(w);
      if (!st.isEmpty()) {
        out.add(st.iterator().next());
      }
    }
    return out;
  }

  static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (String x : a) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }
}
