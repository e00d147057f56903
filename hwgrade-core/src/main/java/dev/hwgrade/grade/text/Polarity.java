package dev.hwgrade.grade.text;

import java.util.regex.Pattern;

/**
 * Whether a text opens with a yes or a no. A reference answer that opens "No." or "Yes, …" answers
 * a yes-or-no question, and an answer that opens with the opposite word contradicts it, however
 * similar the rest of its words.
 */
final class Polarity {
  /** A key's bare yes or no: the word alone, then a stop, comma, colon, dash or the end. */
  private static final Pattern KEY_YES =
      Pattern.compile("^\\W*(yes|true)\\s*([.,;:!\\u2013\\u2014-]|$)", Pattern.CASE_INSENSITIVE);

  private static final Pattern KEY_NO =
      Pattern.compile("^\\W*(no|false)\\s*([.,;:!\\u2013\\u2014-]|$)", Pattern.CASE_INSENSITIVE);

  private static final Pattern ANSWER_YES =
      Pattern.compile("^\\W*(yes|yeah|yep|true)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWER_NO =
      Pattern.compile("^\\W*(no|nope|false)\\b", Pattern.CASE_INSENSITIVE);

  private Polarity() {}

  /**
   * +1 or -1 when a key point is a bare yes or no followed by its reasons ("No. Real traffic comes
   * in bursts"), else 0; "No gradient reaches A" is not a no.
   */
  static int ofKey(String text) {
    return sign(text, KEY_YES, KEY_NO);
  }

  /** +1 or -1 when an answer opens with yes or no, else 0. */
  static int ofAnswer(String text) {
    return sign(text, ANSWER_YES, ANSWER_NO);
  }

  /** Whether the answer opens with the opposite of the key point's bare yes or no. */
  static boolean contradicts(String point, String answer) {
    int k = ofKey(point);
    return k != 0 && ofAnswer(answer) == -k;
  }

  private static int sign(String text, Pattern yes, Pattern no) {
    if (text == null) {
      return 0;
    }
    if (yes.matcher(text).find()) {
      return 1;
    }
    return no.matcher(text).find() ? -1 : 0;
  }
}
