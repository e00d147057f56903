package dev.hwgrade.report;

import java.util.regex.Pattern;

/**
 * A final answer as the model wrote it. The extractor reads a final answer without its Markdown (a
 * list's first marker, bold labels); when those lines stand in the reasoning, the report shows them
 * as written there, so a list keeps its first marker and its emphasis.
 */
final class AsWritten {
  private static final Pattern MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");

  private AsWritten() {}

  /**
   * The lines of {@code reasoning} that a multi-line {@code finalAnswer} was read from, or the
   * final answer itself when no run of lines matches it line by line.
   */
  static String finalAnswer(String finalAnswer, String reasoning) {
    if (finalAnswer == null || reasoning == null || !finalAnswer.strip().contains("\n")) {
      return finalAnswer;
    }
    String[] f = finalAnswer.strip().split("\\R");
    String[] r = reasoning.split("\\R");
    String first = plain(f[0]);
    for (int i = 0; i + f.length <= r.length; i++) {
      if (!plain(r[i]).equals(first)) {
        continue;
      }
      boolean all = true;
      for (int k = 1; k < f.length && all; k++) {
        all = plain(r[i + k]).equals(plain(f[k]));
      }
      if (all) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < f.length; k++) {
          sb.append(k == 0 ? r[i].strip() : r[i + k].stripTrailing())
              .append(k + 1 < f.length ? "\n" : "");
        }
        return sb.toString();
      }
    }
    return finalAnswer;
  }

  /** A line without its list marker, emphasis and surrounding space. */
  private static String plain(String line) {
    String t = MARKER.matcher(line.strip()).replaceFirst("");
    return t.replace("**", "").replace("__", "").strip();
  }
}
