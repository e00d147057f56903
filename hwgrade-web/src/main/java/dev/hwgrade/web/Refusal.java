package dev.hwgrade.web;

/** A request the app will not serve: an HTTP status and what to tell the person. */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  Refusal(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
