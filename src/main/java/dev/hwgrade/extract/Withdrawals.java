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

  /** Whether the text takes back what was said before it. */
  static boolean withdraws(String text) {
    return CUE.matcher(text).find();
  }

  /** The text after the last withdrawal, without its lead-in ("— it's"); null when none. */
  static String afterLastWithdrawal(String text) {
    if (!CUE.matcher(text).find()) {
      return null;
    }
    return revised(text);
  }

  /**
   * The answer a statement settles on: what follows its last withdrawal, or the statement itself
   * when nothing is withdrawn; empty when it withdraws its answer and gives no other.
   */
  static String revised(String statement) {
    Matcher m = CUE.matcher(statement);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    if (end < 0) {
      return statement;
    }
    String rest = statement.substring(end);
    rest = LEAD_IN.matcher(rest).replaceFirst("");
    return rest.strip();
  }
}
