package dev.hwgrade.grade;

import dev.hwgrade.extract.NonAnswers;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>A grader past its time limit is interrupted and abandoned: its part is answered at once and
 * its thread no longer counts against the engine's parallelism. Such runaway computations are
 * bounded too: while {@link #MAX_RUNAWAY} of them are still running, further parts are not started
 * and say why, so a flood of pathological answers cannot take every core and the memory with it.
 * Close the engine to stop its threads.
 */
public final class GradingEngine implements AutoCloseable {
  /** Computations past their time limit that may still be running before new parts wait out. */
  public static final int MAX_RUNAWAY = 8;

  private final GraderRegistry registry;
  private final GradingOptions options;
  private final int parallelism;
  private final ExecutorService drivers;
  private final ExecutorService workers;
  private final AtomicInteger runaway = new AtomicInteger();
  private volatile boolean closed;

  /**
   * The most time a part may spend loading a grader's heavy parts (the CAS, the embedding model) on
   * top of its own time limit; loading is not charged to the part.
   */
  public static final java.time.Duration LOAD_LIMIT = java.time.Duration.ofSeconds(120);

  private GradingEngine(Builder b) {
    this.options = b.options;
    this.registry = b.registry != null ? b.registry : GraderRegistry.standard(b.options);
    this.parallelism = b.parallelism;
    this.drivers = Executors.newFixedThreadPool(parallelism, daemonThreads("hwgrade-part"));
    this.workers = Executors.newCachedThreadPool(daemonThreads("hwgrade-grader"));
    this.memo = b.memo < 1 ? null : new Memo(b.memo);
  }

  /** Grades already computed, by what they depend on; null when the engine remembers none. */
  private final Memo memo;

  public static Builder builder() {
    return new Builder();
  }

  public GradingOptions options() {
    return options;
  }

  public int parallelism() {
    return parallelism;
  }

  /** Computations abandoned after their time limit that have not finished yet. */
  public int runawayCount() {
    return runaway.get();
  }

  /** Grades one answer on the calling thread's behalf, within the time limit. */
  public Grade grade(Part part, Answer answer) {
    Objects.requireNonNull(part, "part");
    if (closed) {
      throw new IllegalStateException("the grading engine is closed");
    }
    if (answer != null && answer.status() == Answer.Status.REFUSED) {
      return new Grade(
          Verdict.UNANSWERED,
          0,
          1,
          answer.text().strip(),
          "the model declined to answer: " + answer.statusReason(),
          List.of(),
          null,
          "engine");
    }
    if (answer != null && answer.status() == Answer.Status.FAILED) {
      return Grade.needsReview(
          "", "the model could not be asked: " + answer.statusReason(), "engine");
    }
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
    Memo.Entry remembered = memo == null ? null : Memo.Entry.of(part, answer);
    if (remembered != null) {
      Grade known = memo.get(remembered);
      if (known != null) {
        return known;
      }
    }
    long limitMs = options.timeLimit().toMillis();
    if (runaway.get() >= MAX_RUNAWAY) {
      return Grade.needsReview(
          answer.text(),
          "not graded: "
              + runaway.get()
              + " earlier computations are still running past their time limit",
          grader.name());
    }
    CompletableFuture<Grade> f = new CompletableFuture<>();
    Computation task = new Computation();
    try {
      task.future =
          workers.submit(
              () -> {
                if (!task.state.compareAndSet(Computation.WAITING, Computation.RUNNING)) {
                  return; // abandoned before it started
                }
                task.load.attach();
                try {
                  f.complete(AnswerPolicy.grade(part, answer, grader));
                } catch (Throwable t) { // an OutOfMemoryError or StackOverflowError is the part's
                  f.completeExceptionally(t);
                } finally {
                  LoadTime.detach();
                  task.state.set(Computation.ENDED);
                  task.ended.complete(null);
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new IllegalStateException("the grading engine is closed", e);
    }
    try {
      Grade g = GradeChecker.check(await(f, task.load, limitMs), grader.name());
      if (remembered != null) {
        memo.put(remembered, g);
      }
      return g;
    } catch (TimeoutException e) {
      abandon(task);
      long loadedMs = task.load.nanos(System.nanoTime()) / 1_000_000;
      String load =
          loadedMs < 1
              ? ""
              : " (not counting " + loadedMs + " ms spent loading " + task.load.what() + ")";
      return Grade.needsReview(
          answer.text(),
          "grading took longer than the time limit of " + limitMs + " ms" + load,
          grader.name());
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return Grade.needsReview(
          answer.text(), "the " + grader.name() + " grader failed: " + describe(c), grader.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(task);
      return Grade.needsReview(answer.text(), "grading was interrupted", grader.name());
    }
  }

  /**
   * Waits for a grade within the time limit, extended by the time the computation spends loading
   * (up to {@link #LOAD_LIMIT}).
   */
  private static Grade await(CompletableFuture<Grade> f, LoadTime load, long limitMs)
      throws TimeoutException, ExecutionException, InterruptedException {
    long start = System.nanoTime();
    long limit = TimeUnit.MILLISECONDS.toNanos(limitMs);
    long maxLoad = LOAD_LIMIT.toNanos();
    while (true) {
      long now = System.nanoTime();
      long remaining = start + limit + Math.min(load.nanos(now), maxLoad) - now;
      if (remaining <= 0) {
        throw new TimeoutException();
      }
      try {
        return f.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Loading may have extended the limit meanwhile; look again.
      }
    }
  }

  /** One grader call on a worker thread: whether it started and when it ended. */
  private static final class Computation {
    static final int WAITING = 0;
    static final int RUNNING = 1;
    static final int ENDED = 2;
    final java.util.concurrent.atomic.AtomicInteger state = new AtomicInteger(WAITING);
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final LoadTime load = new LoadTime();
    volatile Future<?> future;
  }

  /**
   * Interrupts a computation past its limit and counts it as runaway until it really ends; its
   * thread no longer holds a place, and the pool starts another for the next part.
   */
  private void abandon(Computation task) {
    if (task.state.compareAndSet(Computation.WAITING, Computation.ENDED)) {
      return; // never started, never will
    }
    runaway.incrementAndGet();
    task.ended.whenComplete((v, t) -> runaway.decrementAndGet());
    task.future.cancel(true);
  }

  /** Stops the engine's threads; grading afterwards is an error. */
  @Override
  public void close() {
    closed = true;
    drivers.shutdownNow();
    workers.shutdownNow();
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

  /** A bounded, least-recently-used map of grades, by everything a grade depends on. */
  private static final class Memo {
    /** Answers longer than this are not remembered: the memo's memory stays small. */
    private static final int MAX_TEXT = 4_000;

    /** What a grade depends on: the key, the question and the answer's text, not ids or places. */
    record Entry(
        Key key, String question, String reasoning, String finalAnswer, List<String> others) {
      static Entry of(Part part, Answer a) {
        long size =
            (long) a.reasoning().length()
                + (a.finalAnswer() == null ? 0 : a.finalAnswer().length())
                + part.question().length();
        for (String o : a.otherFinalAnswers()) {
          size += o.length();
        }
        return size > MAX_TEXT
            ? null
            : new Entry(
                part.key(), part.question(), a.reasoning(), a.finalAnswer(), a.otherFinalAnswers());
      }
    }

    private final Map<Entry, Grade> grades;

    Memo(int entries) {
      grades =
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Entry, Grade> eldest) {
              return size() > entries;
            }
          };
    }

    synchronized Grade get(Entry e) {
      return grades.get(e);
    }

    synchronized void put(Entry e, Grade g) {
      grades.put(e, g);
    }
  }

  /** Configures an engine; {@link #build()} checks the configuration. */
  public static final class Builder {
    private GradingOptions options = GradingOptions.DEFAULT;
    private GraderRegistry registry;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private int memo;

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

    /**
     * Remembers the grades of the last {@code entries} answers graded within the time limit, so an
     * answer met again (the same key, question and answer text — a repeated line, a sample equal to
     * another) is graded once. Graders are deterministic, so the grade is the same; 0 (the default)
     * remembers nothing.
     */
    public Builder memo(int entries) {
      memo = entries;
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
