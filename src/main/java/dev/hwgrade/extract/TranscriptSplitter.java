package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a raw chat transcript that answers a whole assignment into one answer per part, by the
 * markers models actually write ({@code ## Problem 2}, {@code **(a)**}, {@code ### 2(b)}, {@code
 * Part (c):}, {@code 2(a)(i)}, {@code 4(g)}, {@code 2.a.i}, {@code (iii)} …), and extracts each
 * part's final answer with {@link FinalAnswerExtractor}.
 *
 * <p>Only markers that name a part of the assignment start a section; text before the first marker
 * is ignored, parts may come in any order, a part the transcript skips is absent from the result,
 * and markers inside code blocks or display math do not count. Markers that name no part, parts
 * answered twice, and answers to a part with sub-parts that are not split into them come back as
 * located warnings.
 *
 * <p>Transcripts are untrusted: the work is linear in the transcript's length, and a transcript
 * longer than {@link #MAX_CHARS} is refused with {@link TranscriptTooLargeException}. Instances are
 * immutable and thread-safe; build one per assignment and split any number of transcripts.
 */
public final class TranscriptSplitter {
  /** The longest transcript read, in characters: 16 Mi, far beyond any real answer. */
  public static final int MAX_CHARS = 16 * 1024 * 1024;

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

  /**
   * Splits {@code text} into the parts' answers.
   *
   * @param file the transcript's name, used in locations
   * @throws TranscriptTooLargeException if the text is longer than {@link #MAX_CHARS}
   */
  public TranscriptSplit split(String file, String text) {
    Objects.requireNonNull(text, "text");
    String name = file == null ? "" : file;
    if (text.length() > MAX_CHARS) {
      throw new TranscriptTooLargeException(name, text.length(), MAX_CHARS);
    }
    TranscriptLines lines = new TranscriptLines(text);
    int[] headings = new int[lines.count()];
    List<Marker> markers = markers(lines, headings);
    boolean bareNumbers =
        markers.stream().noneMatch(m -> m.form() == Marker.Form.KEYWORD && m.problem() != null);
    // A first pass learns which paths certain markers name; the second then reads a plain label
    // naming one of them as an enumeration inside an answer.
    MarkerResolver first = new MarkerResolver(paths, bareNumbers, Set.of(), name).run(markers);
    MarkerResolver resolver =
        new MarkerResolver(paths, bareNumbers, first.certainTargets(), name).run(markers);
    Set<String> marked = new HashSet<>(first.targets());
    marked.addAll(resolver.targets());
    List<MarkerResolver.Cut> cuts = InlineMarkers.insert(resolver.cuts(), lines, paths, marked);
    Map<String, Sections.Section> sections = Sections.collect(lines, headings, cuts);

    List<TranscriptWarning> warnings = new ArrayList<>(resolver.warnings());
    warnings.addAll(unsplitGroups(name, sections));
    warnings.sort(Comparator.comparingInt(w -> w.location().line()));
    return new TranscriptSplit(answers(name, sections), warnings);
  }

  /** The markers in file order; {@code headings} receives the level of every other heading. */
  private List<Marker> markers(TranscriptLines lines, int[] headings) {
    boolean[] literal = LiteralBlocks.mark(lines.all());
    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < lines.count(); i++) {
      if (!literal[i]) {
        Marker m = parser.parse(lines.line(i), i);
        if (m != null) {
          markers.add(m);
        } else {
          headings[i] = MarkerParser.headingLevel(lines.line(i));
        }
      }
    }
    return markers;
  }

  private Map<String, Answer> answers(String file, Map<String, Sections.Section> sections) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (String id : paths.ids()) {
      Sections.Section section = sections.get(id);
      if (section != null) {
        answers.put(
            id,
            new Answer(
                id,
                section.text(),
                FinalAnswerExtractor.extract(section.text()).orElse(null),
                location(file, section.marker())));
      }
    }
    return answers;
  }

  /**
   * Answers written under a problem or a part with sub-parts when none of its sub-parts is marked:
   * hwgrade cannot tell which text answers which sub-part, so those read as unanswered.
   */
  private List<TranscriptWarning> unsplitGroups(
      String file, Map<String, Sections.Section> sections) {
    List<TranscriptWarning> warnings = new ArrayList<>();
    for (Sections.Section s : sections.values()) {
      if (paths.isPart(s.path()) || s.text().isBlank()) {
        continue;
      }
      List<String> parts = paths.partsUnder(s.path());
      if (parts.stream().noneMatch(sections::containsKey)) {
        warnings.add(
            new TranscriptWarning(
                TranscriptWarning.Kind.UNSPLIT_ANSWER,
                location(file, s.marker()),
                "the answer to "
                    + s.path()
                    + " is not split into its parts "
                    + String.join(", ", parts)
                    + "; mark each part, as in '(i)' or '**Part (a)**', or they read as"
                    + " unanswered"));
      }
    }
    return warnings;
  }

  private static SourceLocation location(String file, Marker m) {
    return new SourceLocation(file, m.line() + 1, m.column());
  }
}
