package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model's reasoning, trying in turn: an explicit {@code Final answer:}
 * (its last occurrence); the later of an {@code Answer:} line and a {@code \boxed{}}; a sentence
 * "the answer is …"; the last bold phrase that is not a label; the last statement. A text that only
 * says it does not know has no final answer.
 *
 * <p>Works line by line with plain string scans, so any input takes time linear in its length.
 */
public final class FinalAnswerExtractor {
  /** Longer final answers are cut: a final answer is a line or a short block, not an essay. */
  static final int MAX_ANSWER_CHARS = 2000;

  private static final int MAX_BLOCK_LINES = 12;
  private static final int MAX_BOLD_CHARS = 300;
  private static final int LONG_PARAGRAPH = 1200;

  private static final String[] FINAL_KEYWORDS = {"final answers", "final answer", "final result"};
  private static final String[] ANSWER_KEYWORDS = {"short answer", "answers", "answer"};
  private static final String[] LABEL_WORDS = {
    "step", "part", "problem", "question", "note", "reasoning", "solution", "explanation",
    "approach", "analysis", "answer", "final answer", "conclusion", "summary", "given", "case",
    "method", "proof", "derivation", "setup", "intuition", "key insight", "recall", "check"
  };

  /** What may stand between "Answer" and its colon: "(a)", "for part (b)(ii)", "to 2.a". */
  private static final Pattern WHICH_PART =
      Pattern.compile(
          "(?:(?:for|to|of) (?:part |problem |question )?)?(?:\\([A-Za-z0-9]{1,5}\\)){1,3}"
              + "|(?:for|to|of) (?:part |problem |question )?[A-Za-z0-9.]{1,8}");

  private static final String[] CLOSING_REMARKS = {
    "let me know", "i hope this helps", "hope this helps", "feel free to"
  };

  private FinalAnswerExtractor() {}

  /** The final answer in {@code text}, or empty when there is none or the text only declines. */
  public static Optional<String> extract(String text) {
    return Optional.ofNullable(extractMarked(text).answer());
  }

  /** How the final answer was found: the first two say so outright, the others guess. */
  enum Rule {
    /** {@code Final answer:}, {@code **Answer:**}, {@code \boxed{}}, "the answer is". */
    STATED,
    /** A bold phrase. */
    BOLD,
    /** The last statement. */
    LAST_STATEMENT,
    /** No answer: blank, or only declining. */
    NONE
  }

  /** A final answer and the rule that found it; the answer is null when the rule is NONE. */
  record Extraction(String answer, Rule rule) {}

  /** Like {@link #extract}, and says how sure the answer is. */
  static Extraction extractMarked(String text) {
    if (text == null || text.isBlank() || NonAnswers.isNonAnswer(text)) {
      return new Extraction(null, Rule.NONE);
    }
    List<String> lines = proseLines(text);
    Rule rule = Rule.STATED;
    String found = markedAnswer(lines, FINAL_KEYWORDS);
    if (found == null) {
      found = laterOfAnswerLineAndBoxed(lines);
    }
    if (found == null) {
      found = answerIsPhrase(lines);
    }
    if (found == null) {
      found = lastBold(lines);
      rule = Rule.BOLD;
    }
    if (found == null) {
      found = lastStatement(lines);
      rule = Rule.LAST_STATEMENT;
    }
    String cleaned = found == null ? "" : AnswerCleaner.clean(found);
    return cleaned.isEmpty() ? new Extraction(null, Rule.NONE) : new Extraction(cleaned, rule);
  }

  /** The content of the last {@code \boxed{…}}, braces balanced; null if none. */
  public static String lastBoxed(String text) {
    if (text == null) {
      return null;
    }
    int i = text.lastIndexOf("\\boxed{");
    if (i < 0) {
      return null;
    }
    int start = i + "\\boxed{".length();
    int depth = 1;
    for (int j = start; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\' && j + 1 < text.length()) {
        j++; // an escaped brace \{ does not nest
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(start, j);
      }
    }
    return null;
  }

  /** The text's lines, with the lines of fenced code blocks blanked out (code is not an answer). */
  private static List<String> proseLines(String text) {
    String[] raw = text.split("\\R", -1);
    List<String> lines = new ArrayList<>(raw.length);
    boolean inFence = false;
    char fence = 0;
    for (String line : raw) {
      String t = line.strip();
      if (!inFence && (t.startsWith("```") || t.startsWith("~~~"))) {
        inFence = true;
        fence = t.charAt(0);
        lines.add("");
      } else if (inFence) {
        if (t.length() >= 3 && isRun(t, fence)) {
          inFence = false;
        }
        lines.add("");
      } else {
        lines.add(line);
      }
    }
    if (inFence) {
      // An unclosed fence: read it as prose rather than lose the rest of the answer.
      return new ArrayList<>(List.of(raw));
    }
    return lines;
  }

  private static boolean isRun(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  /** The value of the last line starting with one of the keywords and a colon; null if none. */
  private static String markedAnswer(List<String> lines, String[] keywords) {
    int at = lastMarkerLine(lines, keywords);
    return at < 0 ? null : markerValue(lines, at, keywords);
  }

  private static int lastMarkerLine(List<String> lines, String[] keywords) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (valueStart(lines.get(i), keywords) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String markerValue(List<String> lines, int at, String[] keywords) {
    String line = lines.get(at);
    String value = line.substring(valueStart(line, keywords)).strip();
    if (AnswerCleaner.stripEmphasis(value).isEmpty()) {
      value = followingBlock(lines, at + 1);
    }
    String boxed = lastBoxed(value);
    return boxed != null ? boxed : value;
  }

  /**
   * Where the answer starts on a marker line such as {@code **Final Answer:** 42} or {@code ###
   * Answer}; -1 when the line is no marker.
   */
  static int valueStart(String line, String[] keywords) {
    int n = line.length();
    int i = 0;
    while (i < n && " \t>#*_-".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    int end = -1;
    for (String k : keywords) {
      if (line.regionMatches(true, i, k, 0, k.length())
          && (i + k.length() == n || !Character.isLetter(line.charAt(i + k.length())))) {
        end = i + k.length();
        break;
      }
    }
    if (end < 0) {
      return -1;
    }
    int j = skip(line, end, " \t*_");
    Matcher which = WHICH_PART.matcher(line.substring(j, Math.min(n, j + 30)));
    if (which.lookingAt()) { // "Answer (a):", "Final answer for part (b)(ii):"
      j = skip(line, j + which.end(), " \t*_");
    }
    if (j == n) {
      return n;
    }
    char c = line.charAt(j);
    if (c == ':' || c == '：' || c == '—' || c == '=') {
      return skip(line, j + 1, " \t*_");
    }
    if (line.regionMatches(true, j, "is ", 0, 3)) {
      return skip(line, j + 3, " \t*_");
    }
    return -1;
  }

  private static int skip(String s, int from, String chars) {
    int i = from;
    while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** The next block of non-blank lines from {@code from}, skipping leading blank lines. */
  private static String followingBlock(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; i < lines.size() && k < MAX_BLOCK_LINES && !lines.get(i).isBlank(); i++, k++) {
      sb.append(lines.get(i)).append('\n');
    }
    return sb.toString().strip();
  }

  private static String laterOfAnswerLineAndBoxed(List<String> lines) {
    int marker = lastMarkerLine(lines, ANSWER_KEYWORDS);
    int boxed = -1;
    for (int i = lines.size() - 1; i > marker && boxed < 0; i--) {
      if (lines.get(i).contains("\\boxed{")) {
        boxed = i;
      }
    }
    if (boxed >= 0) {
      String value = lastBoxed(String.join("\n", lines.subList(boxed, lines.size())));
      if (value != null) {
        return value;
      }
    }
    return marker < 0 ? null : markerValue(lines, marker, ANSWER_KEYWORDS);
  }

  /** "…, so the answer is 42." gives "42"; the sentence may go on to the next lines. */
  private static String answerIsPhrase(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      int at = line.toLowerCase(Locale.ROOT).lastIndexOf("answer is ");
      if (at >= 0) {
        StringBuilder sentence = new StringBuilder(line.substring(at + "answer is ".length()));
        for (int k = i + 1;
            k < lines.size() && k <= i + MAX_BLOCK_LINES && !lines.get(k).isBlank();
            k++) {
          sentence.append(' ').append(lines.get(k).strip());
        }
        String rest = sentence.toString().strip();
        int stop = rest.indexOf(". ");
        rest = stop >= 0 ? rest.substring(0, stop + 1) : rest;
        int closeBold = rest.startsWith("**") ? rest.indexOf("**", 2) : -1;
        if (closeBold > 2) {
          return rest.substring(2, closeBold); // "the answer is **A** — because…"
        }
        return rest.regionMatches(true, 0, "that ", 0, 5) ? rest.substring(5) : rest;
      }
    }
    return null;
  }

  /**
   * The last bold phrase that opens a line ("**FALSE.** The weights…"), else the last bold phrase
   * in the last paragraph. Labels and single emphasised words ("is **not** the same") are skipped.
   */
  private static String lastBold(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      int at = skip(line, 0, " \t>-+");
      if (line.startsWith("**", at)) {
        int close = line.indexOf("**", at + 2);
        String inner = close < 0 ? "" : line.substring(at + 2, close).strip();
        if (!inner.isEmpty() && inner.length() <= MAX_BOLD_CHARS && !isLabel(inner)) {
          return inner;
        }
      }
    }
    int end = lines.size() - 1;
    while (end >= 0 && isFiller(lines.get(end))) {
      end--;
    }
    for (int i = end; i >= 0 && !isFiller(lines.get(i)); i--) {
      String bold = lastBoldOnLine(lines.get(i));
      if (bold != null) {
        return bold;
      }
    }
    return null;
  }

  private static String lastBoldOnLine(String line) {
    String last = null;
    int from = 0;
    while (true) {
      int open = line.indexOf("**", from);
      if (open < 0) {
        break;
      }
      int close = line.indexOf("**", open + 2);
      if (close < 0) {
        break;
      }
      String inner = line.substring(open + 2, close).strip();
      if (!inner.isEmpty()
          && inner.length() <= MAX_BOLD_CHARS
          && !isLabel(inner)
          && !isEmphasis(inner)) {
        last = inner;
      }
      from = close + 2;
    }
    return last;
  }

  /**
   * One lower-case word in bold inside a sentence stresses it; it is no answer (unless true/false).
   */
  private static boolean isEmphasis(String bold) {
    if (bold.length() > 14
        || bold.indexOf(' ') >= 0
        || !bold.chars().allMatch(Character::isLowerCase)) {
      return false;
    }
    return !List.of("true", "false", "yes", "no").contains(bold);
  }

  /** A bold phrase that introduces something ("Step 2:", "Reasoning", "(a)") is no answer. */
  private static boolean isLabel(String bold) {
    String b = bold.toLowerCase(Locale.ROOT);
    if (b.endsWith(":")
        || b.endsWith("：")
        || (b.startsWith("(") && b.endsWith(")") && b.length() <= 6)) {
      return true;
    }
    for (String w : LABEL_WORDS) {
      if (b.equals(w) || (b.startsWith(w + " ") && b.length() <= w.length() + 12)) {
        return true;
      }
    }
    return false;
  }

  /** The last paragraph, or its last sentence when it is long; closing pleasantries skipped. */
  private static String lastStatement(List<String> lines) {
    int end = lines.size() - 1;
    while (end >= 0 && isFiller(lines.get(end))) {
      end--;
    }
    if (end < 0) {
      return null;
    }
    int start = end;
    while (start > 0 && !isFiller(lines.get(start - 1))) {
      start--;
    }
    String paragraph = String.join("\n", lines.subList(start, end + 1)).strip();
    if (paragraph.length() <= LONG_PARAGRAPH) {
      return paragraph;
    }
    String trimmed =
        paragraph.endsWith(".") ? paragraph.substring(0, paragraph.length() - 1) : paragraph;
    int cut = Math.max(trimmed.lastIndexOf(". "), trimmed.lastIndexOf(".\n"));
    return cut < 0 ? paragraph : paragraph.substring(cut + 2);
  }

  private static boolean isFiller(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.chars().allMatch(c -> c == '-' || c == '*' || c == '_' || c == '=')) {
      return true;
    }
    return isClosingRemark(t);
  }

  /** "Let me know if…", "I hope this helps!": a pleasantry that closes a chat, not an answer. */
  static boolean isClosingRemark(String line) {
    String lower = line.strip().toLowerCase(Locale.ROOT);
    for (String r : CLOSING_REMARKS) {
      if (lower.startsWith(r)) {
        return true;
      }
    }
    return false;
  }
}
