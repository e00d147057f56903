package dev.hwgrade.grade.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hwgrade.report.ReportFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stores the judge's {@link JudgeRecord}s next to a model's report, one JSON file per part: {@code
 * reports/<model>/judge/<part-id>.json}. {@link #files} gives them as entries to write with the
 * model's other report files in one {@link ReportFolder#writeModel} set, so the report and its
 * audit trail appear together.
 */
public final class JudgeAuditWriter {
  /** The model folder's subfolder for the records. */
  public static final String FOLDER = "judge";

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JudgeAuditWriter() {}

  /** The file name of a part's record, relative to the model's folder: {@code judge/2.a.json}. */
  public static String fileName(String partId) {
    String safe = UNSAFE.matcher(partId).replaceAll("_");
    if (safe.isEmpty() || safe.startsWith(".")) {
      safe = "_" + safe;
    }
    return FOLDER + "/" + safe + ".json";
  }

  /** The records as JSON, one file name (as {@link #fileName}) to each, in the order given. */
  public static Map<String, String> files(List<JudgeRecord> records) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JudgeRecord r : records) {
      out.put(fileName(r.partId()), json(r));
    }
    return out;
  }

  /**
   * Writes a model's report files together with its judge records, as one set.
   *
   * @return the files written
   */
  public static List<Path> writeWith(
      ReportFolder folder,
      String modelId,
      Map<String, String> reportFiles,
      List<JudgeRecord> records)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(reportFiles);
    all.putAll(files(records));
    return folder.writeModel(modelId, all);
  }

  /** One record as indented JSON. */
  public static String json(JudgeRecord r) {
    try {
      return JSON.writeValueAsString(r) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
