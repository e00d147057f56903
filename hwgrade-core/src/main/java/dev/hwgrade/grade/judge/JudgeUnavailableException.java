package dev.hwgrade.grade.judge;

/** No reply could be had from a judge model; the message says why, for a person. */
public final class JudgeUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public JudgeUnavailableException(String message) {
    super(message);
  }

  public JudgeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
