package dev.hwgrade.review;

/** A review cannot be made as asked; the message says why and what to do. */
public final class ReviewException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReviewException(String message) {
    super(message);
  }
}
