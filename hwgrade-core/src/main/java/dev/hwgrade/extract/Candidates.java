package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what one final statement commits to: the values it states and the values it denies. "B or
 * C", "1 ms, 10 ms or 100 ms", "either 2 or 5", "I'd pick B, but C is also plausible", "**False**
 * (or True)" state several candidates; "not X", "X (not Y)" and "X, not Y" deny; a remark in
 * parentheses after a value ("10455 (the earlier 255 was a subtotal)", "5 (the key says 4)") and a
 * sentence about what others may answer ("Others may get x^2.") are not the answer.
 *
 * <p>Only for answers whose key is one value: a list in an answer to a set, tuple or select-all key
 * is the answer itself, and explanations (text keys) are never split.
 */
public final class Candidates {
  /** What a statement commits to; {@code stated} is empty when it only denies. */
  public record Reading(List<String> stated, List<String> denied) {
    public Reading {
      stated = List.copyOf(stated);
      denied = List.copyOf(denied);
    }

    /** Whether the statement offers more than one candidate. */
    public boolean several() {
      return stated.size() > 1;
    }
  }

  private static final int MAX_STATEMENT = 400;
  private static final int MAX_ITEM_CHARS = 48;
  private static final int MAX_ITEM_WORDS = 4;

  private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
  private static final Pattern OTHERS =
      Pattern.compile(
          "(?i)\\b(?:others?|some(?: people| students| sources| books| textbooks)?|many|one|you)"
              + " (?:may|might|could|would|will|often)\\s+(?:get|say|write|give|answer|claim"
              + "|find|argue|think|obtain|choose|pick)\\b"
              + "|\\bthe key (?:says|gives|states|has)\\b|\\ba common (?:mistake|error|wrong answer)"
              + "|\\bnot to be confused with\\b");
  private static final Pattern TRAILING_PAREN =
      Pattern.compile("(?s)^(.{1,80}?)\\s+\\(([^()]{1,160})\\)[\\s.]*$");
  private static final Pattern ALPHA_WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern COMMA_NOT =
      Pattern.compile("(?is)^(.{1,300}?),\\s*not\\s+(.{1,60})$");

  /** "not 10, it's 1,000.99", "not x^2 but x^3": the value after the denial is the answer. */
  private static final Pattern NOT_BUT =
      Pattern.compile(
          "(?i)\\bnot\\s+(\\S.{0,40}?)[,;]?\\s+(?:it(?:'s|’s| is)|but(?: rather)?|rather|instead)"
              + "\\s+(\\S.{0,60})$");

  private static final Pattern LEADING_NOT =
      Pattern.compile("(?is)^(?:it(?:'s|’s| is)\\s+)?not\\s+(.{1,80})$");

  /** What a denial concludes: "Not A, not C — so B", "not 3; therefore 4". */
  private static final Pattern CONCLUDED =
      Pattern.compile(
          "(?i)(?:[,;.]|\\s[—–-])\\s*(?:so|therefore|hence|thus)\\s*,?\\s+"
              + "(?:the answer is\\s+|it(?:'s|’s| is)\\s+)?(\\S.{0,60})$");

  private static final Pattern IS_WRONG =
      Pattern.compile(
          "(?is)^(.{1,60}?)\\s+is\\s+(?:wrong|incorrect|not (?:the answer|right|correct))[\\s.]*$");
  private static final Pattern ALSO_PLAUSIBLE =
      Pattern.compile(
          "(?is)^(.{1,60}?)[,;]?\\s+(?:but|however,?)\\s+(.{1,40}?)\\s+(?:is|are|would be|could be"
              + "|might be|seems|may be|could|might|may)"
              + "\\s+(?:also\\s+|equally\\s+)?(?:be\\s+)?(?:plausible|possible|likely|correct|valid|an option"
              + "|reasonable|defensible|right|argued|justified|defended)\\b.*$");
  private static final Pattern BOTH_WORDS =
      Pattern.compile(
          "(?i)^\\W*(yes|no|true|false)\\W*\\s+(?:and|or|and/or)\\s+\\W*(yes|no|true|false)\\b.*$");
  private static final Pattern OR = Pattern.compile("(?i)\\s+or\\s+");
  private static final Pattern IDIOM =
      Pattern.compile(
          "(?i)\\s+or\\s+(?:so|more|less|fewer|greater|higher|lower|above|below|thereabouts"
              + "|larger|smaller|longer|shorter|equivalently|in other words|rather)\\b");
  private static final Pattern TEXT_OR =
      Pattern.compile("\\\\(?:text|mathrm|textrm)\\{\\s*or\\s*\\}");
  private static final Pattern HEDGE_WORDS =
      Pattern.compile("(?i)^(?:either|maybe|possibly|perhaps|probably|likely|or)\\s+");
  private static final Pattern COMMENT_CUT =
      Pattern.compile(
          ",\\s+(?=[A-Za-z]{2,})|\\s+[—–-]\\s+"
              + "|(?i)\\s+(?=(?:if|when|unless|depending|assuming|provided)\\b)");

  private Candidates() {}

  /**
   * What the statement commits to.
   *
   * @param negationIsTheAnswer true for true/false answers, where "not true" is an answer (false)
   *     rather than a denial
   */
  public static Reading read(String statement, boolean negationIsTheAnswer) {
    String t = statement == null ? "" : statement.strip();
    if (t.isEmpty() || t.length() > MAX_STATEMENT) {
      return new Reading(t.isEmpty() ? List.of() : List.of(t), List.of());
    }
    if (plain(t)) {
      return new Reading(List.of(t), List.of());
    }
    t = withoutOthers(t);
    List<String> denied = new ArrayList<>();
    Matcher m = TRAILING_PAREN.matcher(t);
    if (m.matches() && valueLike(m.group(1)) && evenDollars(m.group(1))) {
      String head = m.group(1).strip();
      String inner = m.group(2).strip();
      String lower = inner.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("or ")) {
        return finish(List.of(head, withoutComment(inner.substring(3))), denied);
      }
      if (lower.startsWith("not ")) {
        denied.add(clean(inner.substring(4)));
        t = head;
      } else if (alphaWords(inner) >= 2 && head.matches("(?s).*[0-9$\\\\].*")) {
        t = head; // a remark: "(the key says 4)", "(the earlier 255 was a subtotal)"
      }
    }
    if (!negationIsTheAnswer) {
      m = NOT_BUT.matcher(t);
      if (m.find()) {
        denied.add(clean(m.group(1)));
        t = m.group(2);
      }
      m = LEADING_NOT.matcher(t);
      if (m.matches()) {
        Matcher concluded = CONCLUDED.matcher(t);
        if (!concluded.find()) {
          denied.add(clean(m.group(1)));
          return new Reading(List.of(), denied);
        }
        t = concluded.group(1); // "Not A, not C, not D — so B.": the others ruled out
      }
      m = IS_WRONG.matcher(t);
      if (m.matches() && valueLike(m.group(1))) {
        denied.add(clean(m.group(1)));
        return new Reading(List.of(), denied);
      }
      m = COMMA_NOT.matcher(t);
      if (m.matches() && valueLike(m.group(2))) {
        denied.add(clean(m.group(2)));
        t = m.group(1);
      }
    }
    m = BOTH_WORDS.matcher(t);
    if (m.matches()) {
      return finish(List.of(m.group(1), m.group(2)), denied);
    }
    m = ALSO_PLAUSIBLE.matcher(t);
    if (m.matches()) {
      return finish(List.of(m.group(1), m.group(2)), denied);
    }
    List<String> items = alternatives(t);
    if (items == null) {
      return new Reading(List.of(t), denied);
    }
    return finish(items, denied);
  }

  /** Words one of which every reading but the plain one needs: a cheap test before the rest. */
  private static final String[] CUES = {
    "(",
    " or",
    "Or",
    "OR",
    "not",
    "Not",
    "NOT",
    "but",
    "owever",
    "and",
    "wrong",
    "incorrect",
    "key",
    "mistake",
    "confused",
    "thers",
    "ome ",
    "any ",
    "ne ",
    "ou "
  };

  /** Whether the statement is one value as written, with nothing to read apart. */
  private static boolean plain(String t) {
    for (String c : CUES) {
      if (t.contains(c)) {
        return false;
      }
    }
    return true;
  }

  /** The statement without sentences about what others may answer (unless that is all it is). */
  private static String withoutOthers(String t) {
    if (!OTHERS.matcher(t).find()) {
      return t;
    }
    List<String> kept = new ArrayList<>();
    for (String s : SENTENCE.split(t)) {
      if (!OTHERS.matcher(s).find()) {
        kept.add(s);
      }
    }
    if (kept.isEmpty()) {
      Matcher m = TRAILING_PAREN.matcher(t);
      return m.matches() && OTHERS.matcher(m.group(2)).find() ? m.group(1) : t;
    }
    return String.join(" ", kept);
  }

  /** "A or B", "A, B or C", "either A or B": the items, or null when it is no such list. */
  private static List<String> alternatives(String statement) {
    if (SENTENCE.split(statement.strip()).length > 1) {
      return null; // prose: "False. It confuses precision or recall with accuracy."
    }
    String t = TEXT_OR.matcher(statement).replaceAll(" or ");
    t = IDIOM.matcher(t).replaceAll("");
    List<String> pieces = splitTopLevel(t, OR);
    if (pieces.size() < 2) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      String p = pieces.get(i);
      if (i == pieces.size() - 1) {
        items.add(withoutComment(p)); // "false, depending on how you read it"
      } else {
        items.addAll(splitTopLevel(p, Pattern.compile(",\\s+")));
      }
    }
    List<String> out = new ArrayList<>();
    for (String item : items) {
      String c = clean(item);
      int w = words(c);
      if (c.isEmpty() || c.length() > MAX_ITEM_CHARS || w > MAX_ITEM_WORDS) {
        return null;
      }
      if (w > 2 && !c.matches("(?s).*[\\d$\\\\^_=+/].*")) {
        return null; // a clause ("the statement confuses precision"), not a value
      }
      out.add(c);
    }
    return out;
  }

  /** An alternative without the comment after it: "0.4 mol if the acid is diprotic". */
  private static String withoutComment(String alternative) {
    Matcher cut = COMMENT_CUT.matcher(alternative);
    return cut.find() && cut.start() > 0 ? alternative.substring(0, cut.start()) : alternative;
  }

  /** Splits at matches outside brackets and braces. */
  private static List<String> splitTopLevel(String t, Pattern sep) {
    List<String> out = new ArrayList<>();
    Matcher m = sep.matcher(t);
    int from = 0;
    while (m.find()) {
      if (depth(t, m.start()) == 0) {
        out.add(t.substring(from, m.start()));
        from = m.end();
      }
    }
    out.add(t.substring(from));
    return out;
  }

  private static int depth(String t, int at) {
    int d = 0;
    for (int i = 0; i < at; i++) {
      char c = t.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        d++;
      } else if ((c == ')' || c == ']' || c == '}') && d > 0) {
        d--;
      }
    }
    return d;
  }

  private static Reading finish(List<String> items, List<String> denied) {
    Map<String, String> distinct = new LinkedHashMap<>();
    for (String item : items) {
      String c = clean(item);
      if (!c.isEmpty()) {
        distinct.putIfAbsent(FinalAnswerExtractor.comparable(c), c);
      }
    }
    return new Reading(new ArrayList<>(distinct.values()), denied);
  }

  /** A candidate without emphasis, hedging words, unmatched math delimiters and a final stop. */
  static String clean(String item) {
    String c = item.replace("**", "").replace("…", "").strip();
    c = HEDGE_WORDS.matcher(c).replaceFirst("");
    c = c.replaceAll("[\\s,;:.]+$", "").strip();
    if (c.chars().filter(ch -> ch == '$').count() % 2 == 1) {
      // a piece of "$2 or 5$": the delimiter left behind, not a dollar sign
      if (c.endsWith("$")) {
        c = c.substring(0, c.length() - 1).strip();
      } else if (c.startsWith("$") && c.length() > 1 && !Character.isDigit(c.charAt(1))) {
        c = c.substring(1).strip();
      }
    }
    if (c.startsWith("$")
        && c.endsWith("$")
        && c.length() > 2
        && c.indexOf('$', 1) == c.length() - 1) {
      c = c.substring(1, c.length() - 1).strip();
    }
    return c;
  }

  /**
   * A short value rather than a sentence: a number, a formula, a letter, a word or two, perhaps
   * named ("n = 0.2 mol").
   */
  private static boolean valueLike(String s) {
    String v = s.replace("**", "").strip().replaceFirst("^[A-Za-z_{}\\\\]{1,12}\\s*=\\s*", "");
    if (v.isEmpty() || v.length() > 60) {
      return false;
    }
    return words(v.replaceAll("\\$[^$]*\\$", "x")) <= 3;
  }

  private static boolean evenDollars(String s) {
    return s.chars().filter(c -> c == '$').count() % 2 == 0;
  }

  private static int alphaWords(String s) {
    Matcher m = ALPHA_WORD.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
