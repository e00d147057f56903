package dev.hwgrade.grade.expression;

/**
 * An expression cannot be evaluated (unsupported notation, shapes that do not fit, a value out of
 * range).
 */
final class EvaluationException extends Exception {
  private static final long serialVersionUID = 1L;

  EvaluationException(String message) {
    super(message, null, false, false);
  }
}
