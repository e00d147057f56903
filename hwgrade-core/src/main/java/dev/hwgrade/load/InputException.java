package dev.hwgrade.load;

import dev.hwgrade.model.Assignment;
import java.util.List;

/** Input files with errors; carries every problem found, not just the first. */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;
  private final transient Assignment assignment;

  public InputException(List<Diagnostic> diagnostics) {
    this(diagnostics, null);
  }

  /**
   * @param assignment the parts that could be read despite the errors, so that more can be checked
   *     in the same run; null when the assignment could not be read at all
   */
  public InputException(List<Diagnostic> diagnostics, Assignment assignment) {
    super(diagnostics.size() + " problem(s) in the input");
    this.diagnostics = List.copyOf(diagnostics);
    this.assignment = assignment;
  }

  /** The parts read despite the errors, or null; never to be graded. */
  public Assignment assignment() {
    return assignment;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
