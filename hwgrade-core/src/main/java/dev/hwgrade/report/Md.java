package dev.hwgrade.report;

/** Small Markdown helpers: table cells, one-line text, shortening. */
final class Md {
  private Md() {}

  /** Text safe inside a table cell: one line, pipes escaped. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    return oneLine(s).replace("|", "\\|");
  }

  static String oneLine(String s) {
    return s == null ? "" : inert(s.replaceAll("\\s*\\R\\s*", " ").strip());
  }

  /**
   * Model-written text made inert in Markdown: no raw HTML (a {@code <!--} would hide the rest of
   * the report, a {@code <script>} or {@code <img onerror>} would run in a viewer) and no image
   * that a viewer would fetch from elsewhere. {@code <} becomes {@code &lt;}, which renders as
   * {@code <}; {@code ![} becomes {@code !\[}, a link at most.
   */
  static String inert(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("<", "&lt;").replace("![", "!\\[");
  }

  /** Cuts text at a word boundary near {@code max} characters, marking the cut with an ellipsis. */
  static String shorten(String s, int max) {
    String t = oneLine(s);
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
    }
    String head = t.substring(0, cut);
    // Do not leave an unbalanced inline-math dollar behind.
    if (head.chars().filter(c -> c == '$').count() % 2 == 1) {
      int d = head.lastIndexOf('$');
      head = head.substring(0, d).stripTrailing();
    }
    return head + " …";
  }

  /** Cuts multi-line text after about {@code max} characters, keeping its lines. */
  static String shortenBlock(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf('\n', max);
    if (cut < max / 2) {
      return shorten(s, max);
    }
    return s.substring(0, cut).stripTrailing() + " …";
  }

  private static final java.util.regex.Pattern ATX =
      java.util.regex.Pattern.compile("(?m)^( {0,3})(#{1,6})(?=[ \t]|$)");

  private static final java.util.regex.Pattern SETEXT =
      java.util.regex.Pattern.compile("(?m)^( {0,3})(=+|-+)([ \t]*)$");

  /**
   * Text that adds no heading to the report's outline: a leading {@code #} and a line of {@code =}
   * or {@code -} (which would underline the line above into a heading) are escaped.
   */
  static String noHeadings(String s) {
    return SETEXT.matcher(ATX.matcher(s).replaceAll("$1\\\\$2")).replaceAll("$1\\\\$2$3");
  }

  /** Text as a block: a one-liner stays inline after a label, longer text becomes a quote. */
  static String block(String s) {
    if (s == null || s.isBlank()) {
      return "_(none)_";
    }
    String t = noHeadings(inert(s.strip()));
    if (!t.contains("\n") && t.length() <= 160) {
      return t;
    }
    return "\n\n"
        + t.lines()
            .map(l -> l.isBlank() ? ">" : "> " + l)
            .reduce((a, b) -> a + "\n" + b)
            .orElse("");
  }
}
