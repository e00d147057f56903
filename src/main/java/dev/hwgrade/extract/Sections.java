package dev.hwgrade.extract;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cuts a transcript into the text of each section its accepted markers delimit, keyed by path (a
 * part id, or a problem or part with sub-parts). A section runs from its marker to the next
 * accepted marker, or to an earlier heading at or above its outline level ({@code ## Summary} ends
 * part {@code (b)} written under {@code ### (b)}). A path marked twice gets both texts, joined.
 */
final class Sections {
  /** One path's text, and the marker that first started it. */
  record Section(String path, Marker marker, String text) {}

  private static final Pattern ANSWER_LIKE_TITLE =
      Pattern.compile("(?i)(?:true|false|yes|no|correct|incorrect)\\b.*|[-+~≈$]?[0-9].*");

  /** In the headings array: a line that ends any section, whatever the outline (a summary). */
  static final int ENDS_ANY_SECTION = -1;

  private Sections() {}

  /**
   * @param headings per line, the level of a heading that is no marker, else 0
   * @param cuts the accepted markers in file order
   */
  static Map<String, Section> collect(
      TranscriptLines lines, int[] headings, List<MarkerResolver.Cut> cuts) {
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    Map<String, Marker> first = new LinkedHashMap<>();
    int outlineLevel = 0;
    for (int k = 0; k < cuts.size(); k++) {
      MarkerResolver.Cut cut = cuts.get(k);
      Marker m = cut.marker();
      if (m.level() > 0) {
        outlineLevel = m.level();
      }
      if (cut.path() == null) {
        continue;
      }
      int end = k + 1 < cuts.size() ? cuts.get(k + 1).marker().line() : lines.count();
      int endColumn = k + 1 < cuts.size() ? cuts.get(k + 1).offset() : 0;
      int closing = closingHeading(headings, m.line() + 1, end, outlineLevel);
      if (closing < end) {
        end = closing;
        endColumn = 0;
      }
      String body = withTitle(m, tidy(lines.between(m.line(), m.contentStart(), end, endColumn)));
      StringBuilder text = texts.get(cut.path());
      if (text == null) {
        texts.put(cut.path(), new StringBuilder(body));
        first.put(cut.path(), m);
      } else if (!body.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(body);
      }
    }
    Map<String, Section> sections = new LinkedHashMap<>();
    texts.forEach(
        (path, text) -> sections.put(path, new Section(path, first.get(path), text.toString())));
    return sections;
  }

  /**
   * A bold marker's title is usually the question's ("**Part (a): Addressing underfitting**") and
   * stays out of the answer, but "**(iv) FALSE** because…" or "**(b) 42**" puts the answer there:
   * such a title, or any title over an empty section, is kept. A heading's title never is.
   */
  private static String withTitle(Marker m, String body) {
    String title = m.title();
    if (m.decoration() != Marker.Decoration.EMPHASIS || title.isEmpty()) {
      return body;
    }
    if (body.isEmpty()) {
      return title;
    }
    if (title.length() <= 40 && ANSWER_LIKE_TITLE.matcher(title).matches()) {
      return "**" + title + "**\n" + body;
    }
    return body;
  }

  /**
   * The first line in {@code [from, to)} with a heading at or above {@code level}, or {@code to}.
   */
  private static int closingHeading(int[] headings, int from, int to, int level) {
    for (int i = from; i < to; i++) {
      if (headings[i] == ENDS_ANY_SECTION || (headings[i] > 0 && headings[i] <= level)) {
        return i;
      }
    }
    return to;
  }

  /**
   * Drops blank lines and horizontal rules at either end and a closing pleasantry ("Let me know
   * if…") at the end, and makes every line end in {@code \n}.
   */
  private static String tidy(String section) {
    String[] lines = section.split("\r\n|\n|\r", -1);
    int from = 0;
    int to = lines.length;
    while (from < to && isRule(lines[from])) {
      from++;
    }
    while (to > from
        && (isRule(lines[to - 1]) || FinalAnswerExtractor.isClosingRemark(lines[to - 1]))) {
      to--;
    }
    return String.join("\n", Arrays.asList(lines).subList(from, to)).strip();
  }

  private static boolean isRule(String line) {
    String t = line.strip();
    return t.isEmpty()
        || (t.length() >= 3
            && t.chars().allMatch(c -> c == '-' || c == '*' || c == '_' || c == ' '));
  }
}
