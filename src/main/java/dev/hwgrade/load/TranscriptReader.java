package dev.hwgrade.load;

import dev.hwgrade.extract.TranscriptSplit;
import dev.hwgrade.extract.TranscriptSplitter;
import dev.hwgrade.extract.TranscriptTooLargeException;
import dev.hwgrade.extract.TranscriptWarning;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code responses/<model-id>.md} chat transcript, split into the assignment's parts. A
 * marker naming no part of the assignment is a warning: transcripts are free text, and a stray
 * "(e)" must not stop the grading of the parts that are there.
 */
final class TranscriptReader {
  private TranscriptReader() {}

  static Response read(String file, String modelId, String text, Assignment assignment, List<Diagnostic> diagnostics) {
    List<String> ids = assignment.parts().stream().map(Part::id).toList();
    TranscriptSplit split;
    try {
      split = new TranscriptSplitter(ids).split(file, text);
    } catch (TranscriptTooLargeException e) {
      diagnostics.add(Diagnostic.error(new SourceLocation(file, 1, 1), e.getMessage()));
      return null;
    }
    for (TranscriptWarning w : split.warnings()) {
      diagnostics.add(Diagnostic.warning(w.location(), w.message()));
    }
    if (split.answers().isEmpty()) {
      diagnostics.add(Diagnostic.error(new SourceLocation(file, 1, 1),
          "no part of the assignment found in this transcript; mark parts as '## Problem 1', '**(a)**', '1(a)' …"));
      return null;
    }
    Map<String, dev.hwgrade.model.Answer> answers = split.answers();
    return new Response(modelId, modelId, file, answers);
  }
}
