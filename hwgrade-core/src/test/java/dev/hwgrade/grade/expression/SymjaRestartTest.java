package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Symja call that ignores its stop request keeps its thread; when every thread of the pool is
 * stuck so, the pool is replaced and later calls are answered again, and after a few replacements
 * Symja is given up with a reason rather than timing every later call out in silence.
 */
class SymjaRestartTest {
  private final AtomicBoolean release = new AtomicBoolean();

  /** A body that, like a call deep in a Symja algorithm, never looks at its stop request. */
  private SymjaCas.Verdict stuck(org.matheclipse.core.eval.ExprEvaluator ev) {
    while (!release.get()) {
      Thread.interrupted(); // the interrupt of the cancellation is swallowed
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    return SymjaCas.Verdict.UNKNOWN;
  }

  @AfterEach
  void restore() {
    release.set(true);
    SymjaCas.reset(5_000);
  }

  private static void awaitRestarts(int n) throws InterruptedException {
    while (SymjaCas.restarts() < n) {
      Thread.sleep(10);
    }
  }

  @Test
  @Timeout(120) // against a hang only
  void aPoolOfStuckThreadsIsReplacedThenSymjaIsGivenUpWithAReason() throws Exception {
    SymjaCas.reset(100);
    int threads = Runtime.getRuntime().availableProcessors();
    assertThat(SymjaCas.simplifiesToZero("x-x", 60_000)).isEqualTo(SymjaCas.Verdict.ZERO);

    // Long enough to start on a busy machine; a call abandoned before it started holds no thread.
    for (int i = 0; i < threads; i++) {
      assertThat(SymjaCas.call(this::stuck, 500)).isEqualTo(SymjaCas.Verdict.UNKNOWN);
    }
    awaitRestarts(1);
    // A fresh pool answers, although the old threads still spin.
    assertThat(SymjaCas.simplifiesToZero("(x+1)^2-x^2-2*x-1", 60_000))
        .isEqualTo(SymjaCas.Verdict.ZERO);
    assertThat(SymjaCas.unavailableReason()).isNull();

    for (int r = 2; r <= SymjaCas.MAX_RESTARTS; r++) {
      for (int i = 0; i < threads; i++) {
        SymjaCas.call(this::stuck, 500);
      }
      awaitRestarts(r);
    }
    assertThat(SymjaCas.unavailableReason())
        .contains("Symja stopped answering")
        .contains(SymjaCas.MAX_RESTARTS + " times");
    long start = System.nanoTime();
    assertThat(SymjaCas.simplifiesToZero("x-x", 60_000)).isEqualTo(SymjaCas.Verdict.UNKNOWN);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }
}
