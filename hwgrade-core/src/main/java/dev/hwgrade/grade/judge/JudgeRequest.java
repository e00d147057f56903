package dev.hwgrade.grade.judge;

import java.util.Objects;

/**
 * One request to a judge model.
 *
 * @param system the system message: the judge's instructions
 * @param user the user message: the question, the key and the answer
 * @param schemaName a name for the reply's schema, for providers whose structured-output mode wants
 *     one
 * @param schema the JSON Schema (draft 2020-12 subset: object, array, string, enum) the reply must
 *     match, for providers with a structured-output mode
 * @param temperature the sampling temperature asked for (0 for a single vote)
 * @param maxOutputTokens the most tokens the reply may have
 */
public record JudgeRequest(
    String system,
    String user,
    String schemaName,
    String schema,
    double temperature,
    int maxOutputTokens) {
  public JudgeRequest {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(schema, "schema");
  }
}
