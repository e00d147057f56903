package dev.hwgrade.grade;

import java.time.Duration;

/**
 * Settings every grader sees.
 *
 * @param decide when true, a grader gives its best verdict instead of {@code needs_review} where it
 *     is unsure
 * @param timeLimit the time one part may take before it is {@code needs_review}
 * @param seed the seed for random checks (numeric evaluation points, random matrices)
 */
public record GradingOptions(boolean decide, Duration timeLimit, long seed) {
  public static final GradingOptions DEFAULT =
      new GradingOptions(false, Duration.ofSeconds(2), 182L);

  public GradingOptions {
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive");
    }
  }

  public GradingOptions withDecide(boolean d) {
    return new GradingOptions(d, timeLimit, seed);
  }

  public GradingOptions withTimeLimit(Duration t) {
    return new GradingOptions(decide, t, seed);
  }
}
