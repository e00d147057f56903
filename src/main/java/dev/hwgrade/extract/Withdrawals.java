package dev.hwgrade.extract;

import java.util.Locale;
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
              + "|\\bi apologi[sz]e for the (?:mistake|error)|\\bno,? sorry)");

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

  /** The words every withdrawal starts with, in the cases models write them. */
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
    "no, sorry"
  };

  /** Whether the text takes back what was said before it. */
  static boolean withdraws(String text) {
    return lastCueEnd(text) >= 0;
  }

  /**
   * Where the last withdrawal in the text ends; -1 when there is none. Finds the words a withdrawal
   * starts with by plain search and tries the expression only there, so a long text costs a few
   * scans.
   */
  private static int lastCueEnd(String text) {
    int bestStart = -1;
    int bestEnd = -1;
    Matcher m = CUE.matcher(text);
    for (String head : HEADS) {
      for (String h : new String[] {head, capitalised(head), head.toUpperCase(Locale.ROOT)}) {
        for (int at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) {
          if (at > bestStart
              && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
              && m.region(at, text.length()).lookingAt()) {
            bestStart = at;
            bestEnd = m.end();
          }
        }
      }
    }
    return bestEnd;
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
