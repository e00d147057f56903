package dev.hwgrade.cli;

import dev.hwgrade.load.Diagnostic;
import java.io.PrintStream;
import java.util.List;

/** Prints located problems the way compilers do, with a closing count. */
final class Diagnostics {
  private Diagnostics() {}

  static void print(List<Diagnostic> diagnostics, PrintStream err) {
    for (Diagnostic d : diagnostics) {
      err.println(d);
    }
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    if (errors > 0 || warnings > 0) {
      err.println(plural(errors, "error") + ", " + plural(warnings, "warning"));
    }
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
