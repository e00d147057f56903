package dev.hwgrade.llm;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts an assignment to one model: plans the requests (one conversation per problem and sample, or
 * one request per sample for the whole assignment), takes what an earlier run or the cache already
 * has, asks the rest at the model's concurrency with retries, journals every outcome the moment it
 * arrives and writes {@code responses/<model-id>.yaml}.
 */
public final class AskRun {
  static final String WHOLE = "_whole";
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final long DEFAULT_OUTPUT_ESTIMATE = 2048;

  private final Path dir;
  private final Assignment assignment;
  private final ChatProvider provider;
  private final AskOptions options;
  private final AskProgress progress;
  private final Journal journal;

  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger cacheHits = new AtomicInteger();
  private final AtomicInteger resumed = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicReference<String> stopped = new AtomicReference<>();
  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder sendNanos = new LongAdder();
  private final LongAdder journalNanos = new LongAdder();
  private final LongAdder cpuNanos = new LongAdder();
  private AskTimings timings;
  private String system;
  private final Object money = new Object();
  private Usage spentUsage = Usage.NONE;
  private double spent;
  private double reserved;
  private int total;

  /**
   * @param provider the model, without retries: the run adds them
   */
  public AskRun(
      Path dir,
      Assignment assignment,
      ChatProvider provider,
      AskOptions options,
      AskProgress progress)
      throws IOException {
    this.dir = dir;
    this.assignment = assignment;
    this.options = options;
    this.progress = progress;
    this.provider =
        new RetryingProvider(
            provider,
            options.retry(),
            (e, attempt, wait) -> {
              retries.incrementAndGet();
              report();
            });
    this.journal = new Journal(dir.resolve("replies").resolve(provider.spec().id()));
  }

  /** The folder holding this model's raw replies. */
  public static Path repliesDir(Path dir, String modelId) {
    return dir.resolve("replies").resolve(modelId);
  }

  public AskResult run() throws IOException {
    long start = System.nanoTime();
    ModelSpec spec = provider.spec();
    boolean whole = options.prompts().whole();
    total = assignment.parts().size() * options.samples();
    // the same for every conversation, and it may hold the whole assignment: rendered once
    system = options.prompts().system(assignment);
    List<Runnable> tasks = new ArrayList<>();
    for (int s = 0; s < options.samples(); s++) {
      int sample = s;
      if (whole) {
        tasks.add(timed(() -> askWhole(sample)));
      } else {
        for (Problem p : assignment.problems()) {
          tasks.add(timed(() -> askProblem(p, sample)));
        }
      }
    }
    int threads = Math.max(1, Math.min(spec.concurrency(), tasks.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "hwgrade-ask");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped.compareAndSet(null, "interrupted");
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      try {
        journal.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
    long finishing = System.nanoTime();
    journal.close();
    long synced = System.nanoTime();
    report();
    AskResult result = finish();
    long end = System.nanoTime();
    timings =
        new AskTimings(
            threads,
            end - start,
            busyNanos.sum(),
            sendNanos.sum(),
            journalNanos.sum(),
            CPU.isCurrentThreadCpuTimeSupported() ? cpuNanos.sum() : -1,
            end - finishing,
            synced - finishing,
            done.get());
    return result;
  }

  /** Where the last {@link #run()} spent its time; null before it has run. */
  public AskTimings timings() {
    return timings;
  }

  private Runnable timed(Runnable task) {
    return () -> {
      long t0 = System.nanoTime();
      long cpu0 = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
      try {
        task.run();
      } finally {
        busyNanos.add(System.nanoTime() - t0);
        if (cpu0 >= 0) {
          cpuNanos.add(CPU.getCurrentThreadCpuTime() - cpu0);
        }
      }
    };
  }

  private void askProblem(Problem problem, int sample) {
    List<Turn> history = new ArrayList<>();
    history.add(Turn.system(system));
    boolean first = true;
    for (Part part : problem.parts()) {
      if (stopped.get() != null) {
        return;
      }
      history.add(Turn.user(options.prompts().part(assignment, problem, part, first)));
      first = false;
      Journal.Entry e = ask(part.id(), sample, new ModelRequest(history, sample));
      if (e == null) {
        return;
      }
      String said = e.reply() == null ? "" : e.reply().text();
      history.add(Turn.assistant(said.isBlank() ? "(no answer)" : said));
    }
  }

  private void askWhole(int sample) {
    List<Turn> turns = List.of(Turn.system(system), Turn.user(options.prompts().whole(assignment)));
    Journal.Entry e = ask(WHOLE, sample, new ModelRequest(turns, sample));
    if (e != null) {
      done.addAndGet(assignment.parts().size() - 1);
      report();
    }
  }

  /** The outcome of one request: from the journal, the cache or the provider; null if stopped. */
  private Journal.Entry ask(String part, int sample, ModelRequest request) {
    ModelSpec spec = provider.spec();
    String key = ReplyCache.key(spec, request);
    try {
      Journal.Entry old = journal.get(part, sample);
      if (old != null && old.requestKey().equals(key) && old.status() != Journal.Status.FAILED) {
        resumed.incrementAndGet();
        return counted(old);
      }
      if (options.cache() != null) {
        ModelReply hit = options.cache().get(key).orElse(null);
        if (hit != null) {
          cacheHits.incrementAndGet();
          return counted(record(part, sample, key, hit));
        }
      }
      double estimate = estimate(spec, request);
      if (!reserve(estimate)) {
        return null;
      }
      ModelReply reply;
      long sending = HttpTransport.threadSendNanos();
      try {
        requests.incrementAndGet();
        reply = provider.send(request);
      } catch (ProviderException e) {
        sendNanos.add(HttpTransport.threadSendNanos() - sending);
        release(estimate, Usage.NONE);
        if (!e.retryable() && isFatal(e.status())) {
          stopped.compareAndSet(null, "the provider refused the request: " + e.getMessage());
          return null;
        }
        Journal.Entry failed =
            new Journal.Entry(part, sample, key, Journal.Status.FAILED, e.getMessage(), null);
        journaled(failed);
        return counted(failed);
      }
      sendNanos.add(HttpTransport.threadSendNanos() - sending);
      release(estimate, reply.usage());
      if (options.cache() != null) {
        options.cache().put(key, reply);
      }
      return counted(record(part, sample, key, reply));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFatal(int status) {
    return status == 400 || status == 401 || status == 403 || status == 404;
  }

  private Journal.Entry record(String part, int sample, String key, ModelReply reply)
      throws IOException {
    Journal.Entry e =
        reply.refused()
            ? new Journal.Entry(part, sample, key, Journal.Status.REFUSED, reply.refusal(), reply)
            : new Journal.Entry(part, sample, key, Journal.Status.ANSWERED, null, reply);
    journaled(e);
    return e;
  }

  private void journaled(Journal.Entry e) throws IOException {
    long t0 = System.nanoTime();
    journal.put(e);
    journalNanos.add(System.nanoTime() - t0);
  }

  private Journal.Entry counted(Journal.Entry e) {
    done.incrementAndGet();
    report();
    return e;
  }

  private double estimate(ModelSpec spec, ModelRequest request) {
    long out = spec.maxOutputTokens() == null ? DEFAULT_OUTPUT_ESTIMATE : spec.maxOutputTokens();
    Double c = spec.cost(new Usage(request.chars() / 4 + 1, out));
    return c == null ? 0 : c;
  }

  private boolean reserve(double estimate) {
    synchronized (money) {
      if (stopped.get() != null) {
        return false;
      }
      if (options.maxCost() != null && spent + reserved + estimate > options.maxCost()) {
        stopped.compareAndSet(
            null,
            String.format(
                java.util.Locale.ROOT,
                "--max-cost $%.4f reached ($%.4f spent; the next request could cost up to $%.4f)",
                options.maxCost(),
                spent,
                estimate));
        return false;
      }
      reserved += estimate;
      return true;
    }
  }

  private void release(double estimate, Usage usage) {
    synchronized (money) {
      reserved -= estimate;
      spentUsage = spentUsage.plus(usage);
      Double c = provider.spec().cost(usage);
      spent += c == null ? 0 : c;
    }
  }

  private void report() {
    Usage u;
    double s;
    synchronized (money) {
      u = spentUsage;
      s = spent;
    }
    progress.update(
        done.get(), total, u, provider.spec().inputPrice() == null ? null : s, retries.get());
  }

  private AskResult finish() throws IOException {
    ResponseFile file = new ResponseFile(assignment, provider.spec(), options, journal);
    Path out = dir.resolve("responses").resolve(provider.spec().id() + ".yaml");
    file.write(out);
    Usage u;
    double s;
    synchronized (money) {
      u = spentUsage;
      s = spent;
    }
    return new AskResult(
        out,
        file.answered(),
        file.refused(),
        file.failed(),
        file.missing(),
        requests.get(),
        cacheHits.get(),
        resumed.get(),
        retries.get(),
        u,
        provider.spec().inputPrice() == null ? null : s,
        stopped.get());
  }
}
