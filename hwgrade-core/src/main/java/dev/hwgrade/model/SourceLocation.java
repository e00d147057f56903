package dev.hwgrade.model;

/** A place in an input file; line and column start at 1, 0 means unknown. */
public record SourceLocation(String file, int line, int column) {
  public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return file + ":" + line + ":" + Math.max(column, 1);
  }
}
