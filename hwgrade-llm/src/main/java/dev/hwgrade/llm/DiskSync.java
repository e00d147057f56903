package dev.hwgrade.llm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Forces files to the disk in batches on one background thread, so that a request's thread never
 * waits for the disk. A file handed here is already complete in the file system (written aside and
 * renamed): a process killed at any instant loses nothing. Only a power loss or an operating system
 * crash can lose what was written in the last interval, and a file left damaged by one is read as
 * missing and asked again. {@link #flush()} forces whatever is pending before returning.
 */
final class DiskSync implements AutoCloseable {
  private final long intervalMillis;
  private final Object queue = new Object();
  private final Object forcing = new Object();
  private Set<Path> pending = new LinkedHashSet<>();
  private Thread thread;
  private boolean closed;
  private IOException failure;

  DiskSync(Duration interval) {
    this.intervalMillis = Math.max(1, interval.toMillis());
  }

  /** A file just written (and renamed into place) that is to reach the disk soon. */
  void written(Path file) {
    synchronized (queue) {
      pending.add(file.toAbsolutePath());
      if (thread == null && !closed) {
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

  /** Stops the background thread and forces what is pending. */
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
    flush();
  }

  private void loop() {
    while (true) {
      synchronized (queue) {
        if (!closed) {
          try {
            queue.wait(intervalMillis);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
      }
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
    synchronized (queue) {
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new LinkedHashSet<>();
    }
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path f : batch) {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
        ch.force(true);
      } catch (NoSuchFileException gone) {
        continue; // removed since: nothing left to keep
      }
      dirs.add(f.getParent());
    }
    for (Path d : dirs) {
      try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
        ch.force(true);
      } catch (IOException e) {
        // a file system that cannot force a folder (Windows) keeps the rename its own way
      }
    }
  }
}
