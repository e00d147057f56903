package dev.hwgrade.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr for long runs: a progress bar on a terminal, nothing when stderr is a file or
 * a pipe (so logs and tests stay clean).
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A progress display for {@code total} steps (-1 when unknown), or a silent one. */
  static Progress start(Env env, String task, long total) {
    if (System.console() == null || env.err() != System.err) {
      return new Progress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(env.err(), true)))
            .setUpdateIntervalMillis(200)
            .build();
    return new Progress(bar);
  }

  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  void stepTo(long n) {
    if (bar != null) {
      bar.stepTo(n);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
