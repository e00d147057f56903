package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.Hwgrade;
import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.grade.GraderRegistry;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.report.ReportFolder;
import dev.hwgrade.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled examples graded with the judge in the text grader's place (a scripted judge), their
 * reports written with the judge's records beside them.
 */
class JudgeExamplesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"eecs182-hw11", "networks-pset2", "physics-linalg"})
  void anExampleIsGradedByTheJudgeAndItsReportShowsTheJudgesEvidence(String example)
      throws Exception {
    LoadedAssignment loaded = AssignmentLoader.load(Path.of("../examples", example), List.of());
    GradingOptions options = GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(20));
    RubricScript judge = new RubricScript();
    List<JudgeRecord> records = Collections.synchronizedList(new ArrayList<>());
    JudgeGrader grader = JudgeGrader.builder(List.of(judge)).audit(records::add).build();
    GraderRegistry registry = GraderRegistry.of(Map.of(Kind.TEXT, o -> grader), options);

    Response response = loaded.responses().get(0);
    List<PartResult> results;
    try (GradingEngine engine =
        GradingEngine.builder().options(options).registry(registry).build()) {
      results = engine.grade(loaded.assignment(), response, pr -> {});
    }
    List<PartResult> judged =
        results.stream().filter(r -> r.grade().grader().equals("judge")).toList();
    assertThat(judged).isNotEmpty();
    assertThat(judged)
        .allSatisfy(
            r ->
                assertThat(r.grade().evidence().get(0))
                    .startsWith("judge: fake:rubric-script, prompt template "));
    assertThat(judged)
        .allSatisfy(r -> assertThat(r.grade().verdict()).isNotEqualTo(Verdict.NEEDS_REVIEW));
    assertThat(records).hasSize(judge.calls.get()).hasSize(judged.size());

    Analysis a = Analyzer.analyze(loaded.assignment(), response, results, Instant.EPOCH);
    try (ReportFolder folder = ReportFolder.open(dir)) {
      ReportWriter.write(folder, a, Hwgrade.VERSION, JudgeAuditWriter.files(records));
    }
    Path model = dir.resolve("reports").resolve(response.modelId());
    assertThat(Files.readString(model.resolve("report.md")))
        .contains("The judge (fake:rubric-script) finds that the answer makes");
    assertThat(Files.readString(model.resolve("results.json")))
        .contains("judge: fake:rubric-script, prompt template");
    for (PartResult r : judged) {
      Path file = model.resolve(JudgeAuditWriter.fileName(r.part().id()));
      assertThat(Files.readString(file)).contains("\"partId\" : \"" + r.part().id() + "\"");
    }
  }
}
