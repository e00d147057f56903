package dev.hwgrade.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Computations that ignore their time limit: abandoned, counted and bounded; and engines that are
 * closed stop their threads.
 */
class RunawayComputationTest {
  private static final Part PART = Part.adHoc("p", "", Key.of(Kind.NUMERIC, "1"));

  /**
   * A grader that answers "warm" at once, and otherwise waits for the latch, deaf to interrupts.
   */
  private static GradingEngine stubborn(CountDownLatch release) {
    Grader g =
        new Grader() {
          @Override
          public String name() {
            return "stubborn";
          }

          @Override
          public Grade grade(Part part, Answer answer) {
            if (!answer.text().equals("warm")) {
              boolean done = false;
              while (!done) {
                try {
                  release.await();
                  done = true;
                } catch (InterruptedException ignored) {
                  // deaf to cancellation, as a non-cooperative library call is
                }
              }
            }
            return Grade.of(Verdict.CORRECT, 1, 1, answer.text(), "done", "stubborn");
          }
        };
    Map<Kind, Function<GradingOptions, Grader>> m = Map.of(Kind.NUMERIC, o -> g);
    return GradingEngine.builder()
        .registry(GraderRegistry.of(m, GradingOptions.DEFAULT.withTimeLimit(Duration.ofMillis(50))))
        .parallelism(2)
        .build();
  }

  @Test
  @Timeout(30)
  void runawayComputationsAreBoundedAndCountedUntilTheyEnd() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (GradingEngine e = stubborn(release)) {
      assertThat(e.grade(PART, Answer.of("p", "warm")).verdict()).isEqualTo(Verdict.CORRECT);
      for (int i = 0; i < GradingEngine.MAX_RUNAWAY; i++) {
        Grade g = e.grade(PART, Answer.of("p", "slow " + i));
        assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(g.explanation()).contains("time limit of 50 ms");
      }
      assertThat(e.runawayCount()).isEqualTo(GradingEngine.MAX_RUNAWAY);
      Grade refused = e.grade(PART, Answer.of("p", "warm"));
      assertThat(refused.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
      assertThat(refused.explanation())
          .contains("not graded: 8 earlier computations are still running");
      release.countDown();
      while (e.runawayCount() > 0) {
        Thread.onSpinWait();
      }
      assertThat(e.grade(PART, Answer.of("p", "warm")).verdict()).isEqualTo(Verdict.CORRECT);
    }
  }

  @Test
  void aClosedEngineStopsItsThreadsAndRefusesWork() throws Exception {
    long before = liveEngineThreads();
    for (int i = 0; i < 50; i++) {
      try (GradingEngine e = GradingEngine.builder().parallelism(2).build()) {
        e.submit(PART, Answer.of("p", "1")).join();
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (liveEngineThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(liveEngineThreads()).isLessThanOrEqualTo(before);
    GradingEngine closed = GradingEngine.builder().parallelism(1).build();
    closed.close();
    assertThatThrownBy(() -> closed.grade(PART, Answer.of("p", "1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static long liveEngineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t -> t.getName().startsWith("hwgrade-part") || t.getName().startsWith("hwgrade-grader"))
        .count();
  }
}
