package dev.hwgrade.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into sentences and sentences into clauses. Written for the answers models and
 * students write: Markdown bullets and numbered lists end a sentence, abbreviations ({@code e.g.},
 * {@code i.e.}, {@code Fig.}) and decimals ({@code 0.5}) do not. Thread-safe and stateless.
 */
public final class SentenceSplitter {
  /** Text longer than this is cut before splitting: an answer is never a book. */
  public static final int MAX_CHARS = 20_000;

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "e.g", "i.e", "etc", "vs", "cf", "fig", "eq", "eqs", "approx", "resp", "al", "dr", "mr",
          "mrs", "ms", "no", "sec", "ch", "ref", "min", "max", "std", "var", "avg", "wrt", "w.r.t");

  private static final Pattern LIST_MARKER =
      Pattern.compile("^\\s*(?:[-*•+]|\\d{1,2}[.)]|\\(?[a-z ivx]{1,4}\\)|#{1,6})\\s+");

  /** Where a clause may end: semicolons, colons, and a comma or space before a linking word. */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "\\s*[;:]\\s+|\\s*,?\\s+(?=(?:because|but|whereas|while|although|though|since|so that|"
              + "so|which|hence|therefore|thus|however|otherwise|unless)\\b)|,\\s+(?=and\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final int MIN_CLAUSE_WORDS = 3;

  private SentenceSplitter() {}

  /** The sentences of a text, trimmed, in order, none empty. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    for (String block : t.split("\\n\\s*\\n|\\r?\\n(?=\\s*(?:[-*•+]|\\d{1,2}[.)]|#{1,6})\\s)")) {
      for (String line : block.split("\\r?\\n(?=\\s*\\S)")) {
        splitLine(LIST_MARKER.matcher(line).replaceFirst("").strip(), out);
      }
    }
    return mergeFragments(out);
  }

  /**
   * The clauses of one sentence: the sentence cut at semicolons, colons and before linking words
   * such as "because" or "but". Pieces shorter than three words stay attached to a neighbour.
   */
  public static List<String> clauses(String sentence) {
    List<String> out = new ArrayList<>();
    if (sentence == null || sentence.isBlank()) {
      return out;
    }
    String s = sentence.strip();
    List<int[]> spans = new ArrayList<>();
    Matcher m = CLAUSE_BREAK.matcher(s);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        spans.add(new int[] {start, m.start()});
      }
      start = m.end();
    }
    if (start < s.length()) {
      spans.add(new int[] {start, s.length()});
    }
    int pendingStart = -1;
    int lastStart = 0;
    for (int[] span : spans) {
      if (pendingStart < 0) {
        pendingStart = span[0];
      }
      String piece = s.substring(pendingStart, span[1]).strip();
      if (wordCount(piece) >= MIN_CLAUSE_WORDS) {
        out.add(piece);
        lastStart = pendingStart;
        pendingStart = -1;
      }
    }
    if (pendingStart >= 0) {
      // a short tail joins the clause before it, as written
      int from = out.isEmpty() ? pendingStart : lastStart;
      if (!out.isEmpty()) {
        out.remove(out.size() - 1);
      }
      out.add(s.substring(from).strip());
    }
    return out;
  }

  /**
   * Sentences and, for sentences that have more than one clause, their clauses as well: the places
   * in an answer a key point is looked for.
   */
  public static List<String> units(String text) {
    List<String> out = new ArrayList<>();
    for (String s : sentences(text)) {
      out.add(s);
      List<String> cs = clauses(s);
      if (cs.size() > 1) {
        out.addAll(cs);
      }
    }
    return out;
  }

  private static final Pattern END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s+|$)");

  private static void splitLine(String line, List<String> out) {
    if (line.isBlank()) {
      return;
    }
    Matcher m = END.matcher(line);
    int start = 0;
    while (m.find()) {
      int end = m.end();
      if (line.charAt(m.start()) == '.' && isAbbreviation(line, m.start())) {
        continue;
      }
      if (end < line.length() && !startsSentence(line, end)) {
        continue;
      }
      add(out, line.substring(start, end));
      start = end;
    }
    add(out, line.substring(start));
  }

  private static boolean startsSentence(String line, int from) {
    int i = from;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i >= line.length()) {
      return true;
    }
    char c = line.charAt(i);
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"'($*-[\\".indexOf(c) >= 0;
  }

  private static boolean isAbbreviation(String line, int dot) {
    int i = dot;
    while (i > 0 && (Character.isLetter(line.charAt(i - 1)) || line.charAt(i - 1) == '.')) {
      i--;
    }
    String word = line.substring(i, dot).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty() && t.chars().anyMatch(Character::isLetterOrDigit)) {
      out.add(t);
    }
  }

  /** Joins a piece of one or two words (a stray "Yes." or "2)") to the sentence after it. */
  private static List<String> mergeFragments(List<String> in) {
    List<String> out = new ArrayList<>();
    String carry = null;
    for (String s : in) {
      String cur = carry == null ? s : carry + " " + s;
      carry = null;
      if (wordCount(cur) < 2 && out.size() + 1 < in.size()) {
        carry = cur;
      } else {
        out.add(cur);
      }
    }
    if (carry != null) {
      out.add(carry);
    }
    return out;
  }

  private static int wordCount(CharSequence s) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean w = Character.isLetterOrDigit(s.charAt(i));
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }
}
