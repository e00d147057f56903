package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
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
 * and markers inside code blocks or display math do not count, nor do part labels in a quoted
 * question ({@code > (a) Show that…}). A plain label inside an answer ("(a) one reason; (b)
 * another") is told from a marker by the transcript's own style. A list of final answers ("###
 * Final Answers", "- (a) 42") belongs to no section, and its entries state the parts' final
 * answers. Markers that name no part, parts answered twice, and answers to a part with sub-parts
 * that are not split into them come back as located warnings.
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
  private final TitleMarkers titleMarkers;

  /**
   * @param partIds the assignment's part ids in order, as dot paths ({@code 1.a}, {@code 2.a.i})
   * @throws IllegalArgumentException if an id has an empty segment
   */
  public TranscriptSplitter(List<String> partIds) {
    this(partIds, Map.of());
  }

  /**
   * @param partIds the assignment's part ids in order, as dot paths ({@code 1.a}, {@code 2.a.i})
   * @param titles problem or part id to its title, so that a heading repeating a title marks it
   * @throws IllegalArgumentException if an id has an empty segment
   */
  public TranscriptSplitter(List<String> partIds, Map<String, String> titles) {
    Objects.requireNonNull(partIds, "partIds");
    Objects.requireNonNull(titles, "titles");
    paths = new PartPaths(partIds);
    parser = new MarkerParser(paths.digitLabels());
    titleMarkers = new TitleMarkers(titles);
  }

  /** A splitter for the assignment's parts, which also knows its problems' and parts' titles. */
  public static TranscriptSplitter of(Assignment assignment) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (Problem problem : assignment.problems()) {
      if (problem.title() != null) {
        titles.put(problem.id(), problem.title());
      }
    }
    for (Part part : assignment.parts()) {
      if (part.title() != null) {
        titles.put(part.id(), part.title());
      }
    }
    return new TranscriptSplitter(assignment.parts().stream().map(Part::id).toList(), titles);
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
    boolean[] skip = LiteralBlocks.mark(lines.all());
    List<SummaryBlocks.Summary> summaries =
        new ArrayList<>(SummaryBlocks.find(lines, skip, parser));
    summaries.addAll(SummaryTables.find(lines, skip, parser));
    summaries.sort(Comparator.comparingInt(SummaryBlocks.Summary::head));
    int[] headings = new int[lines.count()];
    for (SummaryBlocks.Summary summary : summaries) {
      Arrays.fill(skip, summary.head(), summary.end() + 1, true);
      headings[summary.head()] = Sections.ENDS_ANY_SECTION;
    }
    List<Marker> markers = markers(lines, skip, headings);
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
    Map<String, Sections.Section> sections = Sections.collect(lines, headings, cuts, paths);

    List<TranscriptWarning> warnings = new ArrayList<>(resolver.warnings());
    warnings.addAll(unsplitGroups(name, sections));
    warnings.sort(Comparator.comparingInt(w -> w.location().line()));
    Map<String, Answer> answers = answers(name, sections, summaries, cuts);
    return new TranscriptSplit(answers, warnings);
  }

  /**
   * The markers in file order, outside the lines to skip; {@code headings} receives the level of
   * every other heading.
   */
  private List<Marker> markers(TranscriptLines lines, boolean[] skip, int[] headings) {
    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < lines.count(); i++) {
      if (!skip[i]) {
        Marker m = parser.parse(lines.line(i), i);
        if (m != null && !m.labels().isEmpty() && lines.line(i).stripLeading().startsWith(">")) {
          m = null; // "> (a) Show that…" quotes the question; the answer's own marker follows
        }
        if (m == null) {
          m = titleMarkers.match(lines.line(i), i);
        }
        if (m != null) {
          markers.add(m);
        } else {
          headings[i] = MarkerParser.headingLevel(lines.line(i));
        }
      }
    }
    return markers;
  }

  /**
   * One answer per answered part, in the assignment's order: each part's section with the final
   * answer extracted from it, then what the transcript's lists of final answers say.
   */
  private Map<String, Answer> answers(
      String file,
      Map<String, Sections.Section> sections,
      List<SummaryBlocks.Summary> summaries,
      List<MarkerResolver.Cut> cuts) {
    SummaryAnswers found = new SummaryAnswers(paths, file);
    for (Sections.Section section : sections.values()) {
      if (paths.isPart(section.path())) {
        found.addSection(section);
      }
    }
    found.applySummaries(summaries, cuts);
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (String id : paths.ids()) {
      Answer answer = found.get(id);
      if (answer != null) {
        answers.put(id, answer);
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

  static SourceLocation location(String file, Marker m) {
    return new SourceLocation(file, m.line() + 1, m.column());
  }
}
