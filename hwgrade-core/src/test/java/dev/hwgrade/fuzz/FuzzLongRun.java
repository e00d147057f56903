package dev.hwgrade.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The long fuzz run behind {@code bench/fuzz.sh}: for {@code -Dfuzz.minutes} (default 10) split
 * evenly over the readers in {@code -Dfuzz.targets} (default all), generates inputs, checks each,
 * shrinks every failure and writes it to {@code target/fuzz-failures/<reader>/}. Prints inputs/s,
 * failures and the largest heap seen per reader. Not part of the normal build (its name matches no
 * surefire pattern); run it by name or through {@code bench/fuzz.sh}.
 */
class FuzzLongRun {
  private static final long SHRINK_BUDGET_MS = 60_000;

  /** Runs from {@code bench/fuzz.sh}, outside surefire; exits 1 if any input failed. */
  public static void main(String[] args) throws IOException {
    int failures = new FuzzLongRun().fuzz();
    System.exit(failures == 0 ? 0 : 1);
  }

  @Test
  void run() throws IOException {
    assertThat(fuzz()).as("failures, see target/fuzz-failures/").isZero();
  }

  private int fuzz() throws IOException {
    double minutes = Double.parseDouble(System.getProperty("fuzz.minutes", "10"));
    String only = System.getProperty("fuzz.targets", "");
    List<FuzzTarget> targets = new ArrayList<>();
    for (FuzzTarget t : FuzzTarget.values()) {
      if (only.isBlank() || List.of(only.toLowerCase(Locale.ROOT).split(",")).contains(t.dir())) {
        targets.add(t);
      }
    }
    long perTargetMs = (long) (minutes * 60_000 / targets.size());
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    int totalFailures = 0;
    StringBuilder summary = new StringBuilder();
    for (FuzzTarget t : targets) {
      Iterator<String> inputs = FuzzInputs.of(t).sampleStream().iterator();
      System.gc();
      long heapStart = mem.getHeapMemoryUsage().getUsed();
      long maxHeap = heapStart;
      long n = 0;
      int failures = 0;
      java.util.Set<String> kinds = new java.util.HashSet<>();
      long start = System.nanoTime();
      long end = start + perTargetMs * 1_000_000;
      while (System.nanoTime() < end) {
        String input = inputs.next();
        n++;
        try {
          t.check(input);
        } catch (AssertionError e) {
          failures++;
          if (kinds.add(kindOf(e))) { // shrink and write the first failure of each kind
            record(t, input, e);
          }
        }
        if (n % 16 == 0) {
          maxHeap = Math.max(maxHeap, mem.getHeapMemoryUsage().getUsed());
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.gc();
      long heapEnd = mem.getHeapMemoryUsage().getUsed();
      String line =
          String.format(
              Locale.ROOT,
              "fuzz %-10s %8d inputs in %6.1f s = %8.1f inputs/s, %d failures,"
                  + " max heap %d MB, heap after GC %d MB -> %d MB%n",
              t.dir(),
              n,
              secs,
              n / secs,
              failures,
              maxHeap >> 20,
              heapStart >> 20,
              heapEnd >> 20);
      System.out.print(line);
      summary.append(line);
      totalFailures += failures;
    }
    Path out = Path.of("target", "fuzz-summary.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, summary.toString(), StandardCharsets.UTF_8);
    return totalFailures;
  }

  /** Shrinks a failing input by deleting chunks while it fails the same way, then writes it. */
  private static void record(FuzzTarget t, String input, AssertionError first) throws IOException {
    String kind = kindOf(first);
    String best = input;
    long deadline = System.currentTimeMillis() + SHRINK_BUDGET_MS;
    for (int chunk = Math.max(1, best.length() / 2);
        chunk >= 1 && System.currentTimeMillis() < deadline;
        chunk /= 2) {
      int i = 0;
      while (i < best.length() && System.currentTimeMillis() < deadline) {
        String candidate =
            best.substring(0, i) + best.substring(Math.min(best.length(), i + chunk));
        if (fails(t, candidate, kind)) {
          best = candidate;
        } else {
          i += chunk;
        }
      }
    }
    Path dir = Path.of("target", "fuzz-failures", t.dir());
    Files.createDirectories(dir);
    String name = String.format(Locale.ROOT, "%08x", best.hashCode());
    Files.writeString(dir.resolve(name + ".txt"), best, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(name + ".why"), first + "\n", StandardCharsets.UTF_8);
    System.out.println("fuzz " + t.dir() + " FAILED (" + first.getMessage() + "): " + name);
  }

  private static boolean fails(FuzzTarget t, String s, String kind) {
    try {
      t.check(s);
      return false;
    } catch (AssertionError e) {
      return kindOf(e).equals(kind);
    }
  }

  /** The exception class behind a failure, or the words before the first colon. */
  private static String kindOf(AssertionError e) {
    if (e.getCause() != null) {
      return e.getCause().getClass().getName();
    }
    String m = String.valueOf(e.getMessage());
    int colon = m.indexOf(':');
    return colon < 0 ? m : m.substring(0, colon);
  }
}
