package dev.hwgrade.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine turns every grader failure into needs_review, never into incorrect. */
class GradingEngineTest {
  private static final Part PART = Part.adHoc("p", "", Key.of(Kind.NUMERIC, "1"));

  private static GradingEngine engineWith(Grader g) {
    Map<Kind, Function<GradingOptions, Grader>> m = Map.of(Kind.NUMERIC, o -> g);
    return GradingEngine.builder()
        .registry(
            GraderRegistry.of(m, GradingOptions.DEFAULT.withTimeLimit(Duration.ofMillis(500))))
        .build();
  }

  private static Grader grader(java.util.function.BiFunction<Part, Answer, Grade> f) {
    return new Grader() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Grade grade(Part part, Answer answer) {
        return f.apply(part, answer);
      }
    };
  }

  @Test
  @Timeout(120) // against a hang only: the point is the verdict, not the speed
  void loadingIsNotChargedToThePartButTheLimitHoldsForTheFirstPartToo() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    GradingEngine e =
        engineWith(
            grader(
                (p, a) -> {
                  int n = calls.getAndIncrement();
                  if (n <= 1) {
                    // Loading a model: 1.5 s, beyond the 500 ms limit, but not charged to the part
                    // (the limit leaves room for a busy machine's scheduling).
                    LoadTime.measure("a test model", () -> sleep(1500));
                  }
                  if (n >= 1) {
                    // Then computing past the limit: charged.
                    try {
                      never.await();
                    } catch (InterruptedException ex) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return Grade.of(Verdict.INCORRECT, 0, 1, "x", "slow", "fake");
                }));
    assertThat(e.grade(PART, Answer.of("p", "42")).verdict()).isEqualTo(Verdict.INCORRECT);
    Grade loadedThenHung = e.grade(PART, Answer.of("p", "42"));
    assertThat(loadedThenHung.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(loadedThenHung.explanation())
        .contains("time limit of 500 ms")
        .contains("spent loading a test model");
    Grade hung = e.grade(PART, Answer.of("p", "42"));
    assertThat(hung.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(hung.explanation()).isEqualTo("grading took longer than the time limit of 500 ms");
    e.close();
  }

  private static Void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  @Test
  void aFailingGraderNeedsReview() {
    Grade g =
        engineWith(
                grader(
                    (p, a) -> {
                      throw new IllegalStateException("boom");
                    }))
            .grade(PART, Answer.of("p", "42"));
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(g.explanation()).contains("the fake grader failed: IllegalStateException: boom");
  }

  @Test
  void malformedGradesNeedReview() {
    assertThat(
            engineWith(grader((p, a) -> Grade.of(Verdict.CORRECT, 1.5, 1, "x", "why", "fake")))
                .grade(PART, Answer.of("p", "1"))
                .explanation())
        .contains("outside [0, 1]");
    assertThat(
            engineWith(grader((p, a) -> Grade.of(Verdict.INCORRECT, 0, 1, "x", " ", "fake")))
                .grade(PART, Answer.of("p", "1"))
                .verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(engineWith(grader((p, a) -> null)).grade(PART, Answer.of("p", "1")).verdict())
        .isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void noAnswerOrIDontKnowIsUnansweredWithoutAskingTheGrader() {
    GradingEngine e =
        engineWith(
            grader(
                (p, a) -> {
                  throw new AssertionError("the grader must not be asked");
                }));
    assertThat(e.grade(PART, null).verdict()).isEqualTo(Verdict.UNANSWERED);
    assertThat(e.grade(PART, Answer.of("p", "  ")).verdict()).isEqualTo(Verdict.UNANSWERED);
    assertThat(e.grade(PART, Answer.of("p", "I don't know.")).verdict())
        .isEqualTo(Verdict.UNANSWERED);
  }

  @Test
  void gradesKeepTheAssignmentOrder() {
    GradingEngine e =
        engineWith(grader((p, a) -> Grade.of(Verdict.CORRECT, 1, 1, a.text(), "ok", "fake")));
    List<Part> parts =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(
                i -> new Part("1." + i, "1", null, "", null, 1, Key.of(Kind.NUMERIC, "1"), null))
            .toList();
    var assignment =
        new dev.hwgrade.model.Assignment(
            "a", "A", List.of(new dev.hwgrade.model.Problem("1", "P", parts)));
    Map<String, Answer> answers = new java.util.HashMap<>();
    parts.forEach(p -> answers.put(p.id(), Answer.of(p.id(), p.id())));
    var results = e.grade(assignment, new dev.hwgrade.model.Response("m", "M", "f", answers), null);
    assertThat(results.stream().map(r -> r.grade().extracted()))
        .containsExactlyElementsOf(parts.stream().map(Part::id).toList());
  }

  @Test
  @Timeout(120)
  void anAnswerMetAgainIsGradedOnceButATimeOutIsNotRemembered() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Grader g =
        grader(
            (p, a) -> {
              calls.incrementAndGet();
              if (a.finalAnswer().equals("slow")) {
                try {
                  release.await();
                } catch (InterruptedException ex) {
                  Thread.currentThread().interrupt();
                }
              }
              return Grade.of(
                  Verdict.CORRECT, 1, 1, a.finalAnswer(), "read " + a.finalAnswer(), "fake");
            });
    Map<Kind, Function<GradingOptions, Grader>> m = Map.of(Kind.NUMERIC, o -> g);
    try (GradingEngine e =
        GradingEngine.builder()
            .registry(
                GraderRegistry.of(m, GradingOptions.DEFAULT.withTimeLimit(Duration.ofMillis(500))))
            .memo(8)
            .build()) {
      // Another part id and place, the same key and answer: graded once, the same grade.
      Grade first = e.grade(PART, Answer.of("p", "42"));
      Grade again = e.grade(Part.adHoc("q", "", Key.of(Kind.NUMERIC, "1")), Answer.of("q", "42"));
      assertThat(again).isEqualTo(first);
      assertThat(calls.get()).isEqualTo(1);
      // Another key: graded.
      e.grade(Part.adHoc("p", "", Key.of(Kind.NUMERIC, "2")), Answer.of("p", "42"));
      assertThat(calls.get()).isEqualTo(2);
      // A time-out says nothing about the answer: the next time it is graded again.
      assertThat(e.grade(PART, Answer.of("p", "slow")).verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
      release.countDown();
      assertThat(e.grade(PART, Answer.of("p", "slow")).verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(calls.get()).isEqualTo(4);
    }
  }
}
