package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript split into the assignment's parts.
 *
 * @param answers part id to the model's answer, in the assignment's order; a part the transcript
 *     does not answer is absent
 * @param warnings markers that matched no part, and parts answered more than once, in file order
 */
public record TranscriptSplit(Map<String, Answer> answers, List<TranscriptWarning> warnings) {
  public TranscriptSplit {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    warnings = List.copyOf(warnings);
  }
}
