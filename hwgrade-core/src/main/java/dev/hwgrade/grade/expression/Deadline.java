package dev.hwgrade.grade.expression;

/** A point in time after which a comparison gives up and says so. */
record Deadline(long nanos) {
  static Deadline after(java.time.Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanos > 0;
  }

  long remainingMillis() {
    return Math.max(0, (nanos - System.nanoTime()) / 1_000_000);
  }
}
