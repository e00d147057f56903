package dev.hwgrade.grade.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs that a passage says the opposite of a key point: a negation the point lacks ("is not
 * frozen" against "is frozen") or a word the point uses swapped for its antonym ("increases" for
 * "decreases", "before" for "after"). Cheap and local: it compares one point with one clause.
 */
public final class ContradictionCues {
  /** What contradicts, in words a reader understands; empty when nothing does. */
  public record Cue(Kind kind, String detail) {}

  /** The kinds of contradiction cue. */
  public enum Kind {
    NEGATION,
    ANTONYM
  }

  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:not|no|never|none|nothing|neither|nor|cannot|without|hardly)\\b|n['’]t\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String[][] ANTONYMS = {
    {"increase", "decrease"},
    {"increase", "reduce"},
    {"increases", "lowers"},
    {"raise", "lower"},
    {"raises", "lowers"},
    {"rise", "fall"},
    {"more", "less"},
    {"more", "fewer"},
    {"higher", "lower"},
    {"larger", "smaller"},
    {"bigger", "smaller"},
    {"before", "after"},
    {"above", "below"},
    {"faster", "slower"},
    {"maximum", "minimum"},
    {"maximize", "minimize"},
    {"positive", "negative"},
    {"true", "false"},
    {"same", "different"},
    {"always", "never"},
    {"all", "none"},
    {"add", "remove"},
    {"enable", "disable"},
    {"easier", "harder"},
    {"overfitting", "underfitting"},
    {"correct", "incorrect"},
    {"possible", "impossible"},
    {"necessary", "unnecessary"},
    {"frozen", "trainable"},
    {"frozen", "unfrozen"},
    {"fixed", "trainable"},
    {"inside", "outside"},
    {"first", "last"},
    {"long", "short"},
    {"up", "down"},
    {"gain", "loss"},
    {"large", "small"},
    {"high", "low"},
    {"strong", "weak"},
    {"expand", "contract"},
    {"expands", "shrinks"},
    {"grow", "shrink"},
    {"sender", "receiver"},
    {"left", "right"},
    {"stable", "unstable"},
    {"linear", "nonlinear"},
    {"convex", "nonconvex"},
    {"dependent", "independent"},
    {"sparse", "dense"},
    {"parallel", "sequential"},
    {"symmetric", "asymmetric"},
    {"attract", "repel"},
    {"conductor", "insulator"},
    {"heat", "cool"},
    {"warmer", "cooler"},
    {"hotter", "colder"},
    {"accept", "reject"},
    {"upper", "lower"},
    {"open", "closed"},
    {"start", "end"},
    {"inner", "outer"},
    {"encoder", "decoder"},
    {"input", "output"},
    {"row", "column"},
    {"forward", "backward"},
    {"bias", "variance"}
  };

  /** Short words the analyzer might drop; kept as they are. */
  private static final Set<String> STOP_ANTONYMS =
      Set.of(
          "before", "after", "more", "less", "all", "none", "up", "down", "first", "last", "above",
          "below", "same", "always", "never");

  private static final Map<String, Set<String>> OPPOSITES = buildOpposites();

  private ContradictionCues() {}

  /** The number of negations in a text ("not", "no", "never", "n't" …). */
  static int negations(String text) {
    Matcher m = NEGATION.matcher(text == null ? "" : text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Whether exactly one of the two texts is negated (an odd difference in negations). */
  static boolean negationMismatch(String point, String passage) {
    return (negations(point) + negations(passage)) % 2 == 1;
  }

  /** An antonym of a word in the point that the passage uses while lacking the point's word. */
  static Optional<String> antonymConflict(Set<String> pointStems, Set<String> passageStems) {
    for (String p : pointStems) {
      Set<String> opp = OPPOSITES.get(p);
      if (opp == null || passageStems.contains(p)) {
        continue;
      }
      for (String o : opp) {
        if (passageStems.contains(o) && !pointStems.contains(o)) {
          return Optional.of(o + " where the key says " + p);
        }
      }
    }
    return Optional.empty();
  }

  /** The first cue that the passage contradicts the point, if any. */
  static Optional<Cue> find(String point, String passage) {
    Optional<String> ant = antonymConflict(stemsKeepingAll(point), stemsKeepingAll(passage));
    if (ant.isPresent()) {
      return Optional.of(new Cue(Kind.ANTONYM, ant.get()));
    }
    if (negationMismatch(point, passage)) {
      return Optional.of(new Cue(Kind.NEGATION, "a negation the key point does not have"));
    }
    return Optional.empty();
  }

  /** Whether two words are opposites ("increases", "decreases"). */
  static boolean opposite(String a, String b) {
    Set<String> opp = OPPOSITES.get(stemOf(a.toLowerCase(Locale.ROOT)));
    return opp != null && opp.contains(stemOf(b.toLowerCase(Locale.ROOT)));
  }

  /** Whether two stems (as {@link #stemsKeepingAll} gives them) are opposites. */
  static boolean oppositeStems(String a, String b) {
    Set<String> opp = OPPOSITES.get(a);
    return opp != null && opp.contains(b);
  }

  /** Stems including words such as "all", "more", "up" that the English stop list drops. */
  static Set<String> stemsKeepingAll(String text) {
    Set<String> out = new java.util.LinkedHashSet<>(ContentWords.stems(text));
    for (String w : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (STOP_ANTONYMS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static Map<String, Set<String>> buildOpposites() {
    Map<String, Set<String>> m = new HashMap<>();
    for (String[] pair : ANTONYMS) {
      String a = stemOf(pair[0]);
      String b = stemOf(pair[1]);
      m.computeIfAbsent(a, k -> new java.util.HashSet<>()).add(b);
      m.computeIfAbsent(b, k -> new java.util.HashSet<>()).add(a);
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Map.copyOf(frozen);
  }

  private static String stemOf(String word) {
    return STOP_ANTONYMS.contains(word) ? word : ContentWords.stem(word);
  }
}
