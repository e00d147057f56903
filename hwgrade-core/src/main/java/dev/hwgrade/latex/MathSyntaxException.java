package dev.hwgrade.latex;

/** The text could not be read as mathematics; the message says what was wrong, for a person. */
public final class MathSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public MathSyntaxException(String message) {
    super(message);
  }
}
