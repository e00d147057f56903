package dev.hwgrade.cli;

import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.web.PortInUseException;
import dev.hwgrade.web.ReviewServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hwgrade review DIR}: the local review web app, until interrupted (Ctrl-C). */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Opens a local web app on 127.0.0.1 to settle parts: a queue of the parts awaiting review,"
          + " then those where the models disagree, then the rest; each part with its question,"
          + " key, the model's reasoning and answer, and the graders' verdict. Verdicts are saved"
          + " at once to reviews/<model-id>.yaml, as `hwgrade settle` saves them.",
      "Shows the stored results (reports/<model-id>/results.json): run `hwgrade grade DIR` first,"
          + " and again afterwards to apply the reviews. Runs until Ctrl-C."
    })
final class ReviewCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The assignment folder.")
  Path dir;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port on 127.0.0.1 (default: a free one).")
  int port;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "ID",
      description = "Only this model (repeatable).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--reviewer",
      paramLabel = "NAME",
      description = "Who settles the parts (default: $USER, else \"reviewer\").")
  String reviewer;

  ReviewCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port: a port is a number from 0 to 65535, not " + port);
    }
    String who = reviewer;
    if (who == null || who.isBlank()) {
      String user = System.getenv("USER");
      who = user == null || user.isBlank() ? "reviewer" : user;
    }
    ReviewServer server;
    try {
      server =
          ReviewServer.start(new ReviewServer.Options(dir, models, who.strip(), env.clock(), port));
    } catch (InputException e) {
      // The same located problems as `validate` reports, keys included.
      List<Diagnostic> all = new ArrayList<>(e.diagnostics());
      if (e.assignment() != null) {
        all.addAll(KeyChecks.of(e.assignment(), e.diagnostics()));
      }
      Diagnostics.print(all, env.err());
      return Main.USAGE;
    } catch (PortInUseException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      env.err().println("hwgrade: error: cannot start the review app: " + Main.describe(e));
      return Main.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(server::close, "hwgrade-review-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    env.out().println("Reviewing " + dir + " as " + who.strip() + " at " + server.url());
    env.out().println("Open that address in a browser; Ctrl-C stops.");
    env.out().flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // The request to stop (an embedding program or a test interrupts the command's thread); the
      // flag is not set again, so that the server below stops cleanly rather than abort its stop.
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: the server is stopped either way
      }
    }
    return Main.OK;
  }
}
