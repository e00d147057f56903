package dev.hwgrade.grade.text;

import dev.hwgrade.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer read as a TA reads it before weighing its points: hidden text removed, and each
 * sentence (or clause) sorted into what the answer asserts and what it only denies, asks, reports,
 * hedges or strings together without a sentence. Only the asserted part is graded by the model; the
 * rest is kept, with its stance, so that a point found only there is not made — or, when denied,
 * contradicted.
 */
final class AnswerReading {
  /** A passage set aside, with why. */
  record Passage(String text, Stance stance, String detail) {}

  private static final Pattern CODE_FENCE =
      Pattern.compile("(?m)^\\s*(```|~~~)[A-Za-z0-9_-]*\\s*$");

  private static final String OPENER = "^\\W*(?:(?:so|and|but|however|yet|also|thus|hence),?\\s+)?";

  /** "The question is whether …", "I wonder if …": a question put, not answered. */
  private static final Pattern INDIRECT_QUESTION =
      Pattern.compile(
          OPENER
              + "(?:the\\s+(?:question|issue)\\s+is|i\\s+wonder|we\\s+(?:need|have)\\s+to\\s+(?:ask|decide|determine)"
              + "|it\\s+is\\s+unclear|it's\\s+unclear|one\\s+may\\s+ask)\\s+(?:whether|if|why|how|what)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LEADING_MARKS = Pattern.compile("^[\\s:;,.\\u2013\\u2014-]+");
  private static final Pattern PUNCTUATION = Pattern.compile("[.!?;,]");

  /** A clause that denies what follows: "It is not true that …", "It is a misconception that …". */
  private static final Pattern DENIAL =
      Pattern.compile(
          OPENER
              + "(?:it\\s+is|it's|it\\s+was)\\s+(?:(?:simply|just|also|therefore)\\s+)?"
              + "(?:not\\s+(?:true|the\\s+case|correct|right)|false|untrue|wrong|incorrect"
              + "|a\\s+(?:common\\s+|popular\\s+|widespread\\s+)?(?:misconception|myth|mistake|fallacy|misunderstanding))"
              + "\\s+(?:to\\s+(?:say|think|claim|believe)\\s+)?that\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "That X is a misconception", "X is a myth". ("X is false" is not read as a denial: true-false
   * answers say it of the question's own claim.)
   */
  private static final Pattern DENIED_AFTER =
      Pattern.compile(
          "\\b(?:is|are)\\s+(?:a\\s+(?:common\\s+|popular\\s+)?(?:misconception|myth|fallacy))\\W*$",
          Pattern.CASE_INSENSITIVE);

  /** "The key says …", "Some claim …", "One might think …". */
  private static final Pattern REPORT =
      Pattern.compile(
          OPENER
              + "(?:the\\s+(?:answer\\s+)?key|the\\s+(?:reference|textbook|question)|some(?:\\s+people)?"
              + "|many(?:\\s+people)?|people|others|critics|one\\s+(?:might|could|may)|you\\s+(?:might|could|may)"
              + "|a\\s+common\\s+(?:view|belief|claim))\\s+"
              + "(?:says?|claims?|states?|thinks?|think|believes?|believe|argues?|argue|suggests?|assert|asserts"
              + "|would\\s+say|say|claim|might\\s+say|expects?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Disagreement with what was just reported. */
  private static final Pattern DISAGREE =
      Pattern.compile(
          "\\b(?:i|we)\\s+(?:strongly\\s+)?(?:disagree|do\\s+not\\s+agree|don't\\s+agree|doubt\\s+it)"
              + "|\\b(?:that|this|it|which)\\s+(?:is|'s)\\s+(?:simply\\s+|just\\s+)?(?:wrong|false|incorrect|not\\s+true|a\\s+myth|a\\s+misconception)"
              + "|\\bbut\\s+(?:that|this|it)\\s+(?:is\\s+not|isn't)\\s+(?:so|true|right|correct)",
          Pattern.CASE_INSENSITIVE);

  /** The writer's own disagreement, in a clause of its own ("…; I disagree"). */
  private static final Pattern DISAGREE_SELF =
      Pattern.compile(
          "^\\W*(?:but\\s+|and\\s+)?(?:i|we)\\s+(?:strongly\\s+)?(?:disagree|do\\s+not\\s+agree|don't\\s+agree)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Hedges: "yes and no", "may or may not", "it could be either", "maybe … or maybe". */
  private static final Pattern HEDGE =
      Pattern.compile(
          "\\byes\\s+and\\s+no\\b|\\bmay\\s+or\\s+may\\s+not\\b|\\bmight\\s+or\\s+might\\s+not\\b"
              + "|\\bcould\\s+be\\s+either\\b|\\bmaybe\\b.*\\bor\\s+maybe\\b|\\bperhaps\\b.*\\bor\\s+perhaps\\b"
              + "|\\beither\\b[^.]*,\\s*or\\b[^.]*,\\s*or\\b|\\bnot\\s+sure\\s+(?:whether|if)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Two words joined by "or" (for "increases or decreases"). */
  private static final Pattern OR_PAIR =
      Pattern.compile("\\b([A-Za-z]+)\\s+or\\s+([A-Za-z]+)\\b", Pattern.CASE_INSENSITIVE);

  final String visible;
  final String asserted;
  final List<Passage> setAside;
  final boolean hadHiddenText;

  private AnswerReading(String visible, String asserted, List<Passage> setAside, boolean hidden) {
    this.visible = visible;
    this.asserted = asserted;
    this.setAside = List.copyOf(setAside);
    this.hadHiddenText = hidden;
  }

  static AnswerReading of(String raw) {
    return of(raw, "", "");
  }

  /**
   * The answer read against the question it answers (a sentence that only restates it is set
   * aside).
   */
  static AnswerReading of(String raw, String question, String key) {
    Restatement restatement = new Restatement(question);
    Set<String> keyWords = Coherence.isProse(key) ? ContentWords.stems(key) : Set.of();
    String text = raw == null ? "" : raw;
    String visible = HiddenText.strip(text);
    boolean hidden = !visible.strip().equals(text.strip());
    String prose = CODE_FENCE.matcher(visible).replaceAll("\n\n");
    List<Passage> aside = new ArrayList<>();
    StringBuilder asserted = new StringBuilder();
    List<String> sentences = SentenceSplitter.sentences(prose);
    boolean bareWords = !PUNCTUATION.matcher(prose).find();
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i);
      String next = i + 1 < sentences.size() ? sentences.get(i + 1) : "";
      Matcher dis = DISAGREE.matcher(s);
      if (REPORT.matcher(s).find() && dis.find() && words(s.substring(dis.end())) >= 3) {
        // "Some say X, but that is wrong: Y" denies X and asserts Y
        aside.add(
            new Passage(
                s.substring(0, dis.start()).strip(), Stance.DENIED, "reports it and disagrees"));
        s = LEADING_MARKS.matcher(s.substring(dis.end())).replaceFirst("");
        next = "";
      }
      Passage whole = wholeSentence(s, next, keyWords, bareWords);
      if (whole == null && restatement.restates(s, keyWords)) {
        whole = new Passage(s, Stance.RESTATED, "the question's own words");
      }
      if (whole != null) {
        aside.add(whole);
        continue;
      }
      List<String> kept = new ArrayList<>();
      List<String> clauses = clausesOf(s);
      for (String clause : clauses) {
        Passage p = clause(clause);
        if (p != null) {
          aside.add(p);
        } else {
          kept.add(clause);
        }
      }
      if (kept.size() == clauses.size()) {
        asserted.append(asserted.length() == 0 ? "" : "\n\n").append(s);
      } else {
        kept.forEach(
            c -> asserted.append(asserted.length() == 0 ? "" : "\n\n").append(withStop(c)));
      }
    }
    // An answer with nothing set aside is graded exactly as written.
    String graded = aside.isEmpty() ? visible.strip() : asserted.toString().strip();
    return new AnswerReading(visible.strip(), graded, aside, hidden);
  }

  /** The passage set aside that bears most on these content words, or null. */
  Passage bearingOn(Set<String> wanted, double atLeast) {
    Passage best = null;
    double bestCover = atLeast;
    for (Passage p : setAside) {
      double c = ContentWords.coverage(wanted, ContentWords.stems(p.text()));
      if (c >= bestCover) {
        bestCover = c + 1e-9;
        best = p;
      }
    }
    return best;
  }

  private static Passage wholeSentence(
      String s, String next, Set<String> keyWords, boolean bareWords) {
    String t = s.strip();
    if (t.endsWith("?") || INDIRECT_QUESTION.matcher(t).find()) {
      return new Passage(t, Stance.QUESTIONED, "a question");
    }
    if (REPORT.matcher(t).find()) {
      boolean disagree =
          DISAGREE.matcher(t).find()
              || DISAGREE.matcher(next).lookingAt()
              || (next.split("\\s+").length <= 6 && DISAGREE.matcher(next).find());
      return disagree
          ? new Passage(t, Stance.DENIED, "reports it and disagrees")
          : new Passage(t, Stance.REPORTED, "says what others say");
    }
    if (HEDGE.matcher(t).find() || hedgedPair(t)) {
      return new Passage(t, Stance.HEDGED, "a hedge");
    }
    String incoherent = Coherence.problem(t, keyWords, bareWords);
    if (incoherent != null) {
      return new Passage(t, Stance.INCOHERENT, incoherent);
    }
    return null;
  }

  private static Passage clause(String c) {
    if (DENIAL.matcher(c).find() || DENIED_AFTER.matcher(c).find()) {
      return new Passage(c, Stance.DENIED, "denied");
    }
    if (DISAGREE_SELF.matcher(c).find()) {
      return new Passage(c, Stance.DENIED, "a disagreement");
    }
    return null;
  }

  /** "increases or decreases": an answer that names both of two opposites as possible. */
  private static boolean hedgedPair(String s) {
    Matcher m = OR_PAIR.matcher(s);
    while (m.find()) {
      if (m.group().equalsIgnoreCase("more or less")) {
        continue; // "more or less" is "roughly"
      }
      if (ContradictionCues.opposite(m.group(1), m.group(2))) {
        return true;
      }
    }
    return false;
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static List<String> clausesOf(String s) {
    List<String> c = SentenceSplitter.clauses(s);
    return c.isEmpty() ? List.of(s) : c;
  }

  private static String withStop(String clause) {
    String c = clause.strip();
    return c.matches(".*[.!?:;]$") ? c : c + ".";
  }
}
