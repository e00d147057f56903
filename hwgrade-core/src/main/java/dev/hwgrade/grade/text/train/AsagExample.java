package dev.hwgrade.grade.text.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.model.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled short answer in the ASAG JSON-lines format: {@code question}, {@code reference},
 * {@code answer}, {@code label} ({@code correct}, {@code partially_correct} or {@code incorrect}).
 *
 * @param question the question
 * @param reference the reference answer, used as the key's one required point
 * @param answer the answer to grade
 * @param label the human verdict
 * @param twoWay whether the file has only two labels, so that partial answers hide in incorrect
 */
public record AsagExample(
    String question, String reference, String answer, Verdict label, boolean twoWay) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a labelled file. A file whose name contains {@code 2way}, or that has no {@code
   * partially_correct} label, is two-way.
   *
   * @throws IOException if the file cannot be read or a line is not a labelled example
   */
  public static List<AsagExample> read(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode row;
        try {
          row = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IOException(file + ":" + n + ": not JSON: " + e.getOriginalMessage(), e);
        }
        for (String field : List.of("question", "reference", "answer", "label")) {
          if (!row.hasNonNull(field)) {
            throw new IOException(file + ":" + n + ": missing field '" + field + "'");
          }
        }
        rows.add(row);
      }
    }
    boolean twoWay =
        file.getFileName().toString().contains("2way")
            || rows.stream().noneMatch(j -> j.get("label").asText().equals("partially_correct"));
    List<AsagExample> out = new ArrayList<>();
    for (JsonNode j : rows) {
      out.add(
          new AsagExample(
              j.get("question").asText(),
              j.get("reference").asText(),
              j.get("answer").asText(),
              Verdict.fromId(j.get("label").asText()),
              twoWay));
    }
    return out;
  }
}
