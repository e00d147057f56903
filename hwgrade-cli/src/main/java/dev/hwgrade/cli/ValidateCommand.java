package dev.hwgrade.cli;

import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.LoadedAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hwgrade validate DIR}: reports every problem in an assignment folder's files. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks an assignment folder and prints every problem in its files as file:line:col: message.")
final class ValidateCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The assignment folder: assignment.yaml and responses/.")
  Path dir;

  ValidateCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      LoadedAssignment loaded = AssignmentLoader.load(dir, List.of());
      List<Diagnostic> keyProblems = KeyChecks.of(loaded);
      List<Diagnostic> all = new ArrayList<>(loaded.warnings());
      all.addAll(keyProblems);
      Diagnostics.print(all, env.err());
      if (!keyProblems.isEmpty()) {
        return Main.USAGE;
      }
      env.out()
          .printf(
              "%s: ok — %d problems, %d parts, %d response file(s)%n",
              dir,
              loaded.assignment().problems().size(),
              loaded.assignment().parts().size(),
              loaded.responses().size());
      return Main.OK;
    } catch (InputException e) {
      // The parts that could be read get their keys checked too, so that one run reports both.
      List<Diagnostic> all = new ArrayList<>(e.diagnostics());
      if (e.assignment() != null) {
        all.addAll(KeyChecks.of(e.assignment(), e.diagnostics()));
      }
      Diagnostics.print(all, env.err());
      return Main.USAGE;
    }
  }
}
