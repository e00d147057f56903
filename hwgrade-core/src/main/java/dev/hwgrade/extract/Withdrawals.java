package dev.hwgrade.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Withdrawn answers: struck through ({@code ~~5~~ 4}), or taken back in words ("5, correction: 4",
 * "wait, that's wrong — it's 4", "I made a mistake"). A withdrawn answer does not count; what
 * replaces it does.
 */
final class Withdrawals {
  private static final Pattern STRUCK =
      Pattern.compile("~~[^~\\n]{1,200}~~|<(s|del|strike)>.{0,200}?</\\1>");

  /** Words that take back what came before. */
  private static final Pattern CUE =
      Pattern.compile(
          "(?i)(?:\\bwait\\s*[,.!—–-]|\\bcorrect(?:ion|ed)\\s*:|\\bthat(?:'s|’s| is| was)"
              + " (?:wrong|incorrect|not right|a mistake|an error)|\\bi made (?:a|an)"
              + " (?:mistake|error|arithmetic error)|\\bscratch that|\\bon second thought"
              + "|\\blet me (?:correct|redo|fix)"
              + "|\\bi apologi[sz]e for the (?:mistake|error)|\\bno,? sorry|\\bactually,? no\\b)");

  /** What may open the replacement: "— it's 4", "the answer is 4". */
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "(?i)^[\\s,.;:!—–-]*(?:(?:so|no|actually|instead)[\\s,]+)*(?:(?:it(?:'s|’s| is)"
              + "|the (?:correct |right |final )?answer (?:is|should be)|it should be"
              + "|should be)\\s+)?");

  private Withdrawals() {}

  /** The line without struck-through text. */
  static String unstrike(String line) {
    return line.contains("~~") || line.contains("</") ? STRUCK.matcher(line).replaceAll("") : line;
  }

  /** The words every withdrawal starts with, and their first letters. */
  private static final String[] HEADS = {
    "wait",
    "correct",
    "that",
    "i made",
    "scratch",
    "on second",
    "let me",
    "i apologi",
    "no sorry",
    "no, sorry",
    "actually"
  };

  private static final String HEAD_LETTERS = "wctisolna";

  /** {@link #HEADS} by their first letter, in the order of {@link #HEAD_LETTERS}. */
  private static final String[][] HEADS_BY_LETTER = new String[HEAD_LETTERS.length()][];

  static {
    for (int i = 0; i < HEAD_LETTERS.length(); i++) {
      char letter = HEAD_LETTERS.charAt(i);
      HEADS_BY_LETTER[i] =
          java.util.Arrays.stream(HEADS).filter(h -> h.charAt(0) == letter).toArray(String[]::new);
    }
  }

  /** Whether the text takes back what was said before it. */
  static boolean withdraws(String text) {
    return lastCueEnd(text) >= 0;
  }

  /**
   * Where the last withdrawal in the text ends; -1 when there is none. One pass finds the words a
   * withdrawal starts with and tries the expression only there.
   */
  private static int lastCueEnd(String text) {
    int bestEnd = -1;
    Matcher m = null;
    int n = text.length();
    for (int at = 0; at < n; at++) {
      char c = Character.toLowerCase(text.charAt(at));
      int first = HEAD_LETTERS.indexOf(c);
      if (first < 0 || (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))) {
        continue;
      }
      for (String head : HEADS_BY_LETTER[first]) {
        if (text.regionMatches(true, at + 1, head, 1, head.length() - 1)) {
          m = m == null ? CUE.matcher(text) : m;
          if (m.region(at, n).lookingAt()) {
            bestEnd = m.end();
          }
          break;
        }
      }
    }
    return bestEnd;
  }

  /** The text after the last withdrawal, without its lead-in ("— it's"); null when none. */
  static String afterLastWithdrawal(String text) {
    int end = lastCueEnd(text);
    return end < 0 ? null : LEAD_IN.matcher(text.substring(end)).replaceFirst("").strip();
  }

  /**
   * The answer a statement settles on: what follows its last withdrawal, or the statement itself
   * when nothing is withdrawn; empty when it withdraws its answer and gives no other.
   */
  static String revised(String statement) {
    int end = lastCueEnd(statement);
    if (end < 0) {
      return statement;
    }
    return LEAD_IN.matcher(statement.substring(end)).replaceFirst("").strip();
  }
}
