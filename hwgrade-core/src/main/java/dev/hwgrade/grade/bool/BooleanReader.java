package dev.hwgrade.grade.bool;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a true/false verdict from free text: a leading verdict word ("**False.** Because …"), a
 * statement about the statement ("This statement is false"), or the only polarity the text uses.
 * Negation flips ("not true" is false).
 */
final class BooleanReader {
  /** What was read: the value, how it was found, and how sure the reading is. */
  record Reading(
      boolean value, String word, String evidence, double confidence, boolean ambiguous) {}

  private static final String WORD = "(true|false|yes|no|correct|incorrect|t|f)";
  private static final Pattern LEADING =
      Pattern.compile(
          "^(?:(?:final\\s+)?answer\\s*[:：]\\s*|the\\s+answer\\s+is\\s+)?\\(?"
              + WORD
              + "\\)?(?![a-z])");
  private static final Pattern STATEMENT =
      Pattern.compile(
          "\\b(?:statement|claim|assertion|answer)\\s+(?:is|would\\s+be)\\s+(not\\s+)?(true|false|correct|incorrect)\\b");

  /**
   * "It is false", "this is true": a verdict only in a short answer, where "it" is the statement.
   */
  private static final Pattern WEAK_STATEMENT =
      Pattern.compile(
          "\\b(?:it|this)\\s+(?:is|would\\s+be)\\s+(not\\s+)?(true|false|correct|incorrect)\\b");

  /**
   * A verdict concluded at the very end ("True only if n is even, so in general false."): it
   * overrides the qualified word the answer opened with.
   */
  private static final Pattern CONCLUSION =
      Pattern.compile(
          "\\b(?:so|hence|thus|therefore)\\b,?(?:\\s+(?:in\\s+general|overall|the\\s+statement\\s+is|it\\s+is|the\\s+claim\\s+is|the\\s+answer\\s+is)){0,2},?\\s+(not\\s+)?(true|false)\\W*$");

  /** "Partially true", "sometimes false": neither verdict, a hedge between them. */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "\\b(?:partially|partly|half|mostly|somewhat|sometimes|conditionally)\\s+(true|false|correct|incorrect)\\b");

  /** "Not necessarily." opening an answer: the claim does not always hold, so it is false. */
  private static final Pattern NOT_NECESSARILY =
      Pattern.compile("^not\\s+(?:necessarily|always)\\b");

  /** "The claim holds", "the statement fails", "the claim does not hold". */
  private static final Pattern HOLDS =
      Pattern.compile(
          "^(?:so\\s+|thus\\s+|hence\\s+)?(?:the|this)\\s+(?:claim|statement|assertion|inequality|identity)\\s+(?:(does\\s+not\\s+hold|doesn't\\s+hold|fails)|holds|is\\s+valid)\\b");

  private static final java.util.Set<String> YES_NO = java.util.Set.of("yes", "no");

  private static final Pattern ANY = Pattern.compile("\\b(not\\s+)?(true|false)\\b");

  /** Beyond this many words, only a leading verdict or a sentence about the statement counts. */
  static final int LONG_ANSWER_WORDS = 40;

  private BooleanReader() {}

  /** The verdict the text gives, or null when it gives none. */
  static Reading read(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t =
        text.replaceAll("[*_`#>]", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    if (t.length() > 20_000) {
      t = t.substring(0, 20_000);
    }
    Matcher m = CONCLUSION.matcher(t);
    if (m.find()) {
      boolean v = m.group(2).equals("true") ^ (m.group(1) != null);
      return new Reading(v, m.group(2), "'" + snippet(t, m.start(), m.end()) + "'", 0.9, false);
    }
    m = QUALIFIED.matcher(t);
    if (m.find()) {
      return new Reading(false, m.group(0), "'" + snippet(t, m.start(), m.end()) + "'", 0.9, true);
    }
    m = NOT_NECESSARILY.matcher(t);
    if (m.find()) {
      return new Reading(false, m.group(0), "'" + snippet(t, m.start(), m.end()) + "'", 0.9, false);
    }
    m = HOLDS.matcher(t);
    if (m.find()) {
      boolean v = m.group(1) == null;
      return new Reading(v, m.group(0), "'" + snippet(t, m.start(), m.end()) + "'", 0.85, false);
    }
    m = LEADING.matcher(t);
    if (m.find() && YES_NO.contains(m.group(1))) {
      // "Yes, it is false.": the yes answers a question the key does not ask; the truth word
      // decides
      Matcher said = WEAK_STATEMENT.matcher(t);
      if (said.find(m.end())) {
        boolean v = polarity(said.group(2)) ^ (said.group(1) != null);
        return new Reading(
            v, said.group(0), "'" + snippet(t, said.start(), said.end()) + "'", 0.9, false);
      }
    }
    m.reset();
    if (m.find()) {
      Boolean v = polarity(m.group(1));
      if (v != null
          && !(m.group(1).length() == 1 && t.length() > 1 && !t.matches("^[tf][.)!]?$"))) {
        return new Reading(v, m.group(1), "'" + snippet(t, m.start(), m.end()) + "'", 0.97, false);
      }
    }
    boolean longAnswer = t.split(" ").length > LONG_ANSWER_WORDS;
    m = STATEMENT.matcher(t);
    if (!m.find()) {
      m = longAnswer ? null : WEAK_STATEMENT.matcher(t);
    } else {
      m.reset();
    }
    if (m != null && m.find()) {
      boolean v = polarity(m.group(2));
      if (m.group(1) != null) {
        v = !v;
      }
      return new Reading(v, m.group(0), "'" + snippet(t, m.start(), m.end()) + "'", 0.9, false);
    }
    if (longAnswer) {
      // In a long answer a lone "true" or "false" may be about anything: not a verdict.
      return null;
    }
    m = ANY.matcher(t);
    Boolean seen = null;
    String first = null;
    boolean mixed = false;
    while (m.find()) {
      boolean v = m.group(2).equals("true") ^ (m.group(1) != null);
      if (seen == null) {
        seen = v;
        first = snippet(t, m.start(), m.end());
      } else if (seen != v) {
        mixed = true;
      }
    }
    if (seen != null) {
      return new Reading(
          seen, seen ? "true" : "false", "'" + first + "'", mixed ? 0.4 : 0.75, mixed);
    }
    return null;
  }

  private static Boolean polarity(String w) {
    return switch (w) {
      case "true", "yes", "correct", "t" -> Boolean.TRUE;
      case "false", "no", "incorrect", "f" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String snippet(String t, int start, int end) {
    int s = Math.max(0, start - 20);
    int e = Math.min(t.length(), end + 30);
    return (s > 0 ? "…" : "") + t.substring(s, e).strip() + (e < t.length() ? "…" : "");
  }
}
