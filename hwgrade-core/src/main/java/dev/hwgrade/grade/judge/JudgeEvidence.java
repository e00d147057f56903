package dev.hwgrade.grade.judge;

import dev.hwgrade.model.Grade;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a {@link JudgeGrader} puts in a grade's evidence that reports read back: which judges
 * graded the part, what it cost, and why the judge left it for review. The evidence travels with
 * the grade into {@code results.json}, so a report or the review page rebuilt from stored results
 * shows the same.
 */
public final class JudgeEvidence {
  /** The first line of a judged part's evidence: {@code judge: m ×3, prompt template abc…}. */
  public static final String HEADER = "judge: ";

  /** The calls, tokens and cost of a judged part. */
  public static final String USAGE = "judge usage: ";

  /** Why the judge left the part for review. */
  public static final String REVIEW = "judge review: ";

  private static final String TEMPLATE = ", prompt template ";

  private static final Pattern USAGE_LINE =
      Pattern.compile(
          "judge usage: (\\d+) calls? \\((\\d+) from the cache\\), (\\d+) input tokens, (\\d+)"
              + " output tokens, (?:cost \\$([0-9.]+)|cost unknown)");

  private JudgeEvidence() {}

  /** Why a judged part went to review. */
  public enum Cause {
    /** The offline grader was confident and disagreed with the judge. */
    DISAGREEMENT("the judge and the offline grader disagree"),
    /** The answer tries to steer its grader and the judge did not find it incorrect. */
    INJECTION("the answer tries to steer its grader"),
    /** No reply could be read. */
    UNREADABLE("the judge's replies could not be read"),
    /** The votes have no majority on a point that counts. */
    SPLIT("the judge's votes are split"),
    /** The judge could not be reached, or the key gives it nothing to judge by. */
    UNAVAILABLE("the judge could not grade");

    private final String label;

    Cause(String label) {
      this.label = label;
    }

    /** The name in evidence lines: {@code disagreement}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** What it means, for reports. */
    public String label() {
      return label;
    }

    static Optional<Cause> parse(String id) {
      for (Cause c : values()) {
        if (c.id().equals(id.strip())) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A judged part's calls and what they cost this run; replies from the cache cost nothing and are
   * counted apart.
   *
   * @param calls calls to the judges, retries and cached replies included
   * @param cached calls answered from the reply cache
   * @param inputTokens input tokens of the calls sent to a provider
   * @param outputTokens their output tokens
   * @param costUsd their cost in US dollars; null when a price is unknown
   */
  public record Usage(int calls, int cached, long inputTokens, long outputTokens, Double costUsd) {
    /** The evidence line. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%s%d call%s (%d from the cache), %d input tokens, %d output tokens, %s",
          USAGE,
          calls,
          calls == 1 ? "" : "s",
          cached,
          inputTokens,
          outputTokens,
          costUsd == null ? "cost unknown" : String.format(Locale.ROOT, "cost $%.6f", costUsd));
    }

    /** The usage of an evidence line written by {@link #line()}. */
    public static Optional<Usage> parse(String line) {
      Matcher m = USAGE_LINE.matcher(line);
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new Usage(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Long.parseLong(m.group(3)),
              Long.parseLong(m.group(4)),
              m.group(5) == null ? null : Double.valueOf(m.group(5))));
    }
  }

  /** Whether a judge graded this part (its evidence starts with the judge's line). */
  public static boolean judged(Grade g) {
    return g != null && g.evidence().stream().anyMatch(l -> l.startsWith(HEADER));
  }

  /** The judges as the evidence names them, {@code openai:gpt-4o-mini ×3}; empty if not judged. */
  public static String judges(Grade g) {
    for (String l : g.evidence()) {
      if (l.startsWith(HEADER)) {
        String s = l.substring(HEADER.length());
        int t = s.lastIndexOf(TEMPLATE);
        return t < 0 ? s : s.substring(0, t);
      }
    }
    return "";
  }

  /** The part's usage, when it was judged. */
  public static Optional<Usage> usage(Grade g) {
    for (String l : g.evidence()) {
      if (l.startsWith(USAGE)) {
        return Usage.parse(l);
      }
    }
    return Optional.empty();
  }

  /** Why the judge left the part for review, when it did. */
  public static Optional<Cause> cause(Grade g) {
    for (String l : g.evidence()) {
      if (l.startsWith(REVIEW)) {
        return Cause.parse(l.substring(REVIEW.length()));
      }
    }
    return Optional.empty();
  }

  static String header(String judges) {
    return HEADER + judges + TEMPLATE + JudgePrompt.TEMPLATE_HASH.substring(0, 12);
  }

  static String review(Cause c) {
    return REVIEW + c.id();
  }
}
