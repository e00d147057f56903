package dev.hwgrade.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model's reasoning: an explicit marker ({@code Final answer:}, {@code
 * **Answer:**}), then the last {@code \boxed{}}, then the last bold phrase, then the last statement.
 */
public final class FinalAnswerExtractor {
  private static final Pattern MARKER =
      Pattern.compile(
          "(?im)^[\\s>*_#-]*(?:\\*\\*)?(?:final\\s+answer|answer)\\s*(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*(.+)$");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

  private FinalAnswerExtractor() {}

  public static Optional<String> extract(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = MARKER.matcher(text);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    if (last != null) {
      return Optional.of(clean(last));
    }
    String boxed = lastBoxed(text);
    if (boxed != null) {
      return Optional.of(boxed.strip());
    }
    Matcher b = BOLD.matcher(text);
    String bold = null;
    while (b.find()) {
      bold = b.group(1);
    }
    if (bold != null && !bold.endsWith(":")) {
      return Optional.of(clean(bold));
    }
    String[] lines = text.strip().split("\\R");
    return Optional.of(clean(lines[lines.length - 1]));
  }

  /** The content of the last {@code \boxed{…}}, braces balanced; null if none. */
  public static String lastBoxed(String text) {
    int i = text.lastIndexOf("\\boxed{");
    if (i < 0) {
      return null;
    }
    int start = i + "\\boxed{".length();
    int depth = 1;
    for (int j = start; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(start, j);
      }
    }
    return null;
  }

  private static String clean(String s) {
    return s.replaceAll("\\*\\*", "").strip();
  }
}
