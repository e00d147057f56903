package dev.hwgrade.cli;

import dev.hwgrade.llm.AskOptions;
import dev.hwgrade.llm.AskProgress;
import dev.hwgrade.llm.AskResult;
import dev.hwgrade.llm.AskRun;
import dev.hwgrade.llm.ChatProvider;
import dev.hwgrade.llm.LangchainProvider;
import dev.hwgrade.llm.ModelCatalog;
import dev.hwgrade.llm.ModelConfigException;
import dev.hwgrade.llm.ModelSpec;
import dev.hwgrade.llm.Prompts;
import dev.hwgrade.llm.ReplyCache;
import dev.hwgrade.llm.RetryingProvider;
import dev.hwgrade.llm.Usage;
import dev.hwgrade.load.AssignmentReader;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.model.Assignment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hwgrade ask DIR --model SPEC}: puts the assignment to models and writes their responses.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Puts the assignment to language models and writes responses/<model-id>.yaml, ready for"
          + " grade. A model is provider:model (openai, anthropic, gemini) or an id defined in"
          + " models.yaml (the assignment folder's, then ~/.config/hwgrade/models.yaml). API keys"
          + " are read from the environment only. A run that is interrupted and run again asks"
          + " only what is missing; replies are cached by content (--no-cache to bypass)."
    })
final class AskCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(index = "0", paramLabel = "DIR", description = "The assignment folder.")
  Path dir;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "SPEC",
      required = true,
      description = "provider:model or a models.yaml id (repeatable).")
  List<String> models = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  static final class Mode {
    @Option(
        names = "--per-part",
        description = "One conversation per problem, its parts asked in order (the default).")
    boolean perPart;

    @Option(names = "--whole", description = "The whole assignment in one request.")
    boolean whole;
  }

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "1",
      description = "Ask each part N times (default 1); the response keeps every sample.")
  int samples;

  @Option(
      names = "--dry-run",
      description = "Print the prompts and the request count; ask nothing.")
  boolean dryRun;

  @Option(names = "--no-cache", description = "Neither read nor write the reply cache.")
  boolean noCache;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "The reply cache (default $XDG_CACHE_HOME/hwgrade/replies or ~/.cache/hwgrade/replies).")
  Path cacheDir;

  @Option(
      names = "--max-cost",
      paramLabel = "USD",
      description = "Stop before this run's spending could exceed this many US dollars.")
  Double maxCost;

  @Option(
      names = "--system-prompt",
      paramLabel = "FILE",
      description = "A template replacing the system prompt.")
  Path systemPrompt;

  @Option(
      names = "--user-prompt",
      paramLabel = "FILE",
      description =
          "A template replacing the user message (a part's, or the assignment's with --whole).")
  Path userPrompt;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "5",
      description = "Retries of a request after a 429, 5xx, timeout or reset (default 5).")
  int retries;

  @Option(
      names = "--backoff-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "The first retry's backoff; it doubles each time, with jitter (default 1000).")
  long backoffMs;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Per-request timeout, overriding the model's (default 300).")
  Double timeoutSeconds;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Requests in flight at once per model, overriding the model's (default 4).")
  Integer concurrency;

  AskCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Assignment assignment = readAssignment();
    if (assignment == null) {
      return Main.USAGE;
    }
    Prompts prompts;
    List<ModelSpec> specs = new ArrayList<>();
    try {
      prompts = new Prompts(mode.whole, template(systemPrompt), template(userPrompt));
      ModelCatalog catalog = ModelCatalog.read(ModelCatalog.defaultFiles(dir));
      for (String m : models) {
        specs.add(override(catalog.resolve(m)));
      }
    } catch (ModelConfigException | IllegalArgumentException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      env.err().println("hwgrade: error: " + Main.describe(e));
      return Main.USAGE;
    }
    if (samples < 1) {
      env.err().println("hwgrade: error: --samples must be at least 1");
      return Main.USAGE;
    }
    if (dryRun) {
      return new DryRun(env.out(), assignment, prompts, samples).print(specs);
    }
    // Every key is checked before the first request of any model.
    List<String> keys = new ArrayList<>();
    for (ModelSpec s : specs) {
      String key;
      try {
        key = s.apiKeyFromEnvironment();
      } catch (dev.hwgrade.llm.ModelConfigException e) {
        env.err().println("hwgrade: error: model " + s.id() + ": " + e.getMessage());
        return Main.USAGE;
      }
      if (maxCost != null && (s.inputPrice() == null || s.outputPrice() == null)) {
        env.err()
            .println(
                "hwgrade: error: model "
                    + s.id()
                    + ": --max-cost needs its prices (price_input, price_output in models.yaml)");
        return Main.USAGE;
      }
      keys.add(key);
    }
    ReplyCache cache =
        noCache ? null : new ReplyCache(cacheDir != null ? cacheDir : ReplyCache.defaultDir());
    AskOptions options =
        new AskOptions(
            prompts,
            samples,
            cache,
            maxCost,
            new RetryingProvider.Policy(
                retries + 1, Duration.ofMillis(Math.max(1, backoffMs)), Duration.ofSeconds(60)));
    boolean ok = true;
    for (int i = 0; i < specs.size(); i++) {
      ModelSpec s = specs.get(i);
      ChatProvider provider = new LangchainProvider(s, keys.get(i));
      AskResult r;
      try {
        r = new AskRun(dir, assignment, provider, options, new ProgressLine(s.id())).run();
      } catch (IOException e) {
        env.err().println("hwgrade: error: model " + s.id() + ": " + Main.describe(e));
        ok = false;
        continue;
      }
      summarise(s, r);
      ok &= r.complete();
      if (r.stopped() != null && r.stopped().startsWith("the provider refused")) {
        break; // a bad key or model: the run stops with the provider's message
      }
    }
    return ok ? Main.OK : Main.FAILURE;
  }

  private Assignment readAssignment() {
    Path file = dir.resolve("assignment.yaml");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      env.err().println("hwgrade: error: " + file + ": " + Main.describe(e));
      return null;
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Assignment a = AssignmentReader.read(file.toString(), text, diagnostics);
    boolean errors = false;
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        env.err().println(d);
        errors = true;
      }
    }
    return errors ? null : a;
  }

  private static String template(Path file) throws IOException {
    return file == null ? null : Files.readString(file, StandardCharsets.UTF_8);
  }

  private ModelSpec override(ModelSpec s) {
    if (timeoutSeconds == null && concurrency == null) {
      return s;
    }
    return new ModelSpec(
        s.id(),
        s.provider(),
        s.model(),
        s.baseUrl(),
        s.apiKeyVariable(),
        s.temperature(),
        s.maxOutputTokens(),
        s.reasoningEffort(),
        s.seed(),
        s.inputPrice(),
        s.outputPrice(),
        concurrency != null ? concurrency : s.concurrency(),
        timeoutSeconds != null
            ? Duration.ofMillis(Math.round(timeoutSeconds * 1000))
            : s.timeout());
  }

  private void summarise(ModelSpec s, AskResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d answered, %d refused, %d failed, %d not asked; %d requests, %d from the cache,"
                + " %d from an earlier run, %d retries; %s",
            s.id(),
            r.answered(),
            r.refused(),
            r.failed(),
            r.missing(),
            r.requests(),
            r.cacheHits(),
            r.resumed(),
            r.retries(),
            tokens(r.usage(), r.cost())));
    sb.append("\n  wrote ").append(r.responseFile());
    if (r.stopped() != null) {
      sb.append("\n  stopped: ").append(r.stopped());
    }
    if (r.failed() > 0) {
      sb.append("\n  failed parts are graded needs_review; run ask again to retry them");
    }
    env.err().println(sb);
  }

  static String tokens(Usage u, Double cost) {
    return String.format(
        Locale.ROOT,
        "%,d tokens in, %,d out%s",
        u.inputTokens(),
        u.outputTokens(),
        cost == null ? "" : String.format(Locale.ROOT, ", $%.4f", cost));
  }

  /** The progress line on stderr, rewritten at most twice a second. */
  private final class ProgressLine implements AskProgress {
    private final String id;
    private long last;

    ProgressLine(String id) {
      this.id = id;
    }

    @Override
    public synchronized void update(int done, int total, Usage usage, Double cost, int retries) {
      long now = System.nanoTime();
      if (done < total && now - last < 500_000_000L) {
        return;
      }
      last = now;
      env.err()
          .printf(
              Locale.ROOT,
              "ask %s: %d/%d parts, %s, %d retries%n",
              id,
              done,
              total,
              tokens(usage, cost),
              retries);
    }
  }
}
