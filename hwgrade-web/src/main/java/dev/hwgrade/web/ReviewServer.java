package dev.hwgrade.web;

import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.Review;
import dev.hwgrade.review.ReviewException;
import dev.hwgrade.review.ReviewStore;
import dev.hwgrade.review.Reviewing;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The review web app for one assignment folder, on 127.0.0.1. Pages read the stored results ({@code
 * reports/<model-id>/results.json}; run {@code hwgrade grade} first) and the reviews files afresh
 * on every request; a settle goes through {@link Reviewing#settle} with the version of the reviews
 * file the page was made from, so a change made meanwhile by someone else is refused, not lost.
 * Nothing is graded here.
 */
public final class ReviewServer implements AutoCloseable {
  /** The address the app listens on, and no other. */
  public static final String HOST = "127.0.0.1";

  /**
   * How to start the app.
   *
   * @param dir the assignment folder
   * @param models the models to review; empty means every model of the folder
   * @param reviewer the name written into each review
   * @param clock the clock that dates reviews
   * @param port the port; 0 for a free one
   */
  public record Options(Path dir, List<String> models, String reviewer, Clock clock, int port) {
    public Options {
      Objects.requireNonNull(dir, "dir");
      models = List.copyOf(models);
      Objects.requireNonNull(reviewer, "reviewer");
      Objects.requireNonNull(clock, "clock");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("a port is a number from 0 to 65535, not " + port);
      }
    }
  }

  private static final Map<String, String> STATIC =
      Map.of(
          "review.js", "text/javascript; charset=utf-8",
          "review.css", "text/css; charset=utf-8",
          "mathjax-config.js", "text/javascript; charset=utf-8");

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final Options options;
  private final AssignmentView view;
  private final Guard guard;
  private final Javalin app;

  private ReviewServer(Options options, AssignmentView view, String token) {
    this.options = options;
    this.view = view;
    this.guard = new Guard(token);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.staticFiles.enableWebjars();
              config.http.maxRequestSize = 1_000_000;
              config.routes.before(this::secure);
              config.routes.get("/", this::queue);
              config.routes.get("/part", this::part);
              config.routes.get("/judge", this::judgeAudit);
              config.routes.post("/settle", this::settle);
              config.routes.get("/static/{file}", this::asset);
              config.routes.exception(
                  Refusal.class,
                  (e, ctx) ->
                      ctx.status(e.status())
                          .html(Layout.message("Not done", e.getMessage(), null)));
            });
  }

  /**
   * Loads the assignment and starts the app.
   *
   * @throws InputException when the folder does not load, with every located problem
   * @throws PortInUseException when the port asked for is taken
   */
  public static ReviewServer start(Options options) throws InputException, IOException {
    AssignmentView view = AssignmentView.load(options.dir(), options.models());
    ReviewServer s = new ReviewServer(options, view, Guard.newToken());
    try {
      s.app.start(HOST, options.port());
    } catch (RuntimeException e) {
      s.app.stop();
      if (bindFailure(e)) {
        throw new PortInUseException(options.port(), e);
      }
      throw e;
    }
    s.guard.port(s.app.port());
    return s;
  }

  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || t instanceof io.javalin.util.JavalinBindException) {
        return true;
      }
    }
    return false;
  }

  /** The Javalin app, for tests that look at its connector. */
  Javalin app() {
    return app;
  }

  public int port() {
    return app.port();
  }

  /** The session's token, which every change must carry. */
  public String token() {
    return guard.token();
  }

  /** The address to open: the queue, with the session's token. */
  public String url() {
    return "http://" + HOST + ":" + port() + "/?token=" + token();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with a form,
    // which the origin check must refuse. Other sites still get no referrer.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    guard.check(ctx);
  }

  private ReviewQueue readQueue() throws IOException, InputException {
    List<String> models = options.models().isEmpty() ? view.modelIds() : options.models();
    List<ModelState> states = new ArrayList<>();
    for (String m : models) {
      states.add(ModelState.read(options.dir(), m));
    }
    return new ReviewQueue(states);
  }

  private void queue(Context ctx) throws IOException {
    ReviewQueue q = queueOrRefuse();
    ctx.html(QueuePage.render(view.title(), q, Filter.of(ctx::queryParam), view.problems()));
  }

  private void part(Context ctx) throws IOException {
    ReviewQueue q = queueOrRefuse();
    String model = Objects.requireNonNullElse(ctx.queryParam("model"), "");
    String partId = Objects.requireNonNullElse(ctx.queryParam("part"), "");
    ReviewQueue.Entry e =
        q.find(model, partId)
            .orElseThrow(
                () ->
                    new Refusal(
                        404,
                        "There is no part '"
                            + partId
                            + "' of model '"
                            + model
                            + "' in the stored results."));
    ReviewStore.Snapshot reviews = q.model(model).orElseThrow().reviews();
    String flash = null;
    if (ctx.queryParam("saved") != null && e.latest().isPresent()) {
      Review r = e.latest().get();
      flash =
          "Saved: "
              + partId
              + " settled as "
              + r.verdict().id()
              + " (score "
              + PartPage.num(r.score())
              + ") by "
              + r.reviewer()
              + " in "
              + ReviewStore.of(options.dir()).file(model).getFileName()
              + "; the next hwgrade grade applies it.";
    }
    ctx.html(
        PartPage.render(
            e,
            new PartPage.Context(
                view.title(),
                q,
                Filter.of(ctx::queryParam),
                view.part(partId),
                view.answer(model, partId),
                guard.token(),
                reviews.version(),
                flash,
                view.problems())));
  }

  /**
   * A judged part's audit record ({@code reports/<model>/judge/<part>.json}) as JSON: the judge's
   * prompt, raw replies, model, tokens and cost. Served as {@code application/json} under the app's
   * headers, never as a page.
   */
  private void judgeAudit(Context ctx) throws IOException {
    String model = Objects.requireNonNullElse(ctx.queryParam("model"), "");
    String partId = Objects.requireNonNullElse(ctx.queryParam("part"), "");
    List<String> allowed = options.models().isEmpty() ? view.modelIds() : options.models();
    if (!allowed.contains(model)) {
      throw new Refusal(404, "'" + model + "' is not a model of this review session.");
    }
    java.nio.file.Path file =
        options
            .dir()
            .resolve("reports")
            .resolve(model)
            .resolve(dev.hwgrade.grade.judge.JudgeAuditWriter.fileName(partId));
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new Refusal(404, "Part '" + partId + "' of model '" + model + "' has no judge record.");
    }
    ctx.contentType("application/json; charset=utf-8")
        .result(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
  }

  private void settle(Context ctx) throws IOException {
    String model = Objects.requireNonNullElse(ctx.formParam("model"), "");
    String partId = Objects.requireNonNullElse(ctx.formParam("part"), "");
    List<String> allowed = options.models().isEmpty() ? view.modelIds() : options.models();
    if (!allowed.contains(model)) {
      throw new Refusal(400, "'" + model + "' is not a model of this review session.");
    }
    Verdict verdict = verdict(ctx.formParam("verdict"));
    Double score = null;
    if (verdict == Verdict.PARTIALLY_CORRECT) {
      try {
        score = Double.valueOf(Objects.requireNonNullElse(ctx.formParam("score"), "").strip());
      } catch (NumberFormatException ex) {
        throw new Refusal(
            400, "A partially correct part needs its score, strictly between 0 and 1 (e.g. 0.5).");
      }
    }
    String version = ctx.formParam("version");
    Filter f = Filter.of(ctx::formParam);
    String back =
        "/part?model="
            + Filter.enc(model)
            + "&part="
            + Filter.enc(partId)
            + (f.query().isEmpty() ? "" : "&" + f.query());
    try {
      new Reviewing(options.dir(), options.clock())
          .settle(
              model,
              partId,
              verdict,
              score,
              options.reviewer(),
              Objects.requireNonNullElse(ctx.formParam("comment"), ""),
              version);
    } catch (ReviewException ex) {
      ctx.status(400).html(Layout.message("Not settled", ex.getMessage(), back));
      return;
    } catch (ReviewStore.ConcurrentChangeException ex) {
      ctx.status(409)
          .html(
              Layout.message(
                  "Not settled: the reviews file changed",
                  ex.getMessage()
                      + " Your verdict was not saved; open the part again to see the file as it"
                      + " is now, and settle again.",
                  back));
      return;
    } catch (InputException ex) {
      StringBuilder sb = new StringBuilder("The reviews file has problems; fix them first: ");
      ex.diagnostics().forEach(d -> sb.append(d).append("; "));
      ctx.status(409).html(Layout.message("Not settled", sb.toString(), back));
      return;
    }
    ctx.redirect(back + "&saved=1", HttpStatus.SEE_OTHER);
  }

  private static Verdict verdict(String id) {
    Verdict v;
    try {
      v = Verdict.fromId(Objects.requireNonNullElse(id, ""));
    } catch (IllegalArgumentException e) {
      v = null;
    }
    if (v == null || v == Verdict.NEEDS_REVIEW) {
      throw new Refusal(
          400, "Settle as correct, partially_correct, incorrect or unanswered, not '" + id + "'.");
    }
    return v;
  }

  private ReviewQueue queueOrRefuse() throws IOException {
    try {
      return readQueue();
    } catch (InputException e) {
      StringBuilder sb = new StringBuilder("A reviews file has problems; fix them and reload: ");
      e.diagnostics().forEach(d -> sb.append(d).append("; "));
      throw new Refusal(500, sb.toString());
    }
  }

  private void asset(Context ctx) throws IOException {
    String name = ctx.pathParam("file");
    String type = STATIC.get(name);
    if (type == null) {
      throw new Refusal(404, "No such file.");
    }
    try (InputStream in = ReviewServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new Refusal(404, "No such file.");
      }
      ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
