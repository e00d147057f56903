package dev.hwgrade.cli;

import dev.hwgrade.grade.GraderRegistry;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Part;
import java.util.ArrayList;
import java.util.List;

/** Asks each part's grader whether it can use the part's key. */
final class KeyChecks {
  private KeyChecks() {}

  static List<Diagnostic> of(LoadedAssignment loaded) {
    GraderRegistry registry = GraderRegistry.standard(GradingOptions.DEFAULT);
    List<Diagnostic> out = new ArrayList<>();
    for (Part p : loaded.assignment().parts()) {
      for (String problem : registry.forKind(p.key().kind()).checkKey(p)) {
        out.add(Diagnostic.error(p.location(), "the key of part " + p.id() + ": " + problem));
      }
    }
    return out;
  }
}
