package dev.hwgrade.model;

import java.util.Objects;

/**
 * One gradable part of a problem.
 *
 * @param id the full id path, {@code 2.a.i}
 * @param problemId the id of the problem it belongs to, {@code 2}
 * @param title a short title; may be null
 * @param question the question in Markdown with LaTeX; may be empty
 * @param category a free word the findings group by; "general" when the file gives none
 * @param weight the part's weight in the weighted score
 * @param key the answer key
 * @param location where the part is defined
 */
public record Part(
    String id,
    String problemId,
    String title,
    String question,
    String category,
    double weight,
    Key key,
    SourceLocation location) {
  public Part {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    problemId = problemId == null ? "" : problemId;
    question = question == null ? "" : question;
    category = category == null || category.isBlank() ? "general" : category;
    location = location == null ? SourceLocation.UNKNOWN : location;
  }

  /** A part with just a key, as the batch verifier builds them. */
  public static Part adHoc(String id, String question, Key key) {
    return new Part(id, "", null, question, null, 1.0, key, SourceLocation.UNKNOWN);
  }

  /** The id below the problem, {@code a.i} for {@code 2.a.i}. */
  public String localId() {
    if (!problemId.isEmpty() && id.startsWith(problemId + ".")) {
      return id.substring(problemId.length() + 1);
    }
    return id;
  }

  /** How reports write a part: {@code 2(a)(i)}. */
  public String displayId() {
    String[] segments = id.split("\\.");
    StringBuilder sb = new StringBuilder(segments[0]);
    for (int i = 1; i < segments.length; i++) {
      sb.append('(').append(segments[i]).append(')');
    }
    return sb.toString();
  }
}
