package dev.hwgrade.fuzz;

import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.extract.TranscriptSplit;
import dev.hwgrade.extract.TranscriptSplitter;
import dev.hwgrade.extract.TranscriptTooLargeException;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.latex.LatexCleaner;
import dev.hwgrade.latex.MathParser;
import dev.hwgrade.latex.MathSyntaxException;
import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.YamlReader;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.SourceLocation;
import dev.hwgrade.quantity.NumericExpression;
import dev.hwgrade.quantity.QuantityScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One reader of untrusted text, run through its public entry points. {@link #check} accepts only a
 * well-formed result (a grade with a verdict, a score in [0, 1] and an explanation; a parse tree or
 * a {@link MathSyntaxException}; a located {@link InputException}) and throws {@link
 * AssertionError} for anything else.
 */
enum FuzzTarget {
  EXPRESSION,
  QUANTITY,
  TRANSCRIPT,
  YAML;

  /** How long one input may take, grading included; the engine's own limit is shorter. */
  static final Duration LIMIT = Duration.ofSeconds(20);

  private static final List<String> EXPRESSION_KEYS =
      List.of("x^2+1", "\\frac{1}{2}", "2\\sqrt{3}", "k(m+l)", "x = 2, -3");
  private static final List<String> QUANTITY_KEYS =
      List.of("5 m/s", "9.81 m/s^2", "1.2e-3 mol", "4 GB", "25 %");
  private static final List<String> PART_IDS = List.of("1a", "1b", "2", "3.c");

  private static final class Engine {
    static final GradingEngine ENGINE =
        GradingEngine.builder()
            .options(GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(5)))
            .parallelism(2)
            .build();
  }

  private static final ExecutorService RUNNER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
          });

  /** The directory name of this reader's corpus under {@code src/test/resources/fuzz/}. */
  String dir() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Runs the input within {@link #LIMIT}; throws AssertionError on a crash or a hang. */
  void check(String input) {
    Future<?> f = RUNNER.submit(() -> run(input));
    try {
      f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(this + ": no result within " + LIMIT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError(this + ": " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private void run(String s) {
    switch (this) {
      case EXPRESSION -> expression(s);
      case QUANTITY -> quantity(s);
      case TRANSCRIPT -> transcript(s);
      case YAML -> yaml(s);
    }
  }

  private static void expression(String s) {
    String cleaned = LatexCleaner.clean(s);
    require(cleaned != null, "LatexCleaner.clean returned null");
    try {
      require(MathParser.parse(cleaned) != null, "MathParser.parse returned null");
    } catch (MathSyntaxException e) {
      require(e.getMessage() != null && !e.getMessage().isBlank(), "syntax error without message");
    }
    String key = EXPRESSION_KEYS.get(Math.floorMod(s.hashCode(), EXPRESSION_KEYS.size()));
    grade(Kind.EXPRESSION, key, s);
    grade(Kind.EXPRESSION, s, "x^2+1");
  }

  private static void quantity(String s) {
    QuantityScanner.Scan scan = QuantityScanner.shared().scan(s);
    require(scan != null && scan.text() != null && scan.amounts() != null, "malformed scan");
    int steps = 0;
    for (int i = 0; i < s.length() && steps < 64; i++) {
      if (NumericExpression.startsAt(s, i)) {
        steps++;
        NumericExpression.Result r = NumericExpression.read(s, i);
        require(r != null && r.status() != null, "NumericExpression.read returned no status");
        require(r.start() >= 0 && r.end() <= s.length(), "result range outside the text: " + r);
        NumericExpression.continuesAt(s, Math.max(r.end(), i));
      }
    }
    NumericExpression.firstUnevaluable(s);
    String key = QUANTITY_KEYS.get(Math.floorMod(s.hashCode(), QUANTITY_KEYS.size()));
    grade(Kind.NUMERIC, key, s);
    grade(Kind.NUMERIC, s, "5 m/s");
  }

  private static void transcript(String s) {
    try {
      TranscriptSplit split = new TranscriptSplitter(PART_IDS).split("t.md", s);
      require(split != null && split.answers() != null && split.warnings() != null, "no split");
      for (String id : split.answers().keySet()) {
        require(PART_IDS.contains(id), "answer for a part not asked: " + id);
      }
    } catch (TranscriptTooLargeException e) {
      require(s.length() > 100_000, "a short transcript called too large: " + s.length());
    }
    FinalAnswerExtractor.extract(s);
    FinalAnswerExtractor.extractMarked(s);
    FinalAnswerExtractor.lastBoxed(s);
    require(
        FinalAnswerExtractor.answer("1a", s, SourceLocation.UNKNOWN) != null,
        "FinalAnswerExtractor.answer returned null");
  }

  private static void yaml(String s) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    YamlReader.read("a.yaml", s, diagnostics);
    diagnostics.forEach(FuzzTarget::requireLocated);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("hwgrade-fuzz");
      Files.createDirectories(dir.resolve("responses"));
      // The input as the key file with a good response, and as the response to a good key.
      Files.writeString(dir.resolve("assignment.yaml"), s, StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("responses/m.yaml"),
          "model: m\nanswers:\n  \"1.a\": {answer: \"5\"}\n",
          StandardCharsets.UTF_8);
      load(dir);
      Files.writeString(
          dir.resolve("assignment.yaml"),
          "id: x\nproblems:\n  - id: \"1\"\n    parts:\n      - id: a\n        question: q\n"
              + "        key: {kind: numeric, answer: \"5 m\"}\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("responses/m.yaml"), s, StandardCharsets.UTF_8);
      load(dir);
      Files.delete(dir.resolve("responses/m.yaml"));
      Files.writeString(dir.resolve("responses/m.md"), s, StandardCharsets.UTF_8);
      load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void load(Path dir) {
    try {
      require(AssignmentLoader.load(dir, Set.of()) != null, "AssignmentLoader.load returned null");
    } catch (InputException e) {
      require(!e.diagnostics().isEmpty(), "InputException without diagnostics");
      e.diagnostics().forEach(FuzzTarget::requireLocated);
    }
  }

  private static void requireLocated(Diagnostic d) {
    require(d.location() != null && d.location().file() != null, "diagnostic without a place");
    require(d.message() != null && !d.message().isBlank(), "diagnostic without a message");
  }

  private static void grade(Kind kind, String key, String response) {
    Part part = Part.adHoc("p", "", Key.of(kind, key));
    Grade g = Engine.ENGINE.grade(part, Answer.of("p", response));
    require(g != null && g.verdict() != null, "no verdict");
    require(g.score() >= 0 && g.score() <= 1, "score outside [0, 1]: " + g.score());
    String why = g.explanation();
    require(why != null && !why.isBlank(), "no explanation");
    // The engine turns a grader's exception or malformed grade into needs_review; for the fuzz
    // run that is a crash all the same.
    require(!why.contains(" grader failed: "), "grader crashed: " + why);
    require(!why.startsWith("grader '"), "malformed grade: " + why);
    require(!why.contains("earlier computations are still running"), "runaway: " + why);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
