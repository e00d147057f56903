package dev.hwgrade.cli;

import dev.hwgrade.grade.GraderRegistry;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Asks each part's grader whether it can use the part's key. */
final class KeyChecks {
  private KeyChecks() {}

  static List<Diagnostic> of(LoadedAssignment loaded) {
    return of(loaded.assignment());
  }

  static List<Diagnostic> of(Assignment assignment) {
    return of(assignment, List.of());
  }

  /**
   * Checks the keys of the parts that have none of {@code errors} between their own line and the
   * next part's: a part already reported (a key with no answer, say) is not reported again.
   */
  static List<Diagnostic> of(Assignment assignment, List<Diagnostic> errors) {
    GraderRegistry registry = GraderRegistry.standard(GradingOptions.DEFAULT);
    List<Diagnostic> out = new ArrayList<>();
    List<Part> parts = new ArrayList<>(assignment.parts());
    parts.sort(Comparator.comparingInt(p -> p.location().line()));
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      int from = p.location().line();
      int to = i + 1 < parts.size() ? parts.get(i + 1).location().line() : Integer.MAX_VALUE;
      boolean reported =
          errors.stream()
              .anyMatch(
                  d ->
                      d.isError()
                          && d.location().file().equals(p.location().file())
                          && d.location().line() >= from
                          && d.location().line() < to);
      if (reported) {
        continue;
      }
      for (String problem : registry.forKind(p.key().kind()).checkKey(p)) {
        out.add(Diagnostic.error(p.location(), "the key of part " + p.id() + ": " + problem));
      }
    }
    return out;
  }
}
