package dev.hwgrade.grade.judge;

import dev.hwgrade.extract.HiddenText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a judge's quote is in the answer. Both are compared after the same normalisation:
 * Unicode compatibility forms, typographic quotes and dashes made plain, LaTeX's math delimiters,
 * braces, spacing commands, {@code \left}/{@code \right} and text wrappers ({@code \text}, {@code
 * \mathrm}…) removed, Markdown emphasis and code marks removed, case folded, and all whitespace
 * removed; punctuation at the quote's ends is ignored. An ellipsis is not read as "text left out":
 * a quote with a gap in it is not verbatim. The answer's hidden parts (HTML comments, collapsed
 * blocks) are not searched: a point written only there is not made.
 */
final class QuoteCheck {
  private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
  private static final Pattern LATEX_WRAPPERS =
      Pattern.compile(
          "\\\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|mathsf|mathtt|operatorname|emph"
              + "|left|right|big|Big|bigg|Bigg|displaystyle|quad|qquad)(?![A-Za-z])");
  private static final Pattern LATEX_SPACING = Pattern.compile("\\\\[,;:! ()\\[\\]]");
  private static final Pattern DROPPED = Pattern.compile("[\\s$*_`{}]+");
  private static final String END_PUNCTUATION = ".,;:!?\"'()[]";

  private final String answer;

  /** A check against this answer (its full text; hidden parts are dropped here). */
  QuoteCheck(String fullAnswer) {
    this.answer = normalise(HiddenText.strip(fullAnswer == null ? "" : fullAnswer));
  }

  /** Whether the quote, normalised, occurs in the answer and has a letter or digit in it. */
  boolean found(String quote) {
    String q = trimEnds(normalise(quote == null ? "" : quote));
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return false;
    }
    return answer.contains(q);
  }

  static String normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    t = FORMAT_CHARS.matcher(t).replaceAll("");
    t =
        t.replace('‘', '\'')
            .replace('’', '\'')
            .replace('“', '"')
            .replace('”', '"')
            .replace('–', '-')
            .replace('—', '-')
            .replace('−', '-')
            .replace('‹', '<')
            .replace('›', '>');
    t = LATEX_SPACING.matcher(t).replaceAll("");
    t = LATEX_WRAPPERS.matcher(t).replaceAll("");
    t = DROPPED.matcher(t).replaceAll("");
    return t.toLowerCase(Locale.ROOT);
  }

  private static String trimEnds(String q) {
    int start = 0;
    int end = q.length();
    while (start < end && END_PUNCTUATION.indexOf(q.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && END_PUNCTUATION.indexOf(q.charAt(end - 1)) >= 0) {
      end--;
    }
    return q.substring(start, end);
  }
}
