package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import java.util.List;

/**
 * The error analysis of one part that is not correct.
 *
 * @param result the graded part
 * @param modelAnswer what the model answered, as the grader read it
 * @param keyAnswer the key's answer
 * @param whatWentWrong the grader's diagnosis, or its explanation when it gave none
 * @param details further facts (key points missed, values compared)
 */
public record ErrorEntry(
    PartResult result,
    String modelAnswer,
    String keyAnswer,
    String whatWentWrong,
    List<String> details) {
  public ErrorEntry {
    details = List.copyOf(details);
  }
}
