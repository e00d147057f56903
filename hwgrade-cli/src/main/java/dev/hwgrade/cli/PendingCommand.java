package dev.hwgrade.cli;

import dev.hwgrade.review.ReviewException;
import dev.hwgrade.review.Reviewing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hwgrade pending DIR}: the parts awaiting a person's review. */
@Command(
    name = "pending",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the parts awaiting review — needs_review verdicts and stale reviews — from the stored "
          + "results (reports/<model-id>/results.json); it does not grade. One line per part: "
          + "model, part, what waits, the answer read and the key."
    })
final class PendingCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(index = "0", paramLabel = "DIR", description = "The assignment folder.")
  Path dir;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "ID",
      description = "Only this model (repeatable).")
  List<String> models = new ArrayList<>();

  PendingCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<Reviewing.Pending> pending;
    try {
      pending = new Reviewing(dir, env.clock()).pending(models);
    } catch (ReviewException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      env.err().println("hwgrade: error: " + Main.describe(e));
      return Main.FAILURE;
    }
    for (Reviewing.Pending p : pending) {
      env.out()
          .printf(
              "%s\t%s\t%s\tanswer: %s\tkey: %s%n",
              p.modelId(),
              p.part().id(),
              oneLine(p.reason()),
              oneLine(p.part().extracted()),
              oneLine(p.part().key()));
    }
    env.err()
        .println(
            pending.size()
                + (pending.size() == 1 ? " part awaits" : " parts await")
                + " review"
                + (pending.isEmpty()
                    ? ""
                    : "; settle each with: hwgrade settle "
                        + dir
                        + " --model ID --part PART --verdict VERDICT"));
    return Main.OK;
  }

  private static String oneLine(String s) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
    return t.length() > 160 ? t.substring(0, 159) + "…" : t;
  }
}
