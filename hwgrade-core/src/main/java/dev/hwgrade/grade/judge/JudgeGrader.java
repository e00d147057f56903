package dev.hwgrade.grade.judge;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.text.PointOutcome;
import dev.hwgrade.grade.text.PointOutcome.Status;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.grade.text.VerdictRule;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Grades a text part with language models as judges, against the key point by point. Each judge is
 * asked for {@code votes} replies to one prompt ({@link JudgePrompt}; temperature 0 for one vote
 * each, 0.7 for several); a reply that cannot be read ({@link ReplyReader}) is asked for once more,
 * and a vote still unread counts against every majority. A made or contradicted point whose quote
 * is not in the answer ({@link QuoteCheck}) counts as missed. The verdict and score come from the
 * point statuses by the offline text grader's rule ({@link VerdictRule}); the judge never gives
 * them.
 *
 * <p>The part is {@code needs_review} — never incorrect — when no reply could be read or a point
 * that counts for the verdict has no majority; when the offline grader, given, decides a different
 * verdict (both opinions are in the explanation); and when the answer tries to steer its grader
 * ({@link InjectionScreen}) and the judge's verdict is not incorrect. Confidence is the share of
 * votes behind the least agreed point, less a margin that shrinks with the number of votes. An
 * {@link JudgeRecord} of every part judged goes to the audit consumer. Thread-safe when the judges
 * and the consumer are.
 */
public final class JudgeGrader implements Grader {
  /** A single unanimous vote gives this confidence; more votes approach 1. */
  static final double SINGLE_VOTE_CONFIDENCE = 0.8;

  static final String UNREADABLE = "the judge's reply could not be read";

  private final List<JudgeModel> judges;
  private final int votes;
  private final GradingOptions options;
  private final Grader offline;
  private final Consumer<JudgeRecord> audit;
  private final int maxOutputTokens;

  private JudgeGrader(Builder b) {
    this.judges = List.copyOf(b.judges);
    this.votes = b.votes;
    this.options = b.options;
    this.offline = b.offline;
    this.audit = b.audit;
    this.maxOutputTokens = b.maxOutputTokens;
  }

  /** A builder for a grader asking these judges. */
  public static Builder builder(List<JudgeModel> judges) {
    return new Builder(judges);
  }

  /** Configures a {@link JudgeGrader}; {@link #build()} checks the settings. */
  public static final class Builder {
    private final List<JudgeModel> judges;
    private int votes = 1;
    private GradingOptions options = GradingOptions.DEFAULT;
    private Grader offline;
    private Consumer<JudgeRecord> audit = r -> {};
    private int maxOutputTokens = 2000;

    private Builder(List<JudgeModel> judges) {
      this.judges = List.copyOf(Objects.requireNonNull(judges, "judges"));
    }

    /** Replies asked of each judge (default 1). */
    public Builder votes(int n) {
      this.votes = n;
      return this;
    }

    /** The run's options; their seed makes the nonces reproducible. */
    public Builder options(GradingOptions o) {
      this.options = Objects.requireNonNull(o, "options");
      return this;
    }

    /** The offline grader to cross-check with (the text grader); none by default. */
    public Builder offline(Grader g) {
      this.offline = g;
      return this;
    }

    /** Where each part's {@link JudgeRecord} goes (default: nowhere). */
    public Builder audit(Consumer<JudgeRecord> sink) {
      this.audit = Objects.requireNonNull(sink, "audit");
      return this;
    }

    /** The most tokens a reply may have (default 2000). */
    public Builder maxOutputTokens(int n) {
      this.maxOutputTokens = n;
      return this;
    }

    public JudgeGrader build() {
      if (judges.isEmpty()) {
        throw new IllegalArgumentException("the judge needs at least one model");
      }
      if (votes < 1 || votes > 15) {
        throw new IllegalArgumentException("votes must be between 1 and 15, not " + votes);
      }
      return new JudgeGrader(this);
    }
  }

  @Override
  public String name() {
    return "judge";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    List<KeyPoint> points = TextGrader.pointsOf(part.key());
    if (points.isEmpty()) {
      return Grade.needsReview(
          answer.text(), "the key has neither an answer nor key points", name());
    }
    return judge(part, answer, points, null);
  }

  /**
   * Grades a part another grader left at {@code needs_review} (an unreadable expression, an
   * ambiguous section). A text part is judged on its key points; any other part on one required
   * point, that the answer's final answer is the key's ({@link #reviewPoints}). The judge's verdict
   * replaces the review only when it is decided by the same rules as for a text part (a majority on
   * the point, no injection flag); else the part stays {@code needs_review}. Either way the other
   * grader's reason is kept in the evidence.
   *
   * @param left the other grader's grade, {@code needs_review}
   */
  public Grade gradeLeftForReview(Part part, Answer answer, Grade left) {
    List<KeyPoint> points =
        part.key().kind() == dev.hwgrade.model.Kind.TEXT
            ? TextGrader.pointsOf(part.key())
            : reviewPoints(part);
    if (points.isEmpty() || answer.fullText().isBlank()) {
      return left;
    }
    return judge(part, answer, points, left);
  }

  /**
   * The key point a part of another kind is judged on: its final answer is the key's answer (or one
   * of the key's alternatives), stated as one committed answer. Several candidate answers, or a
   * hedge between values, do not make the point, so such an answer stays incorrect.
   */
  static List<KeyPoint> reviewPoints(Part part) {
    String key = part.key().answer() == null ? "" : part.key().answer().strip();
    if (key.isEmpty()) {
      return List.of();
    }
    String text =
        "The answer's final answer is equivalent to the key's answer \""
            + key
            + "\" (the same value, expression or choice, in any equivalent form or unit). It must"
            + " commit to this one final answer: an answer that offers several candidate answers,"
            + " hedges between values or only mentions the key's answer along the way does not"
            + " make this point; a different final answer contradicts it.";
    return List.of(new KeyPoint(text, true, 1.0, part.key().alternatives(), List.of()));
  }

  private Grade judge(Part part, Answer answer, List<KeyPoint> points, Grade left) {
    String full = answer.fullText();
    String nonce = JudgePrompt.nonce(options.seed(), part.id(), full);
    List<String> flags = InjectionScreen.screen(full);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      ids.add(JudgePrompt.pointId(i));
    }
    JudgeRequest request =
        JudgePrompt.request(
            part,
            points,
            JudgePrompt.shownAnswer(full),
            nonce,
            votes == 1 ? 0.0 : 0.7,
            maxOutputTokens);

    // The offline grader's opinion first: when the part's time runs out there, no judge call has
    // been paid for and no audit record is left without its grade.
    Grade offlineOpinion = left == null ? offlineGrade(part, answer) : null;
    List<JudgeRecord.Call> calls = new ArrayList<>();
    List<List<VoteTally.Ballot>> ballots = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    QuoteCheck quotes = new QuoteCheck(full);
    for (JudgeModel judge : judges) {
      for (int v = 1; v <= votes; v++) {
        List<PointDecision> read = ask(judge, v, request, ids, calls, problems);
        ballots.add(read == null ? null : verify(read, quotes));
      }
    }

    Grade g =
        decide(part, answer, points, ballots, problems, flags, usage(calls), left, offlineOpinion);
    audit.accept(record(part, full, nonce, flags, calls, g));
    return g;
  }

  /** One vote: the decisions of the first readable reply of at most two, or null. */
  private List<PointDecision> ask(
      JudgeModel judge,
      int vote,
      JudgeRequest request,
      List<String> ids,
      List<JudgeRecord.Call> calls,
      List<String> problems) {
    JudgeRequest r = request;
    for (int attempt = 1; attempt <= 2; attempt++) {
      JudgeReply reply;
      try {
        reply = judge.ask(r, vote - 1);
        if (reply == null) {
          reply = JudgeReply.of("");
        }
      } catch (JudgeUnavailableException e) {
        String why = "the judge " + judge.id() + " could not be reached (" + e.getMessage() + ")";
        calls.add(
            new JudgeRecord.Call(
                judge.id(), vote, attempt, r, null, 0, 0, 0, null, false, why, null));
        problems.add(why);
        return null;
      }
      ReplyReader.Reading reading = ReplyReader.read(reply.text(), ids);
      calls.add(
          new JudgeRecord.Call(
              judge.id(),
              vote,
              attempt,
              r,
              reply.text(),
              reply.inputTokens(),
              reply.outputTokens(),
              reply.latency().toMillis(),
              reply.costUsd(),
              reply.cached(),
              reading.problem(),
              reading.decisions()));
      if (reading.readable()) {
        return reading.decisions();
      }
      if (attempt == 2) {
        problems.add(UNREADABLE + " (" + reading.problem() + ")");
      }
      r =
          new JudgeRequest(
              request.system(),
              request.user()
                  + "\nYour previous reply could not be read: "
                  + reading.problem()
                  + ". Reply with the JSON object alone.",
              request.schemaName(),
              request.schema(),
              request.temperature(),
              request.maxOutputTokens());
    }
    return null;
  }

  private static List<VoteTally.Ballot> verify(List<PointDecision> decisions, QuoteCheck quotes) {
    List<VoteTally.Ballot> out = new ArrayList<>();
    for (PointDecision d : decisions) {
      Status status =
          switch (d.decision()) {
            case MADE -> Status.MADE;
            case CONTRADICTED -> Status.CONTRADICTED;
            case MISSED -> Status.MISSED;
          };
      if (status == Status.MISSED) {
        out.add(new VoteTally.Ballot(status, "", ""));
      } else if (d.quote().isBlank()) {
        out.add(
            new VoteTally.Ballot(
                Status.MISSED,
                "",
                "judged " + d.decision().id() + " without a quote; not counted"));
      } else if (!quotes.found(d.quote())) {
        out.add(
            new VoteTally.Ballot(
                Status.MISSED,
                "",
                "judged "
                    + d.decision().id()
                    + " on a quote not found in the answer: \""
                    + clip(d.quote(), 120)
                    + "\"; not counted"));
      } else {
        out.add(new VoteTally.Ballot(status, d.quote(), ""));
      }
    }
    return out;
  }

  private Grade decide(
      Part part,
      Answer answer,
      List<KeyPoint> points,
      List<List<VoteTally.Ballot>> ballots,
      List<String> problems,
      List<String> flags,
      JudgeEvidence.Usage usage,
      Grade left,
      Grade other) {
    String extracted = answer.text();
    List<String> evidence = new ArrayList<>();
    evidence.add(JudgeEvidence.header(judgeNames()));
    evidence.add(usage.line());
    if (left != null) {
      evidence.add(
          "left for review by the " + left.grader() + " grader: " + clip(left.explanation(), 300));
    }
    flags.forEach(f -> evidence.add("injection: " + f));
    problems.forEach(p -> evidence.add("unread: " + p));

    if (ballots.stream().allMatch(Objects::isNull)) {
      boolean unreadable = problems.stream().allMatch(p -> p.startsWith(UNREADABLE));
      String why =
          unreadable
              ? capitalise(UNREADABLE) + ": " + problems.get(problems.size() - 1) + "."
              : capitalise(problems.get(problems.size() - 1)) + ".";
      evidence.add(
          JudgeEvidence.review(
              unreadable ? JudgeEvidence.Cause.UNREADABLE : JudgeEvidence.Cause.UNAVAILABLE));
      return review(extracted, keepReason(why, left), evidence, flags);
    }
    VoteTally.Result tally = VoteTally.tally(points, ballots);
    tally.outcomes().forEach(o -> evidence.add(line(o)));
    if (!tally.decided()) {
      String why =
          "The judge's votes have no majority on "
              + names(tally.undecided())
              + (problems.isEmpty() ? "" : " (" + problems.size() + " vote(s) unread)")
              + "; a person decides.";
      evidence.add(JudgeEvidence.review(JudgeEvidence.Cause.SPLIT));
      return review(extracted, keepReason(why, left), evidence, flags);
    }
    List<PointOutcome> outcomes = tally.outcomes();
    Verdict verdict = VerdictRule.fromStatuses(outcomes);
    double score = VerdictRule.score(verdict, outcomes);
    int n = ballots.size();
    double confidence = tally.agreement() * (1 - (1 - SINGLE_VOTE_CONFIDENCE) / n);
    String summary = summary(outcomes);

    if (!flags.isEmpty() && verdict != Verdict.INCORRECT) {
      evidence.add(JudgeEvidence.review(JudgeEvidence.Cause.INJECTION));
      return review(
          extracted,
          "The answer tries to steer its grader ("
              + flags.get(0)
              + "); the judge finds it "
              + verdict.label()
              + " ("
              + summary
              + "), which is not given on the judge alone.",
          evidence,
          flags);
    }
    if (left != null) {
      String explanation =
          "The judge ("
              + judgeNames()
              + ") finds that the answer "
              + summary
              + " The "
              + left.grader()
              + " grader had left it for review: "
              + clip(left.explanation(), 200);
      Grade g =
          new Grade(verdict, score, confidence, extracted, explanation, evidence, null, name());
      return verdict == Verdict.CORRECT ? g : g.withDiagnosis(diagnosis(outcomes, flags));
    }
    if (other != null) {
      evidence.add(
          "offline text grader: "
              + other.verdict().label()
              + " — "
              + clip(other.explanation(), 300));
      if (other.verdict() != Verdict.NEEDS_REVIEW && other.verdict() != verdict) {
        evidence.add(JudgeEvidence.review(JudgeEvidence.Cause.DISAGREEMENT));
        return review(
            extracted,
            "The judge and the offline text grader disagree: the judge finds it "
                + verdict.label()
                + " ("
                + summary
                + "); the offline grader finds it "
                + other.verdict().label()
                + " ("
                + clip(other.explanation(), 200)
                + ").",
            evidence,
            flags);
      }
    }
    String explanation =
        "The judge ("
            + judgeNames()
            + ") finds that the answer "
            + summary
            + (flags.isEmpty() ? "" : " The answer also tries to steer its grader.");
    Grade g = new Grade(verdict, score, confidence, extracted, explanation, evidence, null, name());
    return verdict == Verdict.CORRECT ? g : g.withDiagnosis(diagnosis(outcomes, flags));
  }

  /** The other grader's reason, kept after the judge's when the part stays for review. */
  private static String keepReason(String why, Grade left) {
    return left == null
        ? why
        : why
            + " The "
            + left.grader()
            + " grader had left it for review: "
            + clip(left.explanation(), 200);
  }

  /** Calls, and the tokens and cost of those sent to a provider (a cached reply costs nothing). */
  private static JudgeEvidence.Usage usage(List<JudgeRecord.Call> calls) {
    int cached = 0;
    long in = 0;
    long out = 0;
    Double cost = 0.0;
    for (JudgeRecord.Call c : calls) {
      if (c.cached()) {
        cached++;
        continue;
      }
      in += c.inputTokens();
      out += c.outputTokens();
      if (c.reply() != null) {
        cost = cost == null || c.costUsd() == null ? null : cost + c.costUsd();
      }
    }
    return new JudgeEvidence.Usage(calls.size(), cached, in, out, cost);
  }

  private Grade offlineGrade(Part part, Answer answer) {
    if (offline == null) {
      return null;
    }
    try {
      return offline.grade(part, answer);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Grade review(String extracted, String why, List<String> evidence, List<String> flags) {
    Grade g = new Grade(Verdict.NEEDS_REVIEW, 0.0, 0.0, extracted, why, evidence, null, name());
    return flags.isEmpty()
        ? g
        : g.withDiagnosis(
            "The answer tries to steer its grader: " + String.join("; ", flags) + ".");
  }

  private String judgeNames() {
    List<String> names = new ArrayList<>();
    for (JudgeModel j : judges) {
      names.add(votes == 1 ? j.id() : j.id() + " ×" + votes);
    }
    return String.join(", ", names);
  }

  private static String line(PointOutcome o) {
    StringBuilder sb = new StringBuilder();
    sb.append(o.status().label()).append(": '").append(clip(o.point().text(), 120)).append('\'');
    if (!o.quote().isEmpty()) {
      sb.append(" — \"").append(clip(o.quote(), 200)).append('"');
    }
    if (!o.detail().isEmpty()) {
      sb.append(" [").append(o.detail()).append(']');
    }
    return sb.toString();
  }

  private static String summary(List<PointOutcome> outcomes) {
    long made = outcomes.stream().filter(o -> o.status() == Status.MADE).count();
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "makes %d of %d key point%s",
                made,
                outcomes.size(),
                outcomes.size() == 1 ? "" : "s"));
    List<KeyPoint> against = with(outcomes, Status.CONTRADICTED);
    List<KeyPoint> missed = with(outcomes, Status.MISSED);
    if (!against.isEmpty()) {
      sb.append("; contradicts ").append(names(against));
    }
    if (!missed.isEmpty()) {
      sb.append("; misses ").append(names(missed));
    }
    return sb.append('.').toString();
  }

  private static String diagnosis(List<PointOutcome> outcomes, List<String> flags) {
    List<String> parts = new ArrayList<>();
    List<KeyPoint> against = with(outcomes, Status.CONTRADICTED);
    List<KeyPoint> missed = with(outcomes, Status.MISSED);
    if (!against.isEmpty()) {
      parts.add("a misconception contradicting " + names(against));
    }
    if (!missed.isEmpty()) {
      parts.add("an answer that leaves out " + names(missed));
    }
    if (!flags.isEmpty()) {
      parts.add("an answer that tries to steer its grader");
    }
    return parts.isEmpty()
        ? "Consistent with an answer close to the key that does not make its points clearly."
        : "Consistent with " + String.join(", and ", parts) + ".";
  }

  private static List<KeyPoint> with(List<PointOutcome> outcomes, Status s) {
    return outcomes.stream().filter(o -> o.status() == s).map(PointOutcome::point).toList();
  }

  private static String names(List<KeyPoint> points) {
    List<String> out = new ArrayList<>();
    points.forEach(p -> out.add("'" + clip(p.text(), 120) + "'"));
    return String.join("; ", out);
  }

  private JudgeRecord record(
      Part part,
      String full,
      String nonce,
      List<String> flags,
      List<JudgeRecord.Call> calls,
      Grade g) {
    long in = 0;
    long out = 0;
    Double cost = null;
    for (JudgeRecord.Call c : calls) {
      in += c.inputTokens();
      out += c.outputTokens();
      if (c.costUsd() != null) {
        cost = (cost == null ? 0 : cost) + c.costUsd();
      }
    }
    return new JudgeRecord(
        JudgeRecord.SCHEMA_VERSION,
        part.id(),
        JudgePrompt.sha256(full),
        JudgePrompt.TEMPLATE_HASH,
        nonce,
        judges.stream().map(JudgeModel::id).toList(),
        parameters(),
        votes,
        flags,
        calls,
        in,
        out,
        cost,
        g.verdict().id(),
        g.score(),
        g.explanation());
  }

  private java.util.Map<String, java.util.Map<String, Object>> parameters() {
    java.util.Map<String, java.util.Map<String, Object>> m = new java.util.LinkedHashMap<>();
    for (JudgeModel j : judges) {
      m.put(j.id(), j.parameters());
    }
    return m;
  }

  private static String clip(String s, int max) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
