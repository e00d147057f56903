package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds Markdown tables that list final answers, such as
 *
 * <pre>
 * | Part | Final answer |
 * | --- | --- |
 * | (a) | Increase the rank k |
 * | 2(b)(i) | $L = W_U W_E T$ |
 * </pre>
 *
 * A table counts when a header cell names the answer ("Answer", "Final answer", "Result") and a
 * row's first cell is a part marker. Like {@link SummaryBlocks}, such a table belongs to no part's
 * section, and each row states its part's final answer. Other tables (an answer that is a table)
 * are left alone.
 */
final class SummaryTables {
  private SummaryTables() {}

  /** The summary tables outside code and math, in file order. */
  static List<SummaryBlocks.Summary> find(
      TranscriptLines lines, boolean[] literal, MarkerParser parser) {
    List<SummaryBlocks.Summary> summaries = new ArrayList<>();
    int i = 0;
    while (i < lines.count()) {
      if (literal[i] || !isRow(lines.line(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < lines.count() && !literal[i] && isRow(lines.line(i))) {
        i++;
      }
      SummaryBlocks.Summary summary = summary(lines, start, i - 1, parser);
      if (summary != null) {
        summaries.add(summary);
      }
    }
    return summaries;
  }

  /** The table in lines {@code [first, last]} as a summary, or null if it is none. */
  private static SummaryBlocks.Summary summary(
      TranscriptLines lines, int first, int last, MarkerParser parser) {
    List<String> header = cells(lines.line(first));
    int answerColumn = answerColumn(header);
    if (answerColumn <= 0) {
      return null;
    }
    List<SummaryBlocks.Entry> entries = new ArrayList<>();
    for (int row = first + 1; row <= last; row++) {
      List<String> cells = cells(lines.line(row));
      if (cells.size() <= answerColumn || cells.get(answerColumn).isBlank()) {
        continue; // the separator row, or a row without an answer
      }
      Marker m = parser.parse(cells.get(0), row);
      if (m != null && !m.labels().isEmpty()) {
        int cellStart = Math.max(0, lines.line(row).indexOf(cells.get(0)));
        entries.add(
            new SummaryBlocks.Entry(m.atColumn(cellStart + m.column()), cells.get(answerColumn)));
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    int head = first;
    for (int k = first - 1; k >= 0 && k >= first - 3; k--) {
      if (SummaryBlocks.isHead(lines.line(k))) {
        head = k; // "### Final Answers" over the table belongs to it
        break;
      }
      if (!lines.line(k).isBlank()) {
        break;
      }
    }
    return new SummaryBlocks.Summary(head, last, List.copyOf(entries));
  }

  /** The column whose header names the answer; -1 if none does. */
  private static int answerColumn(List<String> header) {
    int found = -1;
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c).replace("*", "").strip().toLowerCase(Locale.ROOT);
      if (h.equals("final answer") || h.equals("answer") || h.equals("final result")) {
        return c;
      }
      if (found < 0 && (h.equals("result") || h.equals("llm answer") || h.equals("value"))) {
        found = c;
      }
    }
    return found;
  }

  private static boolean isRow(String line) {
    String t = line.strip();
    return t.length() >= 2 && t.charAt(0) == '|';
  }

  /** The cells of a table row, stripped; an escaped bar {@code \|} stays inside its cell. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    String t = row.strip();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString().strip());
    }
    return cells;
  }
}
