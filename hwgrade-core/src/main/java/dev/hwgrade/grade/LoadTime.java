package dev.hwgrade.grade;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Time a grading computation spends loading a grader's heavy parts (the CAS, the embedding model),
 * kept apart from the part's time limit: the engine extends a part's limit by what it spent
 * loading, up to {@link GradingEngine#LOAD_LIMIT}, and says so when the part still runs over.
 * Graders mark their loading with {@link #measure}; outside the engine it simply runs the load.
 */
public final class LoadTime {
  private static final ThreadLocal<LoadTime> CURRENT = new ThreadLocal<>();

  private final AtomicLong loadedNanos = new AtomicLong();
  private volatile long loadingSince;
  private volatile String what = "";

  LoadTime() {}

  /** Runs {@code load} (which may block while another thread loads the same thing), timing it. */
  public static <T> T measure(String what, Supplier<T> load) {
    LoadTime t = CURRENT.get();
    if (t == null || t.loadingSince != 0) {
      return load.get();
    }
    long start = System.nanoTime();
    t.what = what;
    t.loadingSince = start;
    try {
      return load.get();
    } finally {
      t.loadingSince = 0;
      t.loadedNanos.addAndGet(System.nanoTime() - start);
    }
  }

  void attach() {
    CURRENT.set(this);
  }

  static void detach() {
    CURRENT.remove();
  }

  /** Nanoseconds spent loading up to {@code now}, including a load still in progress. */
  long nanos(long now) {
    long since = loadingSince;
    return loadedNanos.get() + (since == 0 ? 0 : Math.max(0, now - since));
  }

  /** What was loaded, for the explanation; empty when nothing was. */
  String what() {
    return what;
  }
}
