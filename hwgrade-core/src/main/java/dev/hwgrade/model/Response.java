package dev.hwgrade.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** One model's answers to an assignment, keyed by part id. */
public record Response(
    String modelId, String modelName, String sourceFile, Map<String, Answer> answers) {
  public Response {
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    modelName = modelName == null || modelName.isBlank() ? modelId : modelName;
  }
}
