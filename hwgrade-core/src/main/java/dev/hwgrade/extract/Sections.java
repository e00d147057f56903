package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      TranscriptLines lines, int[] headings, List<MarkerResolver.Cut> cuts, PartPaths paths) {
    List<Section> pieces = new ArrayList<>();
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
      pieces.add(new Section(cut.path(), m, body));
    }
    return merge(repeatedGroupsToParts(pieces, paths));
  }

  /**
   * A part with sub-parts whose label the transcript repeats instead of marking the sub-parts ("###
   * (g) Latency", later "### (g) Activation memory", for 5.g.i and 5.g.ii): the k-th section
   * answers the k-th sub-part, when there are at least two sections, no more than sub-parts, and no
   * sub-part is marked.
   */
  private static List<Section> repeatedGroupsToParts(List<Section> pieces, PartPaths paths) {
    Map<String, Integer> counts = new HashMap<>();
    Set<String> marked = new HashSet<>();
    for (Section piece : pieces) {
      counts.merge(piece.path(), 1, Integer::sum);
      for (String p = PartPaths.parent(piece.path()); p != null; p = PartPaths.parent(p)) {
        marked.add(p); // a descendant of p is marked
      }
    }
    Map<String, Integer> used = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    List<Section> result = new ArrayList<>(pieces.size());
    for (Section piece : pieces) {
      String group = piece.path();
      int count = counts.get(group);
      boolean repeatedGroup = count >= 2 && !paths.isPart(group) && !marked.contains(group);
      List<String> parts =
          repeatedGroup ? children.computeIfAbsent(group, paths::childParts) : List.of();
      if (repeatedGroup && count <= parts.size()) {
        int k = used.merge(group, 1, Integer::sum) - 1;
        result.add(new Section(parts.get(k), piece.marker(), piece.text()));
      } else {
        result.add(piece);
      }
    }
    return result;
  }

  /** One section per path, the texts of a path marked twice joined, in first-marker order. */
  private static Map<String, Section> merge(List<Section> pieces) {
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    Map<String, Marker> first = new LinkedHashMap<>();
    for (Section piece : pieces) {
      StringBuilder text = texts.get(piece.path());
      if (text == null) {
        texts.put(piece.path(), new StringBuilder(piece.text()));
        first.put(piece.path(), piece.marker());
      } else if (!piece.text().isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(piece.text());
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
    if (m.decoration() != Marker.Decoration.EMPHASIS || title.isEmpty() || m.labels().isEmpty()) {
      return body; // a problem's title ("**Problem 1:** LoRA") is never its answer
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
