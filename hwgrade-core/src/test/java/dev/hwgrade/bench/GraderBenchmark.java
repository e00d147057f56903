package dev.hwgrade.bench;

import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.verify.VerifyLineParser;
import dev.hwgrade.verify.VerifyRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-answer cost of the graders through the engine, as {@code verify} and {@code grade} pay it:
 * one numeric answer with units, one expression that needs expanding, one choice, one true/false,
 * and one verify line parsed and graded. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraderBenchmark {
  private GradingEngine engine;
  private Part numeric;
  private Part expression;
  private Part choice;
  private Part bool;
  private String verifyLine;

  @Setup(Level.Trial)
  public void setUp() {
    engine = GradingEngine.builder().parallelism(1).build();
    numeric = Part.adHoc("n", "", Key.builder(Kind.NUMERIC).answer("2.4 MB/token").build());
    expression = Part.adHoc("e", "", Key.of(Kind.EXPRESSION, "4k(m+l)"));
    choice =
        Part.adHoc(
            "c",
            "",
            Key.builder(Kind.CHOICE)
                .answer("B")
                .options(Map.of("A", "increase", "B", "decrease", "C", "no change"))
                .build());
    bool = Part.adHoc("b", "", Key.of(Kind.BOOLEAN, "false"));
    verifyLine = "{\"id\":\"q1\",\"key\":\"\\\\frac{1}{2}\",\"response\":\"The answer is $0.5$.\"}";
    // Load each grader once, outside the measurement.
    numeric();
    expression();
    choice();
    bool();
    verifyLine();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public Grade numeric() {
    return engine.grade(numeric, Answer.of("n", "~2,359,296 bytes per token"));
  }

  @Benchmark
  public Grade expression() {
    return engine.grade(expression, Answer.of("e", "The memory is $4km + 4kl$ bytes"));
  }

  @Benchmark
  public Grade choice() {
    return engine.grade(choice, Answer.of("c", "**Answer: (B)** because the gap shrinks."));
  }

  @Benchmark
  public Grade bool() {
    return engine.grade(bool, Answer.of("b", "**False.** The rank can only go down."));
  }

  @Benchmark
  public Grade verifyLine() {
    VerifyRequest r = VerifyLineParser.parse(verifyLine, 1);
    return engine.grade(r.part(), r.answer());
  }
}
