package dev.hwgrade.extract;

/**
 * A transcript longer than hwgrade reads. The only exception {@link TranscriptSplitter} throws for
 * what a transcript contains; everything else in a transcript gives a result.
 */
public final class TranscriptTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public TranscriptTooLargeException(String file, long chars, long limit) {
    super(
        file
            + ": the transcript has "
            + chars
            + " characters, more than the "
            + limit
            + " hwgrade reads; split it or shorten it");
  }
}
