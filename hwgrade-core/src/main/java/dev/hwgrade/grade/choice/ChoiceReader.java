package dev.hwgrade.grade.choice;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which options an answer picks: a leading letter, "answer is (B)", "option C", or an
 * option's text.
 */
final class ChoiceReader {
  record Reading(Set<String> letters, String evidence, double confidence) {}

  /** {@code \text{B}}, {@code \textbf{(B)}}, {@code \mathrm{B}}: a letter typeset as text. */
  private static final Pattern TEX_TEXT =
      Pattern.compile("\\\\(?:text|textbf|textrm|mathrm|mathbf)\\s*\\{([^{}]{0,200})\\}");

  private ChoiceReader() {}

  /** The key's letters: "B", "(B)", "A, C", or an option's text. */
  static Set<String> keyLetters(String key, Map<String, String> options) {
    Set<String> out = new TreeSet<>();
    String k = key.strip();
    String exact = letterOf(k.replaceAll("[()*.]", "").strip(), options);
    if (exact != null) {
      out.add(exact);
      return out;
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (norm(e.getValue()).equals(norm(k))) {
        out.add(e.getKey());
        return out;
      }
    }
    for (String piece : k.split("\\s*(?:,|;|\\band\\b|&)\\s*")) {
      String l = letterOf(piece.replaceAll("[()*.]", "").strip(), options);
      if (l == null) {
        return new TreeSet<>();
      }
      out.add(l);
    }
    return out;
  }

  static Reading read(String text, Map<String, String> options) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = TEX_TEXT.matcher(text).replaceAll("$1").replaceAll("[*_`]", "").strip();
    if (t.length() > 2
        && t.startsWith("$")
        && t.endsWith("$")
        && t.indexOf('$', 1) == t.length() - 1) {
      t = t.substring(1, t.length() - 1).strip(); // $\text{B}$: maths around a letter
    }
    if (t.length() > 20_000) {
      t = t.substring(0, 20_000);
    }
    String letters =
        String.join("", options.keySet().stream().filter(k -> k.matches("[A-Za-z0-9]")).toList());
    if (letters.isEmpty()) {
      return byText(t, options);
    }
    String cls = "[" + letters + "]";
    Matcher whole =
        Pattern.compile(
                "^(?:\\(?(" + cls + ")\\)?(?:\\s*(?:,|and|&)\\s*\\(?(" + cls + ")\\)?)*)[.)]?$",
                Pattern.CASE_INSENSITIVE)
            .matcher(t);
    if (whole.matches()) {
      Set<String> got = new LinkedHashSet<>();
      Matcher each = Pattern.compile("(?i)(?<![a-z])" + cls + "(?![a-z])").matcher(t);
      while (each.find()) {
        got.add(each.group().toUpperCase(Locale.ROOT));
      }
      return new Reading(got, "'" + t + "'", 0.97);
    }
    Reading qualified = qualifiedLead(t, cls, options);
    if (qualified != null) {
      return qualified;
    }
    Matcher lead =
        Pattern.compile(
                "^(?:final\\s+answer\\s*[:：]\\s*|answer\\s*[:：]\\s*)?\\(?("
                    + cls
                    + ")\\)?(?:[.):]|\\s+[-—–]|\\s+\\((?![^)]*(?<![A-Za-z])"
                    + cls
                    + "(?![A-Za-z]))|\\s*$)")
            .matcher(t);
    if (lead.find()) {
      String other = otherOptionsText(lead.group(1), t.substring(lead.end()), options);
      if (other != null) {
        // "B) It increases": the letter of one option with the text of another
        return new Reading(
            new TreeSet<>(Set.of(letterOf(lead.group(1), options), other)),
            "'"
                + snippet(t, lead.end())
                + "': the letter "
                + lead.group(1)
                + " with the text of option "
                + other,
            0.6);
      }
      return new Reading(Set.of(lead.group(1)), "'" + snippet(t, lead.end()) + "'", 0.95);
    }
    // The letter itself is matched case-sensitively: "I choose a different approach" picks nothing.
    Matcher said =
        Pattern.compile(
                "\\b(?i:answer|choice|option|choose|select|pick)(?:\\s+(?i:is))?\\s*[:：]?\\s*\\(?("
                    + cls
                    + ")\\)?(?![a-zA-Z])")
            .matcher(t);
    Set<String> found = new LinkedHashSet<>();
    while (said.find()) {
      found.add(said.group(1).toUpperCase(Locale.ROOT));
    }
    if (!found.isEmpty()) {
      return new Reading(
          found.size() == 1 ? found : Set.copyOf(found),
          "'" + t.substring(0, Math.min(t.length(), 80)) + "'",
          found.size() == 1 ? 0.9 : 0.5);
    }
    Matcher paren = Pattern.compile("\\((" + cls + ")\\)").matcher(t);
    while (paren.find()) {
      found.add(paren.group(1));
    }
    if (found.size() == 1) {
      return new Reading(found, "'(" + found.iterator().next() + ")'", 0.8);
    }
    return byText(t, options);
  }

  /** Words that offer an option as possible rather than chosen. */
  private static final Pattern HEDGE =
      Pattern.compile(
          "(?i)\\b(?:also|too|might|may|could|possibly|perhaps|maybe|plausible|arguabl[ey]|"
              + "alternatively|either|or)\\b");

  /** Words that rule an option out ("C would be too fast", "C is wrong"). */
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)\\b(?:wrong|incorrect|not|never|no|fails?|impossible|excluded|ruled out|too\\s+\\w+)\\b|n't\\b");

  private static int lastBreak(String s, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (".;:!?,()\n".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int nextBreak(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (".;:!?,()\n".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** A reason or a denial after the letter: what follows explains the choice. */
  private static final Pattern EXPLAINS =
      Pattern.compile("(?i)^(?:because|since|as|not|rather than|instead of)\\b");

  /**
   * A leading letter followed by a comma, semicolon or parenthesis and more words: "B, but C might
   * work too" and "B (C is also plausible)" offer C beside B, a hedge (both letters); "B, because C
   * would need twice the speed" and "B, not C" choose B. Another letter that the answer denies
   * ("not C", "rather than C") is not offered. Null when the answer does not start so.
   */
  private static Reading qualifiedLead(String t, String cls, Map<String, String> options) {
    Matcher m =
        Pattern.compile(
                "^(?:final\\s+answer\\s*[:：]\\s*|answer\\s*[:：]\\s*)?\\(?("
                    + cls
                    + ")\\)?\\s*[,;(]\\s*(\\S.*)$",
                Pattern.DOTALL)
            .matcher(t);
    if (!m.matches()) {
      return null;
    }
    String chosen = letterOf(m.group(1), options);
    String rest = m.group(2);
    Set<String> offered = new TreeSet<>();
    Set<String> ruledOut = new HashSet<>();
    Matcher other = Pattern.compile("(?<![A-Za-z'’])(" + cls + ")(?![A-Za-z'’])").matcher(rest);
    while (other.find()) {
      String x = other.group(1);
      if (x.equals(chosen) || !x.equals(x.toUpperCase(Locale.ROOT))) {
        continue;
      }
      String before = rest.substring(Math.max(0, other.start() - 14), other.start());
      int from = lastBreak(rest, other.start()) + 1;
      int to = nextBreak(rest, other.end());
      String clause = rest.substring(from, to);
      if (before.matches("(?is).*\\b(?:not|rather than|instead of|over|than)\\s*$")
          || NEGATIVE.matcher(clause).find()) {
        ruledOut.add(x);
      } else if (HEDGE.matcher(clause).find()) {
        offered.add(x);
      }
    }
    offered.removeAll(ruledOut);
    if (!offered.isEmpty()) {
      Set<String> both = new TreeSet<>(offered);
      both.add(chosen);
      return new Reading(
          both,
          "'"
              + snippet(t, t.length())
              + "': offers "
              + String.join(", ", offered)
              + " beside "
              + chosen,
          0.6);
    }
    if (EXPLAINS.matcher(rest).find()) {
      return new Reading(Set.of(chosen), "'" + snippet(t, m.start(2)) + "'", 0.9);
    }
    return null;
  }

  /**
   * The other option whose text follows a leading letter ({@code B) It increases} when A is "It
   * increases"), or null when the text is the letter's own, another's in part, or none.
   */
  private static String otherOptionsText(String letter, String rest, Map<String, String> options) {
    String r = norm(rest);
    if (r.isEmpty()) {
      return null;
    }
    String own = letterOf(letter, options);
    if (own != null && norm(options.get(own)).equals(r)) {
      return null;
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!e.getKey().equals(own)
          && !norm(e.getValue()).isEmpty()
          && norm(e.getValue()).equals(r)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** A reason after the choice: "4 m/s, because 2 m/s is too slow". */
  private static final Pattern REASON =
      Pattern.compile("(?i)[,;]?\\s+(?:because|since|as)\\s.*$", Pattern.DOTALL);

  private static final Pattern OR = Pattern.compile("(?i)\\s+or\\s+");

  private static Reading byText(String t, Map<String, String> options) {
    Set<String> hits = textHits(REASON.matcher(t).replaceFirst(""), options);
    if (hits.isEmpty()) {
      hits = textHits(t, options);
    }
    if (hits.size() == 1) {
      hits.addAll(alternativesAfterOr(t, hits.iterator().next(), options));
    }
    String nt = norm(t);
    if (hits.size() == 1) {
      return new Reading(
          hits,
          "the text of option " + hits.iterator().next(),
          nt.equals(norm(options.get(hits.iterator().next()))) ? 0.95 : 0.75);
    }
    return hits.isEmpty()
        ? null
        : new Reading(hits, "the texts of options " + String.join(", ", hits), 0.4);
  }

  /** The options whose whole text the answer writes, as words. */
  private static Set<String> textHits(String t, Map<String, String> options) {
    String nt = " " + norm(t) + " ";
    Set<String> hits = new TreeSet<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String o = norm(e.getValue());
      if (!o.isEmpty()
          && (nt.strip().equals(o) || (o.length() >= 4 && nt.contains(" " + o + " ")))) {
        hits.add(e.getKey());
      }
    }
    return hits;
  }

  /**
   * Other options named after an "or" ("It stays the same or decreases"): an option is named when
   * every word that sets its text apart from the others ({@code decreases} for "It decreases") is
   * in the part after the "or".
   */
  private static Set<String> alternativesAfterOr(
      String t, String hit, Map<String, String> options) {
    Set<String> more = new TreeSet<>();
    String[] parts = OR.split(t);
    if (parts.length < 2) {
      return more;
    }
    for (int i = 1; i < parts.length; i++) {
      Set<String> words = new TreeSet<>(Arrays.asList(norm(parts[i]).split(" ")));
      for (Map.Entry<String, String> e : options.entrySet()) {
        if (e.getKey().equals(hit)) {
          continue;
        }
        Set<String> own = distinctiveWords(e.getKey(), options);
        if (!own.isEmpty() && words.containsAll(own)) {
          more.add(e.getKey());
        }
      }
    }
    return more;
  }

  /** The words of an option's text, four letters or more, that no other option's text has. */
  private static Set<String> distinctiveWords(String letter, Map<String, String> options) {
    Set<String> own = new TreeSet<>();
    for (String w : norm(options.get(letter)).split(" ")) {
      if (w.length() >= 4) {
        own.add(w);
      }
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!e.getKey().equals(letter)) {
        own.removeAll(Arrays.asList(norm(e.getValue()).split(" ")));
      }
    }
    return own;
  }

  private static String letterOf(String s, Map<String, String> options) {
    for (String k : options.keySet()) {
      if (k.equalsIgnoreCase(s)) {
        return k;
      }
    }
    return null;
  }

  private static String snippet(String t, int end) {
    return t.substring(0, Math.min(t.length(), Math.max(end, 40)));
  }

  static String norm(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }
}
