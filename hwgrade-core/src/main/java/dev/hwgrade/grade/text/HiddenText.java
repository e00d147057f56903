package dev.hwgrade.grade.text;

import java.util.regex.Pattern;

/**
 * Removes what a reader of a rendered answer does not see: HTML comments, collapsed {@code
 * <details>} blocks, elements styled {@code display:none}, zero-width and control characters. A key
 * point written only there is not made.
 */
final class HiddenText {
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(?:-->|\\z)");
  private static final Pattern DETAILS =
      Pattern.compile("(?is)<details\\b[^>]*>.*?(?:</details\\s*>|\\z)");
  private static final Pattern HIDDEN_ELEMENT =
      Pattern.compile(
          "(?is)<(span|div|p)\\b[^>]*(?:display\\s*:\\s*none|\\bhidden\\b)[^>]*>.*?(?:</\\1\\s*>|\\z)");
  private static final Pattern ZERO_WIDTH =
      Pattern.compile(
          "[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F-\\x9F]");

  private HiddenText() {}

  /** The text without its hidden parts; a removed block leaves a space so words do not join. */
  static String strip(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String t = ZERO_WIDTH.matcher(text).replaceAll("");
    if (t.indexOf('<') < 0) {
      return t;
    }
    t = COMMENT.matcher(t).replaceAll(" ");
    t = DETAILS.matcher(t).replaceAll(" ");
    return HIDDEN_ELEMENT.matcher(t).replaceAll(" ");
  }
}
