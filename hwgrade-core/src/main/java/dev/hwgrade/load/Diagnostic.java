package dev.hwgrade.load;

import dev.hwgrade.model.SourceLocation;

/** One located problem in an input file. */
public record Diagnostic(SourceLocation location, Severity severity, String message) {
  /** How bad a problem is: errors stop grading, warnings are shown and grading goes on. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(SourceLocation at, String message) {
    return new Diagnostic(at, Severity.ERROR, message);
  }

  public static Diagnostic warning(SourceLocation at, String message) {
    return new Diagnostic(at, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: message}, as compilers print it. */
  @Override
  public String toString() {
    return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
