package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts' answers as their sections give them, corrected by the transcript's lists of final
 * answers ({@link SummaryBlocks}, {@link SummaryTables}): an entry there is the model's own
 * statement of a part's final answer, so it wins over a final answer that was only guessed (bold,
 * last statement) and answers a part that has no section. An answer stated in the section ("Final
 * answer:", a box) stays.
 */
final class SummaryAnswers {
  private final PartPaths paths;
  private final String file;
  private final Map<String, Answer> answers = new HashMap<>();
  private final Map<String, FinalAnswerExtractor.Rule> rules = new HashMap<>();

  SummaryAnswers(PartPaths paths, String file) {
    this.paths = paths;
    this.file = file;
  }

  /** Adds a part's section, with the final answer extracted from it. */
  void addSection(Sections.Section section) {
    var extraction = FinalAnswerExtractor.extractMarked(section.text());
    answers.put(
        section.path(),
        new Answer(
            section.path(),
            section.text(),
            extraction.answer(),
            TranscriptSplitter.location(file, section.marker()),
            extraction.others()));
    rules.put(section.path(), extraction.rule());
  }

  /**
   * Applies the summaries' entries, each read where its summary stands.
   *
   * @param summaries in file order
   * @param cuts the section starts in file order, which tell where each summary stands
   */
  void applySummaries(List<SummaryBlocks.Summary> summaries, List<MarkerResolver.Cut> cuts) {
    int cut = 0;
    String context = null;
    for (SummaryBlocks.Summary summary : summaries) {
      for (; cut < cuts.size() && cuts.get(cut).marker().line() < summary.head(); cut++) {
        if (cuts.get(cut).path() != null) {
          context = cuts.get(cut).path();
        }
      }
      for (SummaryBlocks.Entry entry : summary.entries()) {
        apply(entry, context);
      }
    }
  }

  /** The answer for a part id, or null. */
  Answer get(String id) {
    return answers.get(id);
  }

  private void apply(SummaryBlocks.Entry entry, String context) {
    String id = target(entry.marker(), context);
    var extraction = FinalAnswerExtractor.extractMarked(entry.value());
    if (id == null || extraction.answer() == null || refersElsewhere(entry.value())) {
      return;
    }
    Answer own = answers.get(id);
    if (own == null) {
      answers.put(
          id,
          new Answer(
              id,
              entry.value(),
              extraction.answer(),
              TranscriptSplitter.location(file, entry.marker())));
    } else if (rules.get(id) != FinalAnswerExtractor.Rule.STATED) {
      answers.put(id, new Answer(id, own.reasoning(), extraction.answer(), own.location()));
    }
    rules.put(id, FinalAnswerExtractor.Rule.STATED);
  }

  /** The part an entry names, read where its summary stands; null if none. */
  private String target(Marker m, String context) {
    String path;
    if (m.problem() != null) {
      String problem = paths.problem(m.problem());
      path = problem == null ? null : paths.find(problem, m.labels(), m.ignoresCase());
    } else if (context != null) {
      path = paths.findNear(context, m.labels(), m.ignoresCase());
    } else {
      List<String> matches = paths.findInAnyProblem(m.labels(), m.ignoresCase());
      path = matches.size() == 1 ? matches.get(0) : null;
    }
    return path != null && paths.isPart(path) ? path : null;
  }

  /** "see above", "as in (a)": an entry that points at an answer instead of giving one. */
  private static boolean refersElsewhere(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.startsWith("see ")
        || v.startsWith("as above")
        || v.startsWith("as in ")
        || v.equals("above")
        || v.startsWith("(see ");
  }
}
