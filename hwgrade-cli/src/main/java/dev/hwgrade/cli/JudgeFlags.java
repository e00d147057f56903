package dev.hwgrade.cli;

import dev.hwgrade.grade.GraderRegistry;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.judge.JudgeGrader;
import dev.hwgrade.grade.judge.JudgeModel;
import dev.hwgrade.grade.judge.JudgeRecord;
import dev.hwgrade.grade.judge.ReviewJudging;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.llm.LangchainProvider;
import dev.hwgrade.llm.ModelCatalog;
import dev.hwgrade.llm.ModelConfigException;
import dev.hwgrade.llm.ModelSpec;
import dev.hwgrade.llm.ProviderJudge;
import dev.hwgrade.llm.ReplyCache;
import dev.hwgrade.llm.RetryingProvider;
import dev.hwgrade.model.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options of every command that can grade with a model as judge ({@code grade}, … ). */
final class JudgeFlags {
  @Option(
      names = "--judge",
      paramLabel = "SPEC",
      description =
          "Grade text parts with this model as judge against the key's points (provider:model or"
              + " an id of models.yaml; repeatable, one vote each).")
  List<String> judges = new ArrayList<>();

  @Option(
      names = "--judge-votes",
      paramLabel = "N",
      defaultValue = "1",
      description = "Replies asked of each judge per part (default: ${DEFAULT-VALUE}).")
  int votes;

  @Option(
      names = "--judge-all-review",
      description =
          "The judge also grades every part another grader left at needs_review (on the key's"
              + " answer as its one required point).")
  boolean allReview;

  @Option(names = "--no-cache", description = "Neither read nor write the judge's reply cache.")
  boolean noCache;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "The reply cache (default $XDG_CACHE_HOME/hwgrade/replies or ~/.cache/hwgrade/replies).")
  Path cacheDir;

  @Option(
      names = "--models",
      paramLabel = "FILE",
      description =
          "A models.yaml naming the judges, read before the usual ones (the assignment's folder,"
              + " or the working folder for verify and bench, then the user's).")
  Path modelsFile;

  /** The judges asked, once {@link #registry} has built them. */
  final List<ProviderJudge> models = new ArrayList<>();

  /** Whether a judge was asked for. */
  boolean active() {
    return !judges.isEmpty();
  }

  /** A usage problem of these flags, or null. */
  String problem() {
    if (!active() && (allReview || votes != 1)) {
      return (allReview ? "--judge-all-review" : "--judge-votes") + " needs --judge";
    }
    if (votes < 1) {
      return "--judge-votes must be at least 1";
    }
    return null;
  }

  /**
   * The judge: the models named, each through retries and the reply cache, the offline text grader
   * cross-checking.
   *
   * @param catalogDir where {@code models.yaml} is looked for first
   */
  JudgeGrader grader(Path catalogDir, GradingOptions o, Consumer<JudgeRecord> audit)
      throws ModelConfigException {
    return grader(catalogDir, o, audit, true);
  }

  /** The judge, with or without the offline text grader cross-checking. */
  JudgeGrader grader(
      Path catalogDir, GradingOptions o, Consumer<JudgeRecord> audit, boolean crossCheck)
      throws ModelConfigException {
    List<Path> files = new ArrayList<>();
    if (modelsFile != null) {
      if (!java.nio.file.Files.isRegularFile(modelsFile)) {
        throw new ModelConfigException(modelsFile + ": no such file");
      }
      files.add(modelsFile);
    }
    files.addAll(ModelCatalog.defaultFiles(catalogDir));
    ModelCatalog catalog = ModelCatalog.read(files);
    ReplyCache cache =
        noCache ? null : new ReplyCache(cacheDir != null ? cacheDir : ReplyCache.defaultDir());
    List<JudgeModel> list = new ArrayList<>();
    for (String s : judges) {
      ModelSpec m = withJudgeTemperature(catalog.resolve(s));
      String key;
      try {
        key = m.apiKeyFromEnvironment();
      } catch (ModelConfigException e) {
        throw new ModelConfigException("judge " + m.id() + ": " + e.getMessage());
      }
      ProviderJudge j =
          new ProviderJudge(
              new RetryingProvider(
                  new LangchainProvider(m, key),
                  RetryingProvider.Policy.DEFAULT,
                  (cause, attempt, wait) -> {}),
              cache);
      models.add(j);
      list.add(j);
    }
    return JudgeGrader.builder(list)
        .votes(votes)
        .options(o)
        .offline(crossCheck ? new TextGrader(o) : null)
        .audit(audit)
        .build();
  }

  /**
   * The model with the judge's temperature when its entry sets none: 0 for one vote, 0.7 for
   * several (so that votes can differ). A model with a reasoning effort keeps the provider's
   * default, since reasoning models refuse a temperature.
   */
  private ModelSpec withJudgeTemperature(ModelSpec m) {
    if (m.temperature() != null || m.reasoningEffort() != null) {
      return m;
    }
    return new ModelSpec(
        m.id(),
        m.provider(),
        m.model(),
        m.baseUrl(),
        m.apiKeyVariable(),
        votes == 1 ? 0.0 : 0.7,
        m.maxOutputTokens(),
        m.reasoningEffort(),
        m.seed(),
        m.inputPrice(),
        m.outputPrice(),
        m.concurrency(),
        m.timeout());
  }

  /**
   * The standard graders with text parts graded by the judge and, with {@code --judge-all-review},
   * every other kind's needs_review passed on to it.
   */
  GraderRegistry registry(JudgeGrader judge, GradingOptions o) {
    Map<Kind, Function<GradingOptions, dev.hwgrade.grade.Grader>> f = new EnumMap<>(Kind.class);
    f.put(Kind.TEXT, x -> judge);
    if (allReview) {
      GraderRegistry standard = GraderRegistry.standard(o);
      for (Kind k : Kind.values()) {
        if (k != Kind.TEXT) {
          f.put(k, x -> new ReviewJudging(standard.forKind(k), judge));
        }
      }
    }
    return GraderRegistry.of(f, o);
  }

  /** Requests sent to the judges' providers. */
  int requests() {
    return models.stream().mapToInt(ProviderJudge::requests).sum();
  }

  /** Replies taken from the cache. */
  int cacheHits() {
    return models.stream().mapToInt(ProviderJudge::cacheHits).sum();
  }
}
