package dev.hwgrade.extract;

/**
 * A transcript's text cut into lines ({@code \n}, {@code \r\n} or {@code \r}), with their offsets.
 */
final class TranscriptLines {
  private final String text;
  private final String[] lines;
  private final int[] starts;

  TranscriptLines(String text) {
    this.text = text;
    this.lines = text.split("\r\n|\n|\r", -1);
    this.starts = new int[lines.length];
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = offset;
      offset += lines[i].length();
      if (offset < text.length()) {
        boolean crlf =
            text.charAt(offset) == '\r'
                && offset + 1 < text.length()
                && text.charAt(offset + 1) == '\n';
        offset += crlf ? 2 : 1;
      }
    }
  }

  int count() {
    return lines.length;
  }

  String line(int i) {
    return lines[i];
  }

  String[] all() {
    return lines;
  }

  /**
   * The text from offset {@code fromColumn} of line {@code from} to offset {@code toColumn} of line
   * {@code to}; offsets are clamped to their lines, and {@code to} may be the line count (the end).
   */
  String between(int from, int fromColumn, int to, int toColumn) {
    int start = starts[from] + Math.min(fromColumn, lines[from].length());
    int end =
        to < lines.length ? starts[to] + Math.min(toColumn, lines[to].length()) : text.length();
    return text.substring(start, Math.max(start, end));
  }
}
