package dev.hwgrade.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** The {@code hwgrade} command. Exit codes: 0 ok, 1 failure, 2 usage or input error. */
public final class Main {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    quietLogging();
    int code = main(StandardInput.open(), System.out, System.err, args);
    System.out.flush();
    System.err.flush();
    // Exit explicitly: the CAS leaves non-daemon threads that would keep the JVM alive.
    System.exit(code);
  }

  /**
   * The CAS logs through log4j2; the command line has no use for those messages. Set here, in the
   * process's entry point only, so that an application embedding hwgrade keeps its own logging.
   */
  private static void quietLogging() {
    setIfAbsent(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    setIfAbsent("log4j2.simplelogLevel", "OFF");
    setIfAbsent("log4j2.statusLoggerLevel", "OFF");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** Runs the command with the given streams and returns its exit code; never calls System.exit. */
  public static int main(InputStream in, PrintStream out, PrintStream err, String... args) {
    return run(new Env(in, out, err, Clock.systemUTC()), args);
  }

  /**
   * As {@link #main(InputStream, PrintStream, PrintStream, String...)} with an injected
   * environment.
   */
  public static int run(Env env, String... args) {
    CommandLine cl = new CommandLine(new HwgradeCommand(), new EnvFactory(env));
    cl.setOut(new PrintWriter(env.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(env.err(), true, StandardCharsets.UTF_8));
    cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(FAILURE);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("hwgrade: error: " + describe(ex));
          return FAILURE;
        });
    try {
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      env.err().println("hwgrade: error: " + describe(e));
      return FAILURE;
    }
  }

  static String describe(Throwable t) {
    return dev.hwgrade.load.IoMessages.describe(t);
  }
}
