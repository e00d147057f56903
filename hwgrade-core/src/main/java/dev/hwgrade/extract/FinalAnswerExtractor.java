package dev.hwgrade.extract;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

  /** A withdrawal followed by at most this much text is followed by the answer that replaces it. */
  private static final int MAX_REVISION_CHARS = 300;

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

  /**
   * "Final answer:" or "final answer is" inside a line; a run such as "Final Answer: The final
   * answer is" counts as one.
   */
  private static final Pattern FINAL_IN_LINE =
      Pattern.compile(
          "(?i)\\bfinal answer\\b[*_\\s]*(?:[:：]|is\\b)[*_\\s]*(?:the final answer is\\s*)?");

  private static final Pattern ALTERNATIVE_AFTER = Pattern.compile("(?i)[\\s,]*\\(?\\s*or\\b");

  private static final String[] CLOSING_REMARKS = {
    "let me know", "i hope this helps", "hope this helps", "feel free to"
  };

  private static final Pattern PYTHON_POWER = Pattern.compile("(?<=[\\d)])\\*\\*(?=[-+]?[\\d(])");

  private FinalAnswerExtractor() {}

  /** The final answer in {@code text}, or empty when there is none or the text only declines. */
  public static Optional<String> extract(String text) {
    return Optional.ofNullable(extractMarked(text).answer());
  }

  /**
   * The answer a response gives: its text as the reasoning, the final answer extracted from it, and
   * the other different final answers it states and does not withdraw.
   */
  public static Answer answer(String partId, String text, SourceLocation at) {
    Extraction e = extractMarked(text);
    return new Answer(partId, text, e.answer(), at, e.others());
  }

  /** How the final answer was found: the first two say so outright, the others guess. */
  public enum Rule {
    /** {@code Final answer:}, {@code **Answer:**}, {@code \boxed{}}, "the answer is". */
    STATED,
    /** A bold phrase. */
    BOLD,
    /** The last statement. */
    LAST_STATEMENT,
    /** No answer: blank, only declining, or a withdrawn answer with nothing in its place. */
    NONE
  }

  /**
   * A final answer, the rule that found it, and the other different final answers the text states
   * (earlier final statements of the same standing that are not withdrawn); the answer is null when
   * the rule is NONE.
   */
  public record Extraction(String answer, Rule rule, List<String> others) {
    public Extraction {
      others = others == null ? List.of() : List.copyOf(others);
    }

    Extraction(String answer, Rule rule) {
      this(answer, rule, List.of());
    }
  }

  /**
   * A final statement: the line it starts on, its value, and the values written together with it
   * (the earlier boxes of a run such as {@code \\boxed{-2} and \\boxed{1}}).
   */
  private record Statement(int line, String value, List<String> with) {
    Statement(int line, String value) {
      this(line, value, List.of());
    }
  }

  /** What a model appends to its answer: "I hope it is correct.", "Note: …". */
  private static final Pattern TRAILER =
      Pattern.compile("(?is)[\\s.]*(?:I hope (?:it|this) is correct|\\bNote:).*$");

  /** Like {@link #extract}, and says how the answer was found and what else the text states. */
  public static Extraction extractMarked(String text) {
    if (text == null) {
      return new Extraction(null, Rule.NONE);
    }
    text = HiddenText.strip(text);
    text = withoutChatTokens(text);
    if (text.indexOf("**") >= 0) {
      // 2**3**2 and 6.02*10**23: Python's power between figures, not Markdown bold
      text = PYTHON_POWER.matcher(text).replaceAll("^");
    }
    if (text.isBlank() || NonAnswers.isNonAnswer(text)) {
      return new Extraction(null, Rule.NONE);
    }
    String tail = Withdrawals.afterLastWithdrawal(text);
    if (tail != null && !tail.isBlank() && tail.length() <= MAX_REVISION_CHARS) {
      Extraction revised = extractMarked(tail); // the tail holds no withdrawal: no recursion
      if (revised.answer() != null) {
        return revised;
      }
    }
    List<String> lines = proseLines(text);
    lines.replaceAll(Withdrawals::unstrike);
    Rule rule = Rule.STATED;
    List<Statement> stated = statements(lines, FINAL_KEYWORDS);
    if (stated.isEmpty()) {
      stated = answerLinesAndBoxes(lines);
    }
    String found = stated.isEmpty() ? null : stated.get(stated.size() - 1).value();
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
    String cleaned = found == null ? "" : clean(found);
    if (cleaned.isEmpty() || NonAnswers.isNonAnswer(cleaned)) {
      // "**Final Answer:** unknown" declines whether or not reasoning comes before it
      return new Extraction(null, Rule.NONE);
    }
    List<String> others = new ArrayList<>();
    if (rule == Rule.BOLD) {
      for (String bold : standaloneBoldValues(lines)) {
        String v = clean(bold);
        if (!comparable(v).equals(comparable(cleaned)) && !others.contains(v)) {
          others.add(v);
        }
      }
    }
    if (!stated.isEmpty() && rule == Rule.STATED) {
      for (String w : stated.get(stated.size() - 1).with()) {
        others.add(clean(w));
      }
    }
    others.addAll(others(stated, lines, cleaned));
    return new Extraction(cleaned, rule, others);
  }

  private static String clean(String value) {
    String v = value;
    if (v.contains("hope") || v.contains("Note:")) {
      String cut = TRAILER.matcher(v).replaceFirst("");
      v = cut.isBlank() ? v : cut;
    }
    return AnswerCleaner.clean(Withdrawals.revised(v));
  }

  /**
   * The text without hidden reasoning ({@code <think>…</think>}) and without what follows a
   * chat-template token ({@code <|im_start|>}, {@code <|im_end|>}, {@code <|endoftext|>}): never
   * part of what a reader is shown. Plain scans, linear in the text.
   */
  static String withoutChatTokens(String text) {
    String t = text;
    int think = t.indexOf("<think>");
    while (think >= 0) {
      int close = t.indexOf("</think>", think);
      t = close < 0 ? t.substring(0, think) : t.substring(0, think) + t.substring(close + 8);
      think = t.indexOf("<think>", think);
    }
    for (String token : new String[] {"<|im_start|>", "<|im_end|>", "<|endoftext|>"}) {
      int at = t.indexOf(token);
      if (at >= 0) {
        t = t.substring(0, at);
      }
    }
    return t;
  }

  /** The earlier statements' values that differ from the answer and are not withdrawn. */
  private static List<String> others(List<Statement> stated, List<String> lines, String answer) {
    if (stated.size() < 2) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    seen.add(comparable(answer));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < stated.size() - 1; i++) {
      Statement s = stated.get(i);
      int to = stated.get(i + 1).line();
      String between = String.join("\n", lines.subList(s.line(), Math.min(lines.size(), to + 1)));
      if (Withdrawals.withdraws(between)) {
        continue;
      }
      List<String> values = new ArrayList<>(s.with());
      values.add(s.value());
      for (String value : values) {
        String v = clean(value);
        if (!v.isEmpty() && seen.add(comparable(v))) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** A value as compared for sameness: no spacing, math delimiters, bold or case. */
  static String comparable(String v) {
    return v.replaceAll("[\\s$*]+", "").replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
  }

  /** The content of the last {@code \boxed{…}}, braces balanced; null if none. */
  public static String lastBoxed(String text) {
    if (text == null) {
      return null;
    }
    int i = text.lastIndexOf("\\boxed{");
    return i < 0 ? null : boxedAt(text, i);
  }

  /** The content of the box that starts at {@code i}; null when it is never closed. */
  private static String boxedAt(String text, int i) {
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
    List<String> raw = lines(text);
    List<String> lines = new ArrayList<>(raw.size());
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
      return new ArrayList<>(raw);
    }
    return lines;
  }

  /** The text's lines, split at {@code \\n}, {@code \\r\\n} or {@code \\r}. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  private static boolean isRun(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  /** Every line starting with one of the keywords and a colon, with its value, in order. */
  private static List<Statement> statements(List<String> lines, String[] keywords) {
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (valueStart(lines.get(i), keywords) >= 0) {
        out.add(new Statement(i, markerValue(lines, i, keywords)));
      } else if (keywords == FINAL_KEYWORDS) {
        String inLine = finalInLine(lines.get(i));
        if (inLine != null) {
          out.add(new Statement(i, inLine));
        }
      }
    }
    return out;
  }

  private static int firstOf(String s, String... needles) {
    int best = -1;
    for (String n : needles) {
      int at = s.indexOf(n);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  /** "… so x = 3. Final Answer: The final answer is 12." : the value after the last marker. */
  private static String finalInLine(String line) {
    int first = firstOf(line, "inal answer", "inal Answer", "INAL ANSWER");
    if (first < 1) {
      return null;
    }
    Matcher m = FINAL_IN_LINE.matcher(line).region(first - 1, line.length());
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    if (end < 0 || end >= line.length()) {
      return null;
    }
    String value = line.substring(end).strip();
    String boxed = lastBoxed(value);
    return value.isEmpty() ? null : boxed != null ? boxed : value;
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

  /**
   * "Answer:" lines and lines holding boxes, in order; the boxes of one line are one statement
   * (several boxes written together are a list).
   */
  private static List<Statement> answerLinesAndBoxes(List<String> lines) {
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (valueStart(line, ANSWER_KEYWORDS) >= 0) {
        out.add(new Statement(i, markerValue(lines, i, ANSWER_KEYWORDS)));
      } else if (line.contains("\\boxed{")) {
        String rest = String.join("\n", lines.subList(i, lines.size()));
        List<String> boxes = boxesStartingBefore(rest, line.length());
        if (!boxes.isEmpty()) {
          String last = boxes.get(boxes.size() - 1);
          out.add(new Statement(i, last, boxes.subList(0, boxes.size() - 1)));
        }
      }
    }
    return out;
  }

  /**
   * The contents of the last run of closed boxes that start before {@code limit}, repeats dropped:
   * boxes with a few words between them ("and", "for part (a) and") are written together; otherwise
   * the last box wins.
   */
  private static List<String> boxesStartingBefore(String text, int limit) {
    Set<String> out = new LinkedHashSet<>();
    int at = text.indexOf("\\boxed{");
    int prevEnd = -1;
    while (at >= 0 && at < limit) {
      String inner = boxedAt(text, at);
      if (inner == null) {
        break;
      }
      if (prevEnd >= 0 && !MathAnswer.shortGap(text.substring(prevEnd, at))) {
        out.clear();
      }
      out.add(inner.strip());
      prevEnd = at + 8 + inner.length();
      at = text.indexOf("\\boxed{", prevEnd);
    }
    return new ArrayList<>(out);
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
          String after = line.substring(close + 2);
          // "**False** (or True…)": the alternative belongs to the answer
          return ALTERNATIVE_AFTER.matcher(after).lookingAt() ? line.strip() : inner;
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

  /**
   * Lines that are only a bold value — with a digit or a formula ("**0.651**", "**$x^2$**") or one
   * short token ("**B**", "**True**"): each displays a final value.
   */
  private static List<String> standaloneBoldValues(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String t = line.strip();
      if (t.length() > 4
          && t.startsWith("**")
          && t.endsWith("**")
          && t.indexOf("**", 2) == t.length() - 2) {
        String inner = t.substring(2, t.length() - 2).strip();
        boolean token = inner.length() <= 12 && inner.indexOf(' ') < 0 && !inner.endsWith("?");
        boolean value = token || inner.matches("(?s).*[\\d$\\\\].*");
        if (!isLabel(inner) && inner.length() <= 60 && value) {
          out.add(inner);
        }
      }
    }
    return out;
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
