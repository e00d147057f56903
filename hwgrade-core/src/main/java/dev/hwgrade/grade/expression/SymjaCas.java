package dev.hwgrade.grade.expression;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Symja, used where evaluation at random points cannot decide (sums, products, functions the
 * evaluator does not know): it simplifies the difference of two expressions. Symja starts only on
 * first use (about two seconds), runs on its own daemon threads, and every call is bounded by a
 * time limit: on timeout the evaluation is asked to stop and the caller gets no answer.
 */
final class SymjaCas {
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final ThreadLocal<ExprEvaluator> EVALUATOR =
      ThreadLocal.withInitial(SymjaCas::newEvaluator);
  private static final long STARTUP_SECONDS = 20;

  /** How long a stopped evaluation may take to notice before its thread counts as stuck. */
  private static volatile long stopGraceMillis = 5_000;

  private static final java.util.concurrent.ScheduledExecutorService WATCH =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hwgrade-symja-watch");
            t.setDaemon(true);
            return t;
          });

  /** Pools replaced because every thread was stuck, before Symja is given up for this process. */
  static final int MAX_RESTARTS = 4;

  private static final Object LOCK = new Object();
  private static ExecutorService pool = newPool();
  private static int stuckInPool;
  private static int restarts;
  private static Future<?> startup;
  private static volatile String unavailable;

  private SymjaCas() {}

  /** What Symja concluded. */
  enum Verdict {
    ZERO,
    NONZERO,
    UNKNOWN
  }

  private static ExecutorService newPool() {
    return Executors.newFixedThreadPool(
        THREADS,
        r -> {
          Thread t = new Thread(r, "hwgrade-symja");
          t.setDaemon(true);
          return t;
        });
  }

  private static ExprEvaluator newEvaluator() {
    synchronized (LOCK) {
      // Symja keeps these limits in process-wide fields; hwgrade sets them once per evaluator
      // thread, to the same values, so that no single expression can exhaust memory.
      Config.FILESYSTEM_ENABLED = false;
      Config.MAX_AST_SIZE = 20_000;
      Config.MAX_BIT_LENGTH = 200_000;
      Config.MAX_POLYNOMIAL_DEGREE = 200;
      Config.JAS_NO_THREADS = true;
      Config.TIMECONSTRAINED_NO_THREAD = true;
    }
    // Symja reports problems by printing; hwgrade's output streams must stay clean.
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    EvalEngine engine = new EvalEngine("hwgrade", 256, 10_000, silent, silent, true);
    return new ExprEvaluator(engine, false, (short) 1);
  }

  /**
   * Why Symja is not used in this process, or null when it is: it failed to start, or it stopped
   * answering and was restarted {@value #MAX_RESTARTS} times.
   */
  static String unavailableReason() {
    return unavailable;
  }

  /**
   * Starts an evaluator on every thread of {@code pool} and runs the kinds of call comparisons
   * make, so that no thread is cold on first use.
   */
  private static Future<?> warmUp(ExecutorService pool) {
    java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(THREADS);
    java.util.concurrent.CompletableFuture<?>[] each =
        new java.util.concurrent.CompletableFuture<?>[THREADS];
    for (int i = 0; i < THREADS; i++) {
      each[i] =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                all.countDown();
                try {
                  all.await(STARTUP_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                ExprEvaluator ev = EVALUATOR.get();
                ev.eval("Simplify(x-x)");
                ev.eval("Simplify(Sin(Pi)+E^(-3)-E^(-4)+Sqrt(2)*x^2/(1+x))");
                ev.eval("Sign(N(E^(-1000)-E^(-1001), 50))");
              },
              pool);
    }
    return java.util.concurrent.CompletableFuture.allOf(each);
  }

  /** Starts Symja once; its start-up is not charged to the first comparison's time limit. */
  private static boolean started() {
    if (unavailable != null) {
      return false;
    }
    Future<?> s;
    synchronized (LOCK) {
      if (startup == null) {
        startup = warmUp(pool);
      }
      s = startup;
    }
    try {
      Future<?> starting = s;
      dev.hwgrade.grade.LoadTime.measure("the CAS (Symja)", () -> wait(starting));
      return true;
    } catch (StartupException e) {
      Throwable c = e.getCause();
      if (c instanceof InterruptedException || c instanceof TimeoutException) {
        return false; // interrupted, or still starting: this comparison goes without it
      }
      Throwable why = c.getCause() == null ? c : c.getCause();
      unavailable = "Symja failed to start: " + why;
      return false;
    }
  }

  private static Void wait(Future<?> starting) {
    try {
      starting.get(STARTUP_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException(e);
    } catch (Exception e) {
      throw new StartupException(e);
    }
  }

  /** Carries a start-up failure out of the timed load. */
  private static final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(Exception cause) {
      super(cause);
    }
  }

  /** Whether {@code difference} (Symja syntax) simplifies to zero, within {@code millis}. */
  static Verdict simplifiesToZero(String difference, long millis) {
    return call(
        ev -> {
          IExpr r = ev.eval("Simplify(" + difference + ")");
          if (r.isZero()) {
            return Verdict.ZERO;
          }
          // The sign at 50 digits: a tiny difference such as e^{-1000} - e^{-1001} is not
          // rounded to zero.
          String sign = ev.eval("Sign(N(" + r + ", 50))").toString();
          return sign.equals("1") || sign.equals("-1") ? Verdict.NONZERO : Verdict.UNKNOWN;
        },
        millis);
  }

  /**
   * Runs {@code body} on a Symja thread within {@code millis}; UNKNOWN when it fails, times out or
   * Symja is not available. A timed-out body is asked to stop; see {@link #awaitOrRestart}.
   */
  static Verdict call(java.util.function.Function<ExprEvaluator, Verdict> body, long millis) {
    if (millis <= 0 || !started()) {
      return Verdict.UNKNOWN;
    }
    AtomicReference<ExprEvaluator> running = new AtomicReference<>();
    // 0: waiting in the queue; 1: started; 2: abandoned before it started (it never will).
    java.util.concurrent.atomic.AtomicInteger state =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean abandoned =
        new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    ExecutorService mine;
    synchronized (LOCK) {
      mine = pool;
    }
    Future<Verdict> f;
    try {
      f =
          mine.submit(
              () -> {
                if (!state.compareAndSet(0, 1)) {
                  return Verdict.UNKNOWN;
                }
                try {
                  ExprEvaluator ev = EVALUATOR.get();
                  ev.getEvalEngine().setStopRequested(false);
                  running.set(ev);
                  // Abandoned while the evaluator was being made: the stop request may have
                  // missed it, so stop here.
                  return abandoned.get() ? Verdict.UNKNOWN : body.apply(ev);
                } finally {
                  finished.countDown();
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return Verdict.UNKNOWN; // the pool was replaced meanwhile
    }
    try {
      return f.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (state.compareAndSet(0, 2)) {
        f.cancel(false); // still queued: it will not run, and holds no thread
        return Verdict.UNKNOWN;
      }
      abandoned.set(true);
      ExprEvaluator ev = running.get();
      if (ev != null) {
        ev.getEvalEngine().stopRequest();
      }
      f.cancel(true);
      awaitOrRestart(mine, finished);
      return Verdict.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Verdict.UNKNOWN;
    } catch (Exception | StackOverflowError e) {
      return Verdict.UNKNOWN;
    }
  }

  /** How many times the pool was replaced because every thread was stuck. */
  static int restarts() {
    synchronized (LOCK) {
      return restarts;
    }
  }

  /**
   * For tests: a fresh pool, no restarts counted, Symja available again, and how long a stopped
   * evaluation may take before its thread counts as stuck.
   */
  static void reset(long graceMillis) {
    synchronized (LOCK) {
      pool.shutdownNow();
      pool = newPool();
      startup = null;
      restarts = 0;
      stuckInPool = 0;
      unavailable = null;
      stopGraceMillis = graceMillis;
    }
  }

  /**
   * After a stop request: a thread that does not come back soon is stuck in a call that ignores
   * cancellation. When every thread of the pool is stuck, the pool is replaced (the stuck threads
   * are abandoned) so later comparisons are not all timed out; after {@value #MAX_RESTARTS}
   * replacements Symja is given up for the process, and {@link #unavailableReason()} says so.
   */
  private static void awaitOrRestart(ExecutorService of, CountDownLatch finished) {
    WATCH.schedule(
        () -> {
          if (finished.getCount() > 0) {
            stuck(of);
          }
        },
        stopGraceMillis,
        TimeUnit.MILLISECONDS);
  }

  private static void stuck(ExecutorService of) {
    synchronized (LOCK) {
      if (of != pool) {
        return;
      }
      if (++stuckInPool < THREADS) {
        return;
      }
      pool.shutdownNow();
      restarts++;
      stuckInPool = 0;
      if (restarts >= MAX_RESTARTS) {
        unavailable =
            "Symja stopped answering: its threads were stuck past the time limit "
                + restarts
                + " times, so it is no longer used in this run";
        return;
      }
      pool = newPool();
      startup = null;
    }
  }
}
