package dev.hwgrade.load;

import dev.hwgrade.extract.TranscriptSplit;
import dev.hwgrade.extract.TranscriptSplitter;
import dev.hwgrade.extract.TranscriptTooLargeException;
import dev.hwgrade.extract.TranscriptWarning;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code responses/<model-id>.md} chat transcript, split into the assignment's parts. Every
 * oddity of a transcript is a warning, a section for a part the assignment does not have included:
 * models often add a part of their own, and that should not stop the rest of the transcript from
 * being graded.
 */
final class TranscriptReader {
  private TranscriptReader() {}

  static Response read(
      String file,
      String modelId,
      String text,
      Assignment assignment,
      List<Diagnostic> diagnostics) {
    TranscriptSplit split;
    try {
      split = TranscriptSplitter.of(assignment).split(file, text);
    } catch (TranscriptTooLargeException e) {
      diagnostics.add(Diagnostic.error(new SourceLocation(file, 1, 1), e.getMessage()));
      return null;
    }
    for (TranscriptWarning w : split.warnings()) {
      diagnostics.add(Diagnostic.warning(w.location(), w.message()));
    }
    if (split.answers().isEmpty()) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(file, 1, 1),
              "no part of the assignment found in this transcript; mark parts as '## Problem 1', '**(a)**', '1(a)' …"));
      return null;
    }
    Map<String, dev.hwgrade.model.Answer> answers = split.answers();
    return new Response(modelId, modelId, file, answers);
  }
}
