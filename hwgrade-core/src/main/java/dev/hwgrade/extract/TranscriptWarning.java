package dev.hwgrade.extract;

import dev.hwgrade.model.SourceLocation;
import java.util.Objects;

/**
 * Something in a transcript its reader should know about, located.
 *
 * @param kind what sort of thing, so that a loader can decide which ones are errors
 * @param location where the marker is
 * @param message what is wrong and what would be right
 */
public record TranscriptWarning(Kind kind, SourceLocation location, String message) {
  /** What a warning is about. */
  public enum Kind {
    /** A response for a problem or part that the assignment does not have. */
    UNKNOWN_PART,
    /**
     * A part label before any problem marker that several problems have: read as the first
     * problem's, if the marker is certain (bold, a heading); else ignored.
     */
    AMBIGUOUS_PART,
    /** A part marked more than once; its sections are read together. */
    REPEATED_PART,
    /**
     * Text under a problem or a part with sub-parts, none of which is marked: the sub-parts read as
     * unanswered.
     */
    UNSPLIT_ANSWER,
    /** The last warning, standing for all the ones not reported. */
    TOO_MANY
  }

  public TranscriptWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col: message}, as hwgrade prints every located problem. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
