package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Splits a raw chat transcript that answers a whole assignment into one answer per part, by the
 * markers models actually write ({@code ## Problem 2}, {@code **(a)**}, {@code ### 2(b)}, {@code
 * Part (c):}, {@code 2(a)(i)}, {@code 4(g)}, {@code 2.a.i}, {@code (iii)} …), and extracts each
 * part's final answer.
 *
 * <p>Only markers that name a part of the assignment start a section; text before the first marker
 * is ignored, parts may come in any order, a part the transcript skips is absent from the result,
 * and markers inside code blocks or display math do not count. Markers that name no part are
 * returned as located warnings.
 *
 * <p>Transcripts are untrusted: the work is linear in the transcript's length, and a transcript
 * longer than {@link #MAX_CHARS} is refused with {@link TranscriptTooLargeException}. Instances are
 * immutable and thread-safe; build one per assignment and split any number of transcripts.
 */
public final class TranscriptSplitter {
  /** The longest transcript read, in characters: 16 Mi, far beyond any real answer. */
  public static final int MAX_CHARS = 16 * 1024 * 1024;

  private static final Pattern ANSWER_LIKE_TITLE =
      Pattern.compile("(?i)(?:true|false|yes|no|correct|incorrect)\\b.*|[-+~≈$]?[0-9].*");

  private final PartPaths paths;
  private final MarkerParser parser;

  /**
   * @param partIds the assignment's part ids in order, as dot paths ({@code 1.a}, {@code 2.a.i})
   * @throws IllegalArgumentException if an id has an empty segment
   */
  public TranscriptSplitter(List<String> partIds) {
    Objects.requireNonNull(partIds, "partIds");
    paths = new PartPaths(partIds);
    parser = new MarkerParser(paths.digitLabels());
  }

  /** Splits {@code text}, read from {@code file} (used in locations), into the parts' answers. */
  public TranscriptSplit split(String file, String text) {
    Objects.requireNonNull(text, "text");
    String name = file == null ? "" : file;
    if (text.length() > MAX_CHARS) {
      throw new TranscriptTooLargeException(name, text.length(), MAX_CHARS);
    }
    String[] lines = text.split("\r?\n|\r", -1);
    int[] starts = lineStarts(text, lines);
    int[] headings = new int[lines.length];
    List<Marker> markers = markers(lines, headings);
    boolean bareNumbers = markers.stream().noneMatch(m -> m.form() == Marker.Form.KEYWORD && m.problem() != null);
    // First pass to learn which parts certain markers name; the second reads plain labels naming
    // them as enumerations inside an answer.
    var certain = new MarkerResolver(paths, bareNumbers, java.util.Set.of(), name).run(markers).certainTargets();
    MarkerResolver resolver = new MarkerResolver(paths, bareNumbers, certain, name).run(markers);
    return new TranscriptSplit(answers(name, text, lines, starts, headings, resolver.cuts()), resolver.warnings());
  }

  /** The markers in file order; {@code headings} receives the level of every other heading. */
  private List<Marker> markers(String[] lines, int[] headings) {
    boolean[] literal = LiteralBlocks.mark(lines);
    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!literal[i]) {
        Marker m = parser.parse(lines[i], i);
        if (m != null) {
          markers.add(m);
        } else {
          headings[i] = MarkerParser.headingLevel(lines[i]);
        }
      }
    }
    return markers;
  }

  private Map<String, Answer> answers(
      String file,
      String text,
      String[] lines,
      int[] starts,
      int[] headings,
      List<MarkerResolver.Cut> cuts) {
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    Map<String, Marker> firstMarker = new LinkedHashMap<>();
    int outlineLevel = 0;
    for (int k = 0; k < cuts.size(); k++) {
      MarkerResolver.Cut cut = cuts.get(k);
      Marker m = cut.marker();
      if (m.level() > 0) {
        outlineLevel = m.level();
      }
      if (cut.path() == null || !paths.isPart(cut.path())) {
        continue;
      }
      int from = starts[m.line()] + Math.min(m.contentStart(), lines[m.line()].length());
      int endLine = k + 1 < cuts.size() ? cuts.get(k + 1).marker().line() : lines.length;
      endLine = closingHeading(headings, m.line() + 1, endLine, outlineLevel);
      int to = endLine < lines.length ? starts[endLine] : text.length();
      String body = withTitle(m, tidy(text.substring(from, Math.max(from, to))));
      StringBuilder section = sections.get(cut.path());
      if (section == null) {
        sections.put(cut.path(), new StringBuilder(body));
        firstMarker.put(cut.path(), m);
      } else if (!body.isEmpty()) {
        section.append(section.length() == 0 ? "" : "\n\n").append(body);
      }
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (String id : paths.ids()) {
      StringBuilder section = sections.get(id);
      if (section != null) {
        String reasoning = section.toString();
        Marker m = firstMarker.get(id);
        answers.put(
            id,
            new Answer(
                id,
                reasoning,
                FinalAnswerExtractor.extract(reasoning).orElse(null),
                new SourceLocation(file, m.line() + 1, m.column())));
      }
    }
    return answers;
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
   * The first line in {@code [from, to)} with a heading at or above {@code level} ("## Summary"
   * after "### (b)" ends part b), or {@code to}. Level 0 means the outline is unknown: nothing ends.
   */
  private static int closingHeading(int[] headings, int from, int to, int level) {
    if (level > 0) {
      for (int i = from; i < to; i++) {
        if (headings[i] > 0 && headings[i] <= level) {
          return i;
        }
      }
    }
    return to;
  }

  private static int[] lineStarts(String text, String[] lines) {
    int[] starts = new int[lines.length];
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = offset;
      offset += lines[i].length();
      if (offset < text.length()) {
        offset += text.charAt(offset) == '\r' && offset + 1 < text.length() && text.charAt(offset + 1) == '\n' ? 2 : 1;
      }
    }
    return starts;
  }

  /** Drops blank lines and horizontal rules at either end of a section. */
  private static String tidy(String section) {
    String[] lines = section.split("\r?\n|\r", -1);
    int from = 0;
    int to = lines.length;
    while (from < to && isRule(lines[from])) {
      from++;
    }
    while (to > from && isRule(lines[to - 1])) {
      to--;
    }
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, to)).strip();
  }

  private static boolean isRule(String line) {
    String t = line.strip();
    return t.isEmpty() || (t.length() >= 3 && t.chars().allMatch(c -> c == '-' || c == '*' || c == '_' || c == ' '));
  }
}
