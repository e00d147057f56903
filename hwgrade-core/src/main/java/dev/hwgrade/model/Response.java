package dev.hwgrade.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's answers to an assignment, keyed by part id.
 *
 * @param samples for a model asked several times per part ({@code hwgrade ask --samples N}), the
 *     samples after the first, keyed by part id; empty otherwise. {@link #answers} holds the first.
 * @param usage what asking the model took, when {@code hwgrade ask} recorded it; null otherwise
 */
public record Response(
    String modelId,
    String modelName,
    String sourceFile,
    Map<String, Answer> answers,
    Map<String, List<Answer>> samples,
    AskUsage usage) {
  public Response {
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    modelName = modelName == null || modelName.isBlank() ? modelId : modelName;
    Map<String, List<Answer>> s = new LinkedHashMap<>();
    if (samples != null) {
      samples.forEach((k, v) -> s.put(k, List.copyOf(v)));
    }
    samples = java.util.Collections.unmodifiableMap(s);
  }

  /** A response with no usage recorded. */
  public Response(
      String modelId,
      String modelName,
      String sourceFile,
      Map<String, Answer> answers,
      Map<String, List<Answer>> samples) {
    this(modelId, modelName, sourceFile, answers, samples, null);
  }

  /** A response with one answer per part. */
  public Response(
      String modelId, String modelName, String sourceFile, Map<String, Answer> answers) {
    this(modelId, modelName, sourceFile, answers, Map.of());
  }

  /** Whether any part was answered more than once. */
  public boolean hasSamples() {
    return !samples.isEmpty();
  }
}
