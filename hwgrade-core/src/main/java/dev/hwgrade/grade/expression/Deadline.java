package dev.hwgrade.grade.expression;

/**
 * A point in time after which a comparison gives up and says so.
 *
 * @param nanos the point, on {@link System#nanoTime()}'s scale
 * @param totalMillis the whole time limit it was set from
 */
record Deadline(long nanos, long totalMillis) {
  static Deadline after(java.time.Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos(), d.toMillis());
  }

  boolean passed() {
    return System.nanoTime() - nanos > 0;
  }

  long remainingMillis() {
    return Math.max(0, (nanos - System.nanoTime()) / 1_000_000);
  }
}
