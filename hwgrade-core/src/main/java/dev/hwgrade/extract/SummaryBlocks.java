package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the blocks where a model lists its final answers together, as many do after a problem or at
 * the end:
 *
 * <pre>
 * ### Final Answers
 * - (a) Increase the rank k
 * - (b) 4k(m+l)
 * </pre>
 *
 * Such a block belongs to no part's section (it would otherwise end the last part's answer and
 * become its final answer), and each entry is the model's own statement of that part's final
 * answer.
 */
final class SummaryBlocks {
  /** One entry: its marker ({@code (a)}) and the answer written after it. */
  record Entry(Marker marker, String value) {}

  /** A block: the line of its heading, its last line, and its entries. */
  record Summary(int head, int end, List<Entry> entries) {}

  private static final Set<String> HEADS =
      Set.of(
          "final answer",
          "final answers",
          "final results",
          "summary",
          "answers",
          "answer summary",
          "summary of answers",
          "summary of final answers",
          "summary of results",
          "final answer summary");

  private SummaryBlocks() {}

  /** The summary blocks outside code and math, in file order. */
  static List<Summary> find(TranscriptLines lines, boolean[] literal, MarkerParser parser) {
    List<Summary> summaries = new ArrayList<>();
    for (int i = 0; i < lines.count(); i++) {
      if (literal[i] || !isHead(lines.line(i))) {
        continue;
      }
      List<Entry> entries = new ArrayList<>();
      int last = i;
      for (int j = i + 1; j < lines.count() && j - last <= 2 && !literal[j]; j++) {
        String line = lines.line(j);
        if (line.isBlank()) {
          continue;
        }
        Marker m = parser.parse(line, j);
        if (m == null || m.labels().isEmpty() || m.level() > 0) {
          break;
        }
        String value = line.substring(Math.min(m.contentStart(), line.length())).strip();
        value = value.isEmpty() ? m.title() : value;
        Marker first = entries.isEmpty() ? m : entries.get(0).marker();
        if (value.isEmpty() || m.form() != first.form() || m.decoration() != first.decoration()) {
          break; // entries look alike and say something; "3.a:" alone starts the next part
        }
        entries.add(new Entry(m, value));
        last = j;
      }
      if (!entries.isEmpty()) {
        summaries.add(new Summary(i, last, List.copyOf(entries)));
        i = last;
      }
    }
    return summaries;
  }

  /** "### Final Answers", "**Summary:**", "Final answers:" — a heading and nothing else. */
  static boolean isHead(String line) {
    if (line.length() > 60) {
      return false;
    }
    int from = 0;
    int to = line.length();
    while (from < to && " \t#>*_-".indexOf(line.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && " \t*_:".indexOf(line.charAt(to - 1)) >= 0) {
      to--;
    }
    return HEADS.contains(line.substring(from, to).toLowerCase(Locale.ROOT));
  }
}
