package dev.hwgrade.grade.expression;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "hwgrade-symja");
            t.setDaemon(true);
            return t;
          });
  private static final ThreadLocal<ExprEvaluator> EVALUATOR =
      ThreadLocal.withInitial(SymjaCas::newEvaluator);
  private static final long STARTUP_SECONDS = 20;
  private static volatile Future<?> startup;

  private SymjaCas() {}

  /** What Symja concluded. */
  enum Verdict {
    ZERO,
    NONZERO,
    UNKNOWN
  }

  private static ExprEvaluator newEvaluator() {
    synchronized (SymjaCas.class) {
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

  /** Starts Symja once; its start-up is not charged to the first comparison's time limit. */
  private static boolean started() {
    Future<?> s = startup;
    if (s == null) {
      synchronized (SymjaCas.class) {
        if (startup == null) {
          // every pool thread has its own evaluator: start each, so none is cold on first use
          java.util.concurrent.CountDownLatch all =
              new java.util.concurrent.CountDownLatch(THREADS);
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
                      // the kinds of call comparisons make, so their code is loaded and warm
                      ExprEvaluator ev = EVALUATOR.get();
                      ev.eval("Simplify(x-x)");
                      ev.eval("Simplify(Sin(Pi)+E^(-3)-E^(-4)+Sqrt(2)*x^2/(1+x))");
                      ev.eval("Sign(N(E^(-1000)-E^(-1001), 50))");
                    },
                    POOL);
          }
          startup = java.util.concurrent.CompletableFuture.allOf(each);
        }
        s = startup;
      }
    }
    try {
      s.get(STARTUP_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Whether {@code difference} (Symja syntax) simplifies to zero, within {@code millis}. */
  static Verdict simplifiesToZero(String difference, long millis) {
    if (millis <= 0 || !started()) {
      return Verdict.UNKNOWN;
    }
    ExprEvaluator[] running = new ExprEvaluator[1];
    Future<Verdict> f =
        POOL.submit(
            () -> {
              ExprEvaluator ev = EVALUATOR.get();
              running[0] = ev;
              ev.getEvalEngine().setStopRequested(false);
              IExpr r = ev.eval("Simplify(" + difference + ")");
              if (r.isZero()) {
                return Verdict.ZERO;
              }
              // The sign at 50 digits: a tiny difference such as e^{-1000} - e^{-1001} is not
              // rounded to zero.
              String sign = ev.eval("Sign(N(" + r + ", 50))").toString();
              return sign.equals("1") || sign.equals("-1") ? Verdict.NONZERO : Verdict.UNKNOWN;
            });
    try {
      return f.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ExprEvaluator ev = running[0];
      if (ev != null) {
        ev.getEvalEngine().stopRequest();
      }
      f.cancel(true);
      return Verdict.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Verdict.UNKNOWN;
    } catch (Exception | StackOverflowError e) {
      return Verdict.UNKNOWN;
    }
  }
}
