package dev.hwgrade.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forces files to the disk in batches in the background, so that a request's thread never waits for
 * the disk. A file handed here is already complete in the file system (written aside and renamed):
 * a process killed at any instant loses nothing. Only a power loss or an operating system crash can
 * lose what was written in the last interval, and a file left damaged by one is read as missing and
 * asked again. {@link #flush()} forces whatever is pending before returning.
 *
 * <p>A batch's files are forced several at a time: the file system commits concurrent forces
 * together, so a batch costs little more than one.
 */
final class DiskSync implements AutoCloseable {
  /** Files forced at once. */
  static final int PARALLEL = 8;

  private final long intervalNanos;
  private final Object queue = new Object();
  private final Object forcing = new Object();
  private Set<Path> pending = new LinkedHashSet<>();
  private Thread thread;
  private ExecutorService forcers;
  private boolean closed;
  private IOException failure;

  DiskSync(Duration interval) {
    this.intervalNanos = Math.max(1, interval.toNanos());
  }

  /** A file just written (and renamed into place) that is to reach the disk soon. */
  void written(Path file) {
    synchronized (queue) {
      pending.add(file.toAbsolutePath());
      if (thread == null && !closed) {
        forcers =
            Executors.newFixedThreadPool(
                PARALLEL,
                r -> {
                  Thread t = new Thread(r, "hwgrade-disk-force");
                  t.setDaemon(true);
                  return t;
                });
        thread = new Thread(this::loop, "hwgrade-disk-sync");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  /** Whether the background thread is running. */
  boolean running() {
    synchronized (queue) {
      return thread != null && thread.isAlive();
    }
  }

  /** Forces every file handed so far, including a batch the background thread is forcing. */
  void flush() throws IOException {
    synchronized (forcing) {
      forcePending();
      if (failure != null) {
        IOException f = failure;
        failure = null;
        throw f;
      }
    }
  }

  /** Stops the background threads and forces what is pending. */
  @Override
  public void close() throws IOException {
    Thread t;
    synchronized (queue) {
      closed = true;
      t = thread;
      queue.notifyAll();
    }
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      flush();
    } finally {
      synchronized (queue) {
        if (forcers != null) {
          forcers.shutdown();
        }
      }
    }
  }

  private void loop() {
    long next = System.nanoTime() + intervalNanos;
    while (true) {
      synchronized (queue) {
        long wait;
        while (!closed && (wait = next - System.nanoTime()) > 0) {
          try {
            queue.wait(Math.max(1, wait / 1_000_000));
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
      }
      // the interval runs from the start of a batch: a slow disk is not waited for twice
      next = System.nanoTime() + intervalNanos;
      synchronized (forcing) {
        try {
          forcePending();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          }
        }
      }
    }
  }

  /** Called holding {@code forcing}: each file, then each folder that holds one. */
  private void forcePending() throws IOException {
    Set<Path> batch;
    ExecutorService pool;
    synchronized (queue) {
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new LinkedHashSet<>();
      pool = forcers == null || forcers.isShutdown() ? null : forcers;
    }
    Set<Path> dirs = new LinkedHashSet<>();
    List<Future<?>> forced = new ArrayList<>();
    for (Path f : batch) {
      dirs.add(f.getParent());
      if (pool == null) {
        force(f);
      } else {
        forced.add(
            pool.submit(
                () -> {
                  try {
                    force(f);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
    }
    IOException first = null;
    for (Future<?> f : forced) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first =
              e.getCause() instanceof UncheckedIOException u
                  ? u.getCause()
                  : new IOException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while forcing files to the disk", e);
      }
    }
    if (first != null) {
      throw first;
    }
    for (Path d : dirs) {
      try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
        ch.force(true);
      } catch (IOException e) {
        // a file system that cannot force a folder (Windows) keeps the rename its own way
      }
    }
  }

  private static void force(Path f) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (NoSuchFileException gone) {
      // removed since: nothing left to keep
    }
  }
}
