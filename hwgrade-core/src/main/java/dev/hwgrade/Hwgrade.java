package dev.hwgrade;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import dev.hwgrade.report.ReportFolder;
import dev.hwgrade.report.ReportWriter;
import dev.hwgrade.review.ReviewApplier;
import dev.hwgrade.review.ReviewStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * hwgrade as a library, without the command line: grade an assignment folder, write its reports, or
 * grade one answer against a key.
 *
 * <pre>{@code
 * List<Analysis> models = Hwgrade.grade(Path.of("examples/eecs182-hw11"), List.of(), GradingOptions.DEFAULT);
 * Hwgrade.writeReports(Path.of("examples/eecs182-hw11"), models);
 * Grade g = Hwgrade.check(Key.builder(Kind.NUMERIC).answer("9.8 m/s^2").build(), "about 9.81 m/s²");
 * }</pre>
 *
 * <p>The steps these methods chain are public too, one package each in the order data flows: {@link
 * AssignmentLoader} (load), {@link GradingEngine} (grade; {@link AutoCloseable}), {@link
 * ReviewApplier} (apply a person's reviews), {@link Analyzer} (analyse) and {@link ReportWriter}
 * (report). Heavy parts (the CAS, the embedding model) load on the first part that needs them.
 */
public final class Hwgrade {
  /** The version written into reports. */
  public static final String VERSION = "0.1.0";

  private Hwgrade() {}

  /**
   * Grades every response of an assignment folder (or only {@code models}, when not empty), applies
   * the reviews stored with it and analyses each model's grades.
   *
   * @throws InputException with every located problem of the folder, the responses or the reviews
   */
  public static List<Analysis> grade(
      Path assignmentDir, Collection<String> models, GradingOptions options)
      throws InputException, IOException {
    LoadedAssignment loaded = AssignmentLoader.load(assignmentDir, models);
    ReviewStore reviews = ReviewStore.of(assignmentDir);
    List<Analysis> out = new ArrayList<>();
    try (GradingEngine engine = GradingEngine.builder().options(options).build()) {
      for (Response r : loaded.responses()) {
        List<PartResult> results = engine.grade(loaded.assignment(), r, pr -> {});
        ReviewApplier.Applied applied =
            ReviewApplier.apply(results, reviews.read(r.modelId()).file());
        out.add(
            Analyzer.analyze(
                loaded.assignment(), r, applied.results(), applied.statuses(), Instant.now()));
      }
    }
    return out;
  }

  /**
   * Writes each model's reports (report.md, report.html, results.json, results.csv) into the
   * assignment's {@code reports/} folder, each model's files swapped in as one set.
   *
   * @return the files written, report.md of each model first
   */
  public static List<Path> writeReports(Path assignmentDir, List<Analysis> analyses)
      throws IOException {
    List<Path> written = new ArrayList<>();
    try (ReportFolder folder = ReportFolder.open(assignmentDir)) {
      for (Analysis a : analyses) {
        written.addAll(ReportWriter.write(folder, a, VERSION));
      }
    }
    return written;
  }

  /**
   * Grades one response against a key, as {@code hwgrade verify} does: the final answer is
   * extracted from the response (a short answer or a whole worked solution), then graded with the
   * key's kind.
   */
  public static Grade check(Key key, String response) {
    Part part = Part.adHoc("answer", "", key);
    Answer answer =
        FinalAnswerExtractor.answer(part.id(), response, new SourceLocation("<answer>", 1, 1));
    try (GradingEngine engine = GradingEngine.builder().parallelism(1).build()) {
      return engine.grade(part, answer);
    }
  }
}
