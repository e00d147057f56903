package dev.hwgrade.extract;

/**
 * Finds the lines of a transcript that are code or display math, where {@code (a)} or {@code #
 * Problem 1} is content, not a marker: fenced code blocks and {@code $$ … $$} or {@code \[ … \]}
 * blocks.
 *
 * <p>A fence that is never closed, or display math interrupted by a blank line (TeX allows none),
 * is read as prose: better a stray marker than the rest of the transcript lost. Every line is
 * visited a bounded number of times, so the cost is linear in the transcript.
 */
final class LiteralBlocks {
  private LiteralBlocks() {}

  /** One flag per line: true inside code or display math (delimiter lines included). */
  static boolean[] mark(String[] lines) {
    int n = lines.length;
    boolean[] literal = new boolean[n];
    char[] fenceChar = new char[n];
    int[] fenceLength = new int[n];
    boolean[] bareFence = new boolean[n];
    for (int i = 0; i < n; i++) {
      String t = lines[i].stripLeading();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        char c = t.charAt(0);
        int k = 0;
        while (k < t.length() && t.charAt(k) == c) {
          k++;
        }
        fenceChar[i] = c;
        fenceLength[i] = k;
        bareFence[i] = t.substring(k).isBlank();
      }
    }
    // longest closing fence of each kind at or after each line: an opener no closer can match
    // is prose, found in constant time
    int[] backticks = new int[n + 1];
    int[] tildes = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      backticks[i] =
          Math.max(backticks[i + 1], bareFence[i] && fenceChar[i] == '`' ? fenceLength[i] : 0);
      tildes[i] = Math.max(tildes[i + 1], bareFence[i] && fenceChar[i] == '~' ? fenceLength[i] : 0);
    }
    int dollarFailedUntil = -1;
    int bracketFailedUntil = -1;
    int i = 0;
    while (i < n) {
      if (fenceLength[i] > 0) {
        int[] closers = fenceChar[i] == '`' ? backticks : tildes;
        if (closers[i + 1] >= fenceLength[i]) {
          int j = i + 1;
          while (!(bareFence[j]
              && fenceChar[j] == fenceChar[i]
              && fenceLength[j] >= fenceLength[i])) {
            j++;
          }
          fill(literal, i, j);
          i = j + 1;
          continue;
        }
        i++;
        continue;
      }
      String line = lines[i];
      String closer = null;
      if (i > dollarFailedUntil && count(line, "$$") % 2 == 1) {
        closer = "$$";
      } else if (i > bracketFailedUntil && line.lastIndexOf("\\[") > line.lastIndexOf("\\]")) {
        closer = "\\]";
      }
      if (closer != null) {
        int j = i + 1;
        while (j < n && !lines[j].isBlank() && !lines[j].contains(closer)) {
          j++;
        }
        if (j < n && !lines[j].isBlank()) {
          fill(literal, i, j);
          i = j + 1;
          continue;
        }
        if (closer.equals("$$")) {
          dollarFailedUntil = j;
        } else {
          bracketFailedUntil = j;
        }
      }
      i++;
    }
    return literal;
  }

  private static void fill(boolean[] flags, int from, int to) {
    for (int k = from; k <= to; k++) {
      flags[k] = true;
    }
  }

  private static int count(String line, String token) {
    int c = 0;
    for (int k = line.indexOf(token); k >= 0; k = line.indexOf(token, k + token.length())) {
      c++;
    }
    return c;
  }
}
