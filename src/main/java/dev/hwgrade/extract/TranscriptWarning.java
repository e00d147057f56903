package dev.hwgrade.extract;

import dev.hwgrade.model.SourceLocation;
import java.util.Objects;

/**
 * Something in a transcript the reader should know about, located: a marker for a part the
 * assignment does not have, or a part answered twice.
 *
 * @param location where the marker is
 * @param message what is wrong and what would be right
 */
public record TranscriptWarning(SourceLocation location, String message) {
  public TranscriptWarning {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col: message}, as the loaders print every located problem. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
