package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one model's {@code report.md}, {@code results.json} and {@code results.csv}, each
 * atomically.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the reports of one model under {@code <assignmentDir>/reports/<model-id>/}.
   *
   * @return the files written
   */
  public static List<Path> write(Path assignmentDir, Analysis a, String version)
      throws IOException {
    Path dir = assignmentDir.resolve("reports").resolve(a.response().modelId());
    String md = MarkdownReport.render(a, version);
    String json = JsonResults.render(a);
    String csv = CsvResults.render(a);
    Path mdFile = dir.resolve("report.md");
    Path jsonFile = dir.resolve("results.json");
    Path csvFile = dir.resolve("results.csv");
    AtomicFiles.write(jsonFile, json);
    AtomicFiles.write(csvFile, csv);
    AtomicFiles.write(mdFile, md);
    return List.of(mdFile, jsonFile, csvFile);
  }
}
