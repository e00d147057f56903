package dev.hwgrade.verify;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Part;

/**
 * One parsed batch line: the part built from its key and the answer to grade, or the reason the
 * line cannot be graded.
 */
public record VerifyRequest(String id, Part part, Answer answer, String error) {
  public static VerifyRequest invalid(String id, String error) {
    return new VerifyRequest(id, null, null, error);
  }

  public boolean isValid() {
    return error == null;
  }
}
