package dev.hwgrade.cli;

import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.verify.VerifyStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hwgrade verify [FILE|-]}: JSON Lines in, one verdict line out per input line, in order.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Grades JSON Lines: each input line {id, kind?, key, response, question?, key_points?, "
          + "tolerance?, partial_within?, sigfigs?, unit?, matrices?, positive?, options?} gives one output line {id, verdict, "
          + "score, confidence, extracted, explanation, grader}, in the same order. A bad line gives a needs_review "
          + "line saying what is wrong; the stream never stops on one. With --judge, text lines are "
          + "graded by a model as judge, as by grade --judge."
    })
final class VerifyCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "A JSON Lines file, or - for standard input (the default).")
  String file;

  @Mixin GradingFlags flags;

  @Mixin JudgeFlags judge;

  VerifyCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    String problem = judge.problem();
    if (problem != null) {
      env.err().println("hwgrade: error: " + problem);
      return Main.USAGE;
    }
    GradingEngine engine;
    if (!judge.active()) {
      engine = flags.engine(spec);
    } else {
      try {
        // models.yaml of the working folder, then the user's; verify keeps no audit files.
        dev.hwgrade.grade.GradingOptions o = flags.options();
        engine = flags.engine(spec, judge.registry(judge.grader(Path.of("."), o, r -> {}), o));
      } catch (dev.hwgrade.llm.ModelConfigException | IllegalArgumentException e) {
        env.err().println("hwgrade: error: " + e.getMessage());
        return Main.USAGE;
      }
    }
    PrintStream out =
        new PrintStream(
            new java.io.BufferedOutputStream(new FailingOutput(env.out()), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    try (Reader in = open();
        Progress progress = Progress.start(env, "verify", -1)) {
      new VerifyStream(engine).run(in, out, progress::stepTo);
      return Main.OK;
    } catch (NoSuchFileException e) {
      env.err().println("hwgrade: error: " + file + ": no such file");
      return Main.USAGE;
    } catch (VerifyStream.OutputFailedException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.FAILURE;
    } catch (IOException e) {
      out.flush();
      env.err().println("hwgrade: error: cannot read " + file + ": " + e.getMessage());
      return Main.FAILURE;
    }
  }

  private Reader open() throws IOException {
    if (file.equals("-")) {
      return new InputStreamReader(env.in(), StandardCharsets.UTF_8);
    }
    // Malformed UTF-8 is replaced, not fatal: the line it spoils becomes a needs_review line.
    return new InputStreamReader(Files.newInputStream(Path.of(file)), StandardCharsets.UTF_8);
  }

  /**
   * Passes bytes to a {@link PrintStream} and turns the error it records into an exception, so a
   * full disk or a closed pipe stops the run instead of being swallowed.
   */
  private static final class FailingOutput extends java.io.OutputStream {
    private final PrintStream target;

    FailingOutput(PrintStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      check();
    }

    @Override
    public void flush() throws IOException {
      check();
    }

    private void check() throws IOException {
      if (target.checkError()) {
        throw new IOException("the output cannot be written");
      }
    }
  }
}
