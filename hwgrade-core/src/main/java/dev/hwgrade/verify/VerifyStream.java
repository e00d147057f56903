package dev.hwgrade.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.model.Grade;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Streams JSON Lines through the engine: at most a window of lines in flight, results written in
 * input order as soon as the oldest is done, so memory stays flat for any input size.
 */
public final class VerifyStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GradingEngine engine;
  private final int window;

  public VerifyStream(GradingEngine engine) {
    this.engine = engine;
    this.window = Math.max(8, engine.parallelism() * 8);
  }

  /** Counts of what a run did. */
  public record Stats(long lines, long invalid) {}

  /**
   * Grades every line of {@code in} and writes one result line per input line to {@code out}, in
   * order. A blank or over-long line gives a needs_review line saying so; the stream goes on.
   *
   * @throws OutputFailedException when {@code out} can no longer be written (a full disk, a closed
   *     pipe): the run stops there
   */
  public Stats run(Reader in, PrintStream out, java.util.function.LongConsumer progress)
      throws IOException {
    BoundedLineReader lines = new BoundedLineReader(in, VerifyLineParser.MAX_LINE);
    ArrayDeque<CompletableFuture<String>> pending = new ArrayDeque<>();
    java.util.concurrent.atomic.AtomicLong invalid = new java.util.concurrent.atomic.AtomicLong();
    long count = 0;
    long written = 0;
    // Lines are parsed and their final answers extracted on the readers, not on the thread that
    // reads the input: that work is as long as grading for short answers.
    java.util.concurrent.ExecutorService readers =
        java.util.concurrent.Executors.newFixedThreadPool(
            engine.parallelism(),
            r -> {
              Thread t = new Thread(r, "hwgrade-verify-reader");
              t.setDaemon(true);
              return t;
            });
    try {
      BoundedLineReader.Line line;
      while ((line = lines.next()) != null) {
        count++;
        BoundedLineReader.Line read = line;
        CompletableFuture<String> f =
            CompletableFuture.supplyAsync(() -> request(read), readers)
                .thenCompose(
                    req -> {
                      if (!req.isValid()) {
                        invalid.incrementAndGet();
                        return CompletableFuture.completedFuture(
                            render(req.id(), Grade.needsReview("", req.error(), "input")));
                      }
                      return engine
                          .submit(req.part(), req.answer())
                          .thenApply(g -> render(req.id(), g));
                    });
        pending.add(f);
        while (pending.size() >= window || (!pending.isEmpty() && pending.peek().isDone())) {
          out.println(pending.poll().join());
          if (++written % CHECK_EVERY == 0) {
            check(out, written);
          }
        }
        if (progress != null) {
          progress.accept(count);
        }
      }
      while (!pending.isEmpty()) {
        out.println(pending.poll().join());
        written++;
      }
    } finally {
      readers.shutdownNow();
    }
    check(out, written);
    return new Stats(count, invalid.get());
  }

  private static final int CHECK_EVERY = 64;

  private static VerifyRequest request(BoundedLineReader.Line line) {
    int number = (int) Math.min(Integer.MAX_VALUE, line.number());
    if (line.tooLong()) {
      return VerifyRequest.invalid(
          null,
          "line "
              + line.number()
              + " is "
              + line.length()
              + " characters long, more than the "
              + VerifyLineParser.MAX_LINE
              + " a line may have; it was skipped");
    }
    if (line.text().isBlank()) {
      return VerifyRequest.invalid(null, "line " + line.number() + " is blank");
    }
    return VerifyLineParser.parse(line.text(), number);
  }

  private static void check(PrintStream out, long written) throws OutputFailedException {
    if (out.checkError()) {
      throw new OutputFailedException(written);
    }
  }

  /** The output could not be written; the run stopped. */
  public static final class OutputFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputFailedException(long written) {
      super(
          "cannot write the output (the disk is full or the reader closed it); stopped after "
              + written
              + " result lines");
    }
  }

  static String render(String id, Grade g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("verdict", g.verdict().id());
    m.put("score", round(g.score()));
    m.put("confidence", round(g.confidence()));
    m.put("extracted", g.extracted());
    m.put("explanation", g.explanation());
    m.put("grader", g.grader());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }
}
