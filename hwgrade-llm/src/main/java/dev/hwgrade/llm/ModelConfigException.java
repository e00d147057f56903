package dev.hwgrade.llm;

/**
 * A model that cannot be asked as configured: a bad models.yaml, an unknown spec, a missing key.
 */
public final class ModelConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelConfigException(String message) {
    super(message);
  }
}
