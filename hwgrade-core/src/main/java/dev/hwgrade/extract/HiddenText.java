package dev.hwgrade.extract;

import java.util.regex.Pattern;

/**
 * Removes what a reader of the rendered Markdown cannot see: HTML comments, collapsed {@code
 * <details>} blocks, Unicode format characters (category Cf: zero-width spaces and joiners,
 * direction marks, soft hyphens) and control characters other than line breaks and tabs (NUL, bell,
 * escape). Text hidden from the reader is no part of the answer, so a value in {@code <!-- 4 -->}
 * earns nothing and {@code 2\u200b4} reads as {@code 24}.
 */
public final class HiddenText {
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(?:-->|$)");
  private static final Pattern DETAILS =
      Pattern.compile("(?is)<details\\b[^>]{0,200}>.*?(?:</details\\s*>|$)");

  private HiddenText() {}

  /** The text as a reader sees it; the same string when nothing is hidden. */
  public static String strip(String text) {
    if (text == null || !mayHide(text)) {
      return text;
    }
    String t = text;
    if (t.contains("<!--")) {
      t = COMMENT.matcher(t).replaceAll("");
    }
    if (t.toLowerCase(java.util.Locale.ROOT).contains("<details")) {
      t = DETAILS.matcher(t).replaceAll("");
    }
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!invisible(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the text holds anything {@link #strip} removes. */
  public static boolean mayHide(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<'
          && (text.startsWith("<!--", i)
              || text.startsWith("<details", i)
              || text.startsWith("<DETAILS", i))) {
        return true;
      }
      if (invisible(c)) {
        return true;
      }
    }
    return false;
  }

  /** A format character, or a control character that is not white space. */
  public static boolean invisible(char c) {
    if (c < ' ') {
      return c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }
    if (c == '\u007f' || (c >= '\u0080' && c < '\u00a0')) {
      return true;
    }
    // no character below the soft hyphen is a format character
    return c >= '\u00ad' && Character.getType(c) == Character.FORMAT;
  }
}
