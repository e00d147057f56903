package dev.hwgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.analyze.ScoreWords;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.AssignmentResults;
import dev.hwgrade.report.ComparisonReport;
import dev.hwgrade.report.ReportFolder;
import dev.hwgrade.report.ReportWriter;
import dev.hwgrade.report.html.HtmlIndex;
import dev.hwgrade.review.ReviewApplier;
import dev.hwgrade.review.ReviewFile;
import dev.hwgrade.review.ReviewStatus;
import dev.hwgrade.review.ReviewStore;
import dev.hwgrade.review.StoredResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hwgrade grade DIR}: grades the response files and writes each model's reports. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grades every response file of an assignment folder (or only the models given) and writes "
          + "reports/<model-id>/report.md, results.json and results.csv in it, and "
          + "reports/results.json, results.csv and (two models or more) comparison.md for every "
          + "model with stored results. A person's verdicts in "
          + "reviews/<model-id>.yaml (see `hwgrade settle`) replace the graders'; a review whose "
          + "answer or key has changed since is stale and only shown."
    })
final class GradeCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The assignment folder: assignment.yaml and responses/.")
  Path dir;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "ID",
      description = "Grade only this model (repeatable).")
  List<String> models = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Mixin GradingFlags flags;

  @Mixin JudgeFlags judge;

  /** The judges' records of the model being graded, written next to its report. */
  private final List<dev.hwgrade.grade.judge.JudgeRecord> judged =
      java.util.Collections.synchronizedList(new ArrayList<>());

  GradeCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    GradingEngine engine;
    String problem = judge.problem();
    if (problem != null) {
      env.err().println("hwgrade: error: " + problem);
      return Main.USAGE;
    }
    if (!judge.active()) {
      engine = flags.engine(spec);
    } else {
      try {
        dev.hwgrade.grade.GradingOptions o = flags.options();
        engine = flags.engine(spec, judge.registry(judge.grader(dir, o, judged::add), o));
      } catch (dev.hwgrade.llm.ModelConfigException | IllegalArgumentException e) {
        env.err().println("hwgrade: error: " + e.getMessage());
        return Main.USAGE;
      }
    }
    LoadedAssignment loaded;
    try {
      loaded = AssignmentLoader.load(dir, models);
    } catch (InputException e) {
      Diagnostics.print(e.diagnostics(), env.err());
      return Main.USAGE;
    }
    List<Diagnostic> notes = new ArrayList<>(loaded.warnings());
    // A key a grader cannot use makes its parts needs_review; say so before grading.
    KeyChecks.of(loaded).forEach(d -> notes.add(Diagnostic.warning(d.location(), d.message())));
    // Reviews are read before grading, so a malformed reviews file stops the run at once.
    Map<String, ReviewFile> reviews = new HashMap<>();
    List<Diagnostic> reviewProblems = new ArrayList<>();
    for (Response r : loaded.responses()) {
      try {
        reviews.put(r.modelId(), ReviewStore.of(dir).read(r.modelId()).file());
      } catch (InputException e) {
        reviewProblems.addAll(e.diagnostics());
      } catch (IOException | IllegalArgumentException e) {
        env.err()
            .println(
                "hwgrade: error: cannot read the reviews of "
                    + r.modelId()
                    + ": "
                    + Main.describe(e));
        return Main.FAILURE;
      }
    }
    if (!reviewProblems.isEmpty()) {
      Diagnostics.print(reviewProblems, env.err());
      return Main.USAGE;
    }
    Diagnostics.print(notes, env.err());
    try (ReportFolder reports = ReportFolder.open(dir)) {
      int code = gradeInto(reports, loaded, engine, reviews);
      if (judge.active() && !quiet) {
        env.out()
            .printf(
                "judge: %d requests, %d replies from the cache%n",
                judge.requests(), judge.cacheHits());
      }
      return code;
    } catch (IOException e) {
      env.err().println("hwgrade: error: " + Main.describe(e));
      return Main.FAILURE;
    }
  }

  /**
   * Writes reports/results.json, results.csv, index.html and, when two models or more have stored
   * results, comparison.md: every model with stored results, every part, so a run that grades one
   * model still lists the others as last graded and the comparison never goes stale.
   */
  private int writeAssignmentResults(ReportFolder reports, Assignment assignment) {
    List<JsonNode> models;
    try {
      models = AssignmentResults.read(reports.path(), StoredResults.models(dir));
      if (models.isEmpty()) {
        return Main.OK;
      }
      reports.writeFile(AssignmentResults.JSON_FILE, AssignmentResults.json(models));
      reports.writeFile(AssignmentResults.CSV_FILE, AssignmentResults.csv(models));
    } catch (IOException e) {
      env.err()
          .println(
              "hwgrade: error: cannot write the assignment's results in "
                  + reports.path()
                  + ": "
                  + Main.describe(e));
      return Main.FAILURE;
    }
    int code = Main.OK;
    try {
      reports.writeFile(
          ReportFolder.INDEX, HtmlIndex.renderStored(assignment, models, Version.VERSION));
    } catch (IOException | IllegalArgumentException e) {
      env.err()
          .println("hwgrade: error: cannot write " + ReportFolder.INDEX + ": " + Main.describe(e));
      code = Main.FAILURE;
    }
    try {
      if (models.size() < 2) {
        // A comparison left from when more models had results would be stale.
        Files.deleteIfExists(reports.path().resolve(ReportFolder.COMPARISON));
        return code;
      }
      Path file =
          reports.writeFile(ReportFolder.COMPARISON, ComparisonReport.render(assignment, models));
      if (!quiet) {
        env.out().println("comparison of " + models.size() + " models → " + file);
      }
      return code;
    } catch (IOException | IllegalArgumentException e) {
      env.err()
          .println(
              "hwgrade: error: cannot write " + ReportFolder.COMPARISON + ": " + Main.describe(e));
      return Main.FAILURE;
    }
  }

  /** Says on stderr which reviews are stale and which name parts the assignment lacks. */
  private void warnAboutReviews(String modelId, ReviewApplier.Applied applied) {
    String file = ReviewStore.FOLDER + "/" + modelId + ".yaml";
    for (ReviewStatus s : applied.stale()) {
      env.err()
          .println(
              "hwgrade: warning: "
                  + file
                  + ": the review of part "
                  + s.partId()
                  + " is stale: "
                  + s.staleReason()
                  + " (settle it again: hwgrade settle "
                  + dir
                  + " --model "
                  + modelId
                  + " --part "
                  + s.partId()
                  + " --verdict …)");
    }
    for (String id : applied.unknownParts()) {
      env.err()
          .println(
              "hwgrade: warning: "
                  + file
                  + ": a review of part '"
                  + id
                  + "', which the assignment does not have; it is ignored");
    }
  }

  /** {@code reports/samples.md} for the models asked several times per part. */
  private int writeSamples(
      ReportFolder reports, List<dev.hwgrade.analyze.Samples.Summary> sampled) {
    if (sampled.isEmpty()) {
      return Main.OK;
    }
    try {
      Path file =
          reports.writeFile(
              dev.hwgrade.report.SamplesReport.FILE,
              dev.hwgrade.report.SamplesReport.render(sampled));
      if (!quiet) {
        for (dev.hwgrade.analyze.Samples.Summary s : sampled) {
          env.out().println(dev.hwgrade.report.SamplesReport.line(s));
        }
        env.out().println("samples → " + file);
      }
      return Main.OK;
    } catch (IOException e) {
      env.err()
          .println(
              "hwgrade: error: cannot write "
                  + dev.hwgrade.report.SamplesReport.FILE
                  + ": "
                  + Main.describe(e));
      return Main.FAILURE;
    }
  }

  /** Grades every response and writes its reports; one model's failure does not stop the rest. */
  private int gradeInto(
      ReportFolder reports,
      LoadedAssignment loaded,
      GradingEngine engine,
      Map<String, ReviewFile> reviews) {
    int code = Main.OK;
    List<dev.hwgrade.analyze.Samples.Summary> sampled = new ArrayList<>();
    for (Response r : loaded.responses()) {
      long start = System.nanoTime();
      List<PartResult> results;
      try (Progress progress =
          Progress.start(env, r.modelId(), loaded.assignment().parts().size())) {
        results = engine.grade(loaded.assignment(), r, pr -> progress.step());
      }
      dev.hwgrade.analyze.Samples.Summary samples = null;
      if (r.hasSamples()) {
        samples = dev.hwgrade.analyze.Samples.of(loaded.assignment(), r, results, engine, 1L);
        sampled.add(samples);
      }
      ReviewApplier.Applied applied =
          ReviewApplier.apply(
              results, reviews.getOrDefault(r.modelId(), ReviewFile.empty(r.modelId())));
      warnAboutReviews(r.modelId(), applied);
      Analysis a =
          Analyzer.analyze(
                  loaded.assignment(),
                  r,
                  applied.results(),
                  applied.statuses(),
                  Instant.now(env.clock()))
              .withSamples(samples);
      List<Path> files;
      try {
        List<dev.hwgrade.grade.judge.JudgeRecord> records;
        synchronized (judged) {
          records = new ArrayList<>(judged);
          judged.clear();
        }
        files =
            ReportWriter.write(
                reports,
                a,
                Version.VERSION,
                dev.hwgrade.grade.judge.JudgeAuditWriter.files(records));
      } catch (IOException e) {
        env.err()
            .println(
                "hwgrade: error: cannot write the reports of "
                    + r.modelId()
                    + ": "
                    + Main.describe(e));
        code = Main.FAILURE;
        continue;
      }
      if (!quiet) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        env.out()
            .printf(
                "%s: %d parts — %d correct, %d partially correct, %d incorrect, %d unanswered, "
                    + "%d for review; score %s (%d ms)%n  → %s%n",
                r.modelId(),
                a.overall().total(),
                a.overall().count(Verdict.CORRECT),
                a.overall().count(Verdict.PARTIALLY_CORRECT),
                a.overall().count(Verdict.INCORRECT),
                a.overall().count(Verdict.UNANSWERED),
                a.overall().count(Verdict.NEEDS_REVIEW),
                ScoreWords.of(a.overall()),
                ms,
                files.get(0));
      }
    }
    code = Math.max(code, writeSamples(reports, sampled));
    code = Math.max(code, writeAssignmentResults(reports, loaded.assignment()));
    return code;
  }
}
