package dev.hwgrade.report;

import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.report.html.Assets;
import dev.hwgrade.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one model's {@code report.md}, {@code report.html}, {@code results.json} and {@code
 * results.csv} as one set, and the assets report.html loads into {@code reports/assets/}.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the reports of one model under {@code reports/<model-id>/} of the held folder.
   *
   * @return the files written, {@code report.md} first
   */
  public static List<Path> write(ReportFolder folder, Analysis a, String version)
      throws IOException {
    return write(folder, a, version, Map.of());
  }

  /**
   * Writes the reports of one model with more files in the same set (name relative to the model's
   * folder → content; the judge's audit records, {@code judge/<part-id>.json}).
   *
   * @return the files written, {@code report.md} first
   */
  public static List<Path> write(
      ReportFolder folder, Analysis a, String version, Map<String, String> more)
      throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("report.md", MarkdownReport.render(a, version));
    files.put(HtmlReport.FILE, HtmlReport.render(a, version, "../" + ReportFolder.ASSETS + "/"));
    files.put("results.json", JsonResults.render(a));
    files.put("results.csv", CsvResults.render(a));
    more.forEach(files::putIfAbsent);
    Assets.copyTo(folder.assets());
    return folder.writeModel(a.response().modelId(), files);
  }
}
