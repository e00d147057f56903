package dev.hwgrade.cli;

import dev.hwgrade.grade.GraderRegistry;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.model.Part;
import java.util.ArrayList;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.LoadedAssignment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hwgrade validate DIR}: reports every problem in an assignment folder's files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks an assignment folder and prints every problem in its files as file:line:col: message.")
final class ValidateCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(index = "0", paramLabel = "DIR", description = "The assignment folder: assignment.yaml and responses/.")
  Path dir;

  ValidateCommand(Env env) {
    this.env = env;
  }

  /** Asks each part's grader whether it can use the key. */
  private static List<Diagnostic> checkKeys(LoadedAssignment loaded) {
    GraderRegistry registry = GraderRegistry.standard(GradingOptions.DEFAULT);
    List<Diagnostic> out = new ArrayList<>();
    for (Part p : loaded.assignment().parts()) {
      for (String problem : registry.forKind(p.key().kind()).checkKey(p)) {
        out.add(Diagnostic.error(p.location(), "the key of part " + p.id() + ": " + problem));
      }
    }
    return out;
  }

  @Override
  public Integer call() {
    try {
      LoadedAssignment loaded = AssignmentLoader.load(dir, List.of());
      List<Diagnostic> keyProblems = checkKeys(loaded);
      List<Diagnostic> all = new ArrayList<>(loaded.warnings());
      all.addAll(keyProblems);
      Diagnostics.print(all, env.err());
      if (!keyProblems.isEmpty()) {
        return Main.USAGE;
      }
      env.out().printf("%s: ok — %d problems, %d parts, %d response file(s)%n", dir,
          loaded.assignment().problems().size(), loaded.assignment().parts().size(), loaded.responses().size());
      return Main.OK;
    } catch (InputException e) {
      Diagnostics.print(e.diagnostics(), env.err());
      return Main.USAGE;
    }
  }
}
