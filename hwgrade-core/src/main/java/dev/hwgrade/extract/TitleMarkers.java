package dev.hwgrade.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a heading or a bold line that repeats a problem's or a part's title ({@code ### Addressing
 * underfitting}) as that problem's or part's marker, for transcripts that name parts by title only.
 * Titles match ignoring case, Markdown and punctuation; a title two paths share matches neither.
 */
final class TitleMarkers {
  /** Shorter titles ("Setup", "Proof") are too common in answers to mark anything. */
  private static final int MIN_TITLE = 8;

  private final Map<String, String> pathByTitle = new HashMap<>();

  /**
   * @param titles path ({@code 1}, {@code 1.a}) to title; blank titles are ignored
   */
  TitleMarkers(Map<String, String> titles) {
    Set<String> shared = new HashSet<>();
    titles.forEach(
        (path, title) -> {
          String key = title == null ? "" : normalise(title);
          if (key.length() >= MIN_TITLE && pathByTitle.putIfAbsent(key, path) != null) {
            shared.add(key);
          }
        });
    pathByTitle.keySet().removeAll(shared);
  }

  /** The marker for the title on {@code line}, a heading or a line all in bold; null if none. */
  Marker match(String line, int lineNo) {
    if (pathByTitle.isEmpty() || line.length() > MarkerParser.SCAN_LIMIT) {
      return null;
    }
    int level = MarkerParser.headingLevel(line);
    String t = line.strip();
    boolean bold = t.length() > 4 && t.startsWith("**") && t.endsWith("**");
    if (level == 0 && !bold) {
      return null;
    }
    String path = pathByTitle.get(normalise(t));
    if (path == null) {
      return null;
    }
    String[] segments = path.split("\\.");
    return new Marker(
        lineNo,
        line.indexOf(t.charAt(0)) + 1,
        line.length(),
        "",
        t,
        segments[0],
        List.of(segments).subList(1, segments.length),
        Marker.Form.KEYWORD,
        level > 0 ? Marker.Decoration.HEADING : Marker.Decoration.EMPHASIS,
        level);
  }

  /** Lower case letters and digits, single spaces between words. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
        space = false;
      } else {
        space = true;
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
