package dev.hwgrade.grade;

import dev.hwgrade.extract.NonAnswers;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Grades answers with the registered graders: built once, then safe to share between threads. Every
 * grade passes through a time limit and a check of what the grader returned; a grader that fails,
 * hangs or returns nonsense yields {@code needs_review}, never {@code incorrect}.
 */
public final class GradingEngine {
  private final GraderRegistry registry;
  private final GradingOptions options;
  private final int parallelism;
  private final ExecutorService drivers;
  private final ExecutorService workers;
  private final ConcurrentHashMap<Kind, CompletableFuture<Void>> warmed = new ConcurrentHashMap<>();

  /** The time limit of the first part of each kind, which loads that grader. */
  static final java.time.Duration WARM_UP_LIMIT = java.time.Duration.ofSeconds(120);

  private GradingEngine(Builder b) {
    this.options = b.options;
    this.registry = b.registry != null ? b.registry : GraderRegistry.standard(b.options);
    this.parallelism = b.parallelism;
    this.drivers = Executors.newFixedThreadPool(parallelism, daemonThreads("hwgrade-part"));
    this.workers = Executors.newCachedThreadPool(daemonThreads("hwgrade-grader"));
  }

  public static Builder builder() {
    return new Builder();
  }

  public GradingOptions options() {
    return options;
  }

  public int parallelism() {
    return parallelism;
  }

  /** Grades one answer on the calling thread's behalf, within the time limit. */
  public Grade grade(Part part, Answer answer) {
    Objects.requireNonNull(part, "part");
    if (answer == null || NonAnswers.isNonAnswer(answer.text())) {
      String said = answer == null ? "" : answer.text().strip();
      String why =
          answer == null || said.isEmpty()
              ? "no answer given for this part"
              : "the response only says it cannot answer";
      return new Grade(Verdict.UNANSWERED, 0, 1, said, why, List.of(), null, "engine");
    }
    Grader grader;
    try {
      grader = registry.forKind(part.key().kind());
    } catch (RuntimeException e) {
      return Grade.needsReview(answer.text(), "no grader: " + e.getMessage(), "engine");
    }
    long limitMs = options.timeLimit().toMillis();
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> warm = warmed.putIfAbsent(part.key().kind(), mine);
    boolean first = warm == null;
    if (first) {
      // The first part of a kind loads the grader's heavy parts (the CAS, the embedding model):
      // it gets a generous limit, and other parts of that kind wait for it outside their limit.
      limitMs = Math.max(limitMs, WARM_UP_LIMIT.toMillis());
    } else {
      warm.join();
    }
    Future<Grade> f = workers.submit(() -> AnswerPolicy.grade(part, answer, grader));
    try {
      return GradeChecker.check(f.get(limitMs, TimeUnit.MILLISECONDS), grader.name());
    } catch (TimeoutException e) {
      f.cancel(true);
      return Grade.needsReview(
          answer.text(),
          "grading took longer than the time limit of " + limitMs + " ms",
          grader.name());
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return Grade.needsReview(
          answer.text(), "the " + grader.name() + " grader failed: " + describe(c), grader.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Grade.needsReview(answer.text(), "grading was interrupted", grader.name());
    } finally {
      if (first) {
        mine.complete(null);
      }
    }
  }

  /** Grades one part asynchronously on the engine's bounded pool. */
  public CompletableFuture<Grade> submit(Part part, Answer answer) {
    return CompletableFuture.supplyAsync(() -> grade(part, answer), drivers);
  }

  /**
   * Grades every part of an assignment for one response, in parallel; results keep the assignment's
   * order.
   *
   * @param progress called once per finished part (from any thread); may be null
   */
  public List<PartResult> grade(
      Assignment assignment, Response response, Consumer<PartResult> progress) {
    List<Part> parts = assignment.parts();
    List<CompletableFuture<PartResult>> futures = new ArrayList<>(parts.size());
    for (Part p : parts) {
      Answer a = response.answers().get(p.id());
      futures.add(
          submit(p, a)
              .thenApply(
                  g -> {
                    PartResult r = new PartResult(p, a, g);
                    if (progress != null) {
                      progress.accept(r);
                    }
                    return r;
                  }));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures an engine; {@link #build()} checks the configuration. */
  public static final class Builder {
    private GradingOptions options = GradingOptions.DEFAULT;
    private GraderRegistry registry;
    private int parallelism = Runtime.getRuntime().availableProcessors();

    public Builder options(GradingOptions o) {
      options = Objects.requireNonNull(o);
      return this;
    }

    /** Graders to use instead of the standard ones; their options win over {@link #options}. */
    public Builder registry(GraderRegistry r) {
      registry = r;
      return this;
    }

    public Builder parallelism(int n) {
      parallelism = n;
      return this;
    }

    public GradingEngine build() {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
      }
      if (registry != null) {
        options = registry.options();
      }
      return new GradingEngine(this);
    }
  }
}
