package dev.hwgrade.load;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import java.nio.file.Path;
import java.util.List;

/** An assignment folder as loaded: the assignment, the responses to grade and any warnings. */
public record LoadedAssignment(
    Path dir, Assignment assignment, List<Response> responses, List<Diagnostic> warnings) {
  public LoadedAssignment {
    responses = List.copyOf(responses);
    warnings = List.copyOf(warnings);
  }
}
