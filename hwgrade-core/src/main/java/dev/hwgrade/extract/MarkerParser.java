package dev.hwgrade.extract;

import dev.hwgrade.extract.Marker.Decoration;
import dev.hwgrade.extract.Marker.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the problem or part marker at the start of one line, if there is one: {@code ## Problem 2},
 * {@code **(a)**}, {@code ### 2(b)}, {@code Part (c):}, {@code 2(a)(i)}, {@code 2.a.i}, {@code
 * Problem 1, part (c)}, {@code (iii)}, {@code a)}. It knows how markers look, not which parts
 * exist.
 *
 * <p>A hand-written scanner rather than a regular expression, and it looks at most {@value
 * #SCAN_LIMIT} characters into a line, so a line costs constant time whatever it holds.
 */
final class MarkerParser {
  static final int SCAN_LIMIT = 240;

  private static final String[] PROBLEM_WORDS = {
    "homework problem", "problem", "question", "exercise", "task"
  };
  private static final String[] PART_WORDS = {
    "sub-problem", "subproblem", "sub-question", "subquestion", "sub-part", "subpart", "part"
  };
  private static final String[] PREAMBLES = {
    "answers to ",
    "answer to ",
    "answer for ",
    "solutions to ",
    "solution to ",
    "solution for ",
    "response to "
  };
  private static final int MAX_LABEL = 6;

  private final boolean digitLabels;

  /**
   * @param digitLabels whether part labels may be numbers ({@code 3.2}); when not, {@code 1.5} at
   *     the start of a line is a number, not problem 1 part 5
   */
  MarkerParser(boolean digitLabels) {
    this.digitLabels = digitLabels;
  }

  /** The marker at the start of {@code line}, or null. */
  Marker parse(String line, int lineNo) {
    return new Scan(line.length() > SCAN_LIMIT ? line.substring(0, SCAN_LIMIT) : line)
        .marker(line, lineNo);
  }

  /** One attempt to read a marker; a cursor over the line's first characters. */
  private final class Scan {
    private final String s;
    private int i;
    private String problem;
    private final List<String> labels = new ArrayList<>();
    private boolean selfDelimited;

    /** A label written against the number, as in {@code 2b}; "2a + 3b" shows why it needs care. */
    private boolean attached;

    Scan(String s) {
      this.s = s;
    }

    Marker marker(String fullLine, int lineNo) {
      skipSpaces();
      while (peek('>')) {
        i++;
        skipSpaces();
      }
      Decoration decoration = Decoration.NONE;
      int hashes = 0;
      if (peek('#')) {
        hashes = run('#');
        if (hashes > 6 || !(atEnd() || peekSpace())) {
          return null;
        }
        decoration = Decoration.HEADING;
        skipSpaces();
      } else if ((peek('-') || peek('+') || peek('*')) && spaceAt(i + 1)) {
        i++;
        skipSpaces();
      }
      String emphasis = null;
      if (startsWith("**") || startsWith("__")) {
        emphasis = s.substring(i, i + 2);
      } else if ((peek('*') || peek('_')) && i + 1 < s.length() && !spaceAt(i + 1)) {
        emphasis = s.substring(i, i + 1);
      }
      if (emphasis != null) {
        i += emphasis.length();
        skipSpaces();
        if (decoration == Decoration.NONE) {
          decoration = Decoration.EMPHASIS;
        }
      }
      int bodyStart = i;
      Form form = body();
      if (form == null) {
        return null;
      }
      int bodyEnd = i;
      if (!endsWell(form, decoration)) {
        return null;
      }
      int contentStart;
      String title;
      if (decoration == Decoration.HEADING || (problem != null && labels.isEmpty())) {
        // the rest of a heading, or of a problem's own line ("**Problem 1:** LoRA"), is a title
        contentStart = fullLine.length();
        title = tidyTitle(fullLine.substring(bodyEnd));
      } else if (emphasis != null && fullLine.indexOf(emphasis, bodyEnd) >= 0) {
        int close = fullLine.indexOf(emphasis, bodyEnd);
        contentStart = close + emphasis.length();
        title = tidyTitle(fullLine.substring(bodyEnd, close));
      } else {
        contentStart = skipTerminators(fullLine, bodyEnd);
        title = "";
      }
      String text = s.substring(bodyStart, bodyEnd).strip();
      return new Marker(
          lineNo,
          bodyStart + 1,
          contentStart,
          title,
          text,
          problem,
          List.copyOf(labels),
          form,
          decoration,
          hashes);
    }

    /** Reads the marker's words, number and labels; the form read, or null for no marker. */
    private Form body() {
      skipPreamble();
      if (word(PROBLEM_WORDS) || questionShorthand()) {
        skipSpaces();
        if (peek('#')) {
          i++;
        } else if (s.regionMatches(true, i, "no.", 0, 3)) {
          i += 3;
        }
        skipSpaces();
        if (!number() || !refsAfterNumber()) {
          return null;
        }
        partClause();
        return Form.KEYWORD;
      }
      if (word(PART_WORDS)) {
        skipSpaces();
        if (peekDigit()) {
          // "Part 3.2" and "Part 2(a)" name a problem; "Part 2" names one too unless parts are
          // numbered
          if (!number() || !refsAfterNumber()) {
            return null;
          }
          if (labels.isEmpty() && digitLabels) {
            labels.add(problem);
            problem = null;
          }
        } else if (!looseLabels()) {
          return null;
        }
        return Form.KEYWORD;
      }
      if (peekDigit()) {
        if (!number() || !refsAfterNumber()) {
          return null;
        }
        return labels.isEmpty() ? Form.NUMBER : Form.COMPOUND;
      }
      if (peek('(') || peek('[')) {
        return parenLabels() ? Form.LABEL : null;
      }
      return labelWithPunctuation() ? Form.LABEL : null;
    }

    /** "Answer to", "Solution for" before a marker. */
    private void skipPreamble() {
      for (String preamble : PREAMBLES) {
        if (s.regionMatches(true, i, preamble, 0, preamble.length())) {
          i += preamble.length();
          skipSpaces();
          return;
        }
      }
    }

    /** Q3, Q.3, Q 3: the letter q followed by a problem number. */
    private boolean questionShorthand() {
      if (!(peek('q') || peek('Q'))) {
        return false;
      }
      int j = i + 1;
      if (j < s.length() && s.charAt(j) == '.') {
        j++;
      }
      if (j < s.length() && s.charAt(j) == ' ') {
        j++;
      }
      if (j < s.length() && Character.isDigit(s.charAt(j))) {
        i = j;
        return true;
      }
      return false;
    }

    /** ", part (c)", " part c", " - Part (b)(ii)" after a problem number. */
    private void partClause() {
      int save = i;
      while (i < s.length() && " ,-–—:".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (word(PART_WORDS)) {
        skipSpaces();
        if (looseLabels()) {
          return;
        }
      }
      i = save;
    }

    private boolean number() {
      int start = i;
      while (i < s.length() && i - start < 4 && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || (i < s.length() && Character.isDigit(s.charAt(i)))) {
        return false;
      }
      problem = stripZeros(s.substring(start, i));
      return true;
    }

    /**
     * Labels after a problem number: (a)(i), .a.i, or one attached letter (2b); false if invalid.
     */
    private boolean refsAfterNumber() {
      selfDelimited = false;
      if (i < s.length() && Character.isLowerCase(s.charAt(i))) {
        String label = label();
        if (label == null || !boundary()) {
          return false; // "2nd", "3D": a word, not a marker
        }
        labels.add(label);
        attached = true;
      }
      while (true) {
        int save = i;
        if (peek('(')) {
          i++;
          String label = label();
          if (label != null && peek(')')) {
            i++;
            labels.add(label);
            selfDelimited = true;
            continue;
          }
        } else if (peek('.') && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))) {
          i++;
          String label = label();
          if (label != null && boundary()) {
            labels.add(label);
            selfDelimited = false;
            continue;
          }
        }
        i = save;
        return true;
      }
    }

    /** After "Part": (c), c, (b)(ii), b.ii, b(ii). */
    private boolean looseLabels() {
      if (peek('(') || peek('[')) {
        return parenLabels();
      }
      String label = label();
      if (label == null || !(boundary() || peek('(') || peek('.'))) {
        return false;
      }
      labels.add(label);
      int before = labels.size();
      refsAfterNumber();
      selfDelimited = labels.size() > before && selfDelimited;
      return true;
    }

    /** (a), (b)(ii), [c]. */
    private boolean parenLabels() {
      while (peek('(') || peek('[')) {
        char close = s.charAt(i) == '(' ? ')' : ']';
        int save = i;
        i++;
        String label = label();
        if (label == null || !peek(close)) {
          i = save;
          break;
        }
        i++;
        labels.add(label);
      }
      selfDelimited = true;
      return !labels.isEmpty();
    }

    /** a), iii., c(i): a label closed by punctuation. */
    private boolean labelWithPunctuation() {
      String label = label();
      if (label == null) {
        return false;
      }
      if (peek(')')) {
        i++;
        labels.add(label);
        selfDelimited = true;
        return true;
      }
      if (peek('.')
          && (i + 1 == s.length() || spaceAt(i + 1) || "*_".indexOf(s.charAt(i + 1)) >= 0)) {
        i++;
        labels.add(label);
        selfDelimited = true;
        return true;
      }
      if (peek('(')) {
        labels.add(label);
        return parenLabels();
      }
      return false;
    }

    /**
     * A part label: a letter, a letter and a number ({@code g2}), a roman numeral, or a number when
     * the assignment has numbered parts. Null, with the cursor unmoved, when there is none.
     */
    private String label() {
      int start = i;
      int j = i;
      while (j < s.length() && j - start <= MAX_LABEL && Character.isLetterOrDigit(s.charAt(j))) {
        j++;
      }
      String t = s.substring(start, j);
      if (t.isEmpty() || t.length() > MAX_LABEL || !labelLike(t)) {
        return null;
      }
      i = j;
      return t;
    }

    private boolean labelLike(String t) {
      char first = t.charAt(0);
      if (t.length() == 1) {
        return Character.isLetter(first) || (digitLabels && Character.isDigit(first));
      }
      if (t.chars().allMatch(Character::isDigit)) {
        return digitLabels && t.length() <= 3;
      }
      if (t.chars().allMatch(c -> "ivxlc".indexOf(c) >= 0)
          || t.chars().allMatch(c -> "IVXLC".indexOf(c) >= 0)) {
        return true;
      }
      return Character.isLowerCase(first)
          && t.length() <= 3
          && t.substring(1).chars().allMatch(Character::isDigit);
    }

    /**
     * Whether what follows the marker lets it stand as one. A self-delimited marker ({@code (a)},
     * {@code a)}) always does; a number or dotted path needs punctuation, the end of the line, or
     * (in a heading or bold) a title, so that "Problem 1 asks…" or "2a + 3b" is not a marker.
     */
    private boolean endsWell(Form form, Decoration decoration) {
      if (form == Form.NUMBER && decoration != Decoration.HEADING) {
        // "2." alone is a list item; "**2.**" or "**3)**" a problem, "**2**" may be an answer.
        return decoration == Decoration.EMPHASIS
            && !atEnd()
            && ".):".indexOf(s.charAt(i)) >= 0
            && !(i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)));
      }
      if (atEnd()) {
        return true;
      }
      char c = s.charAt(i);
      if (selfDelimited && form != Form.NUMBER) {
        // "(a) The rank…" is a marker; "f(x) = 2" and "(a)b" are not
        return !Character.isLetterOrDigit(c) && !beforeOperator();
      }
      if (":.)]-–—,*_|".indexOf(c) >= 0) {
        return c != '.' || i + 1 == s.length() || !Character.isDigit(s.charAt(i + 1));
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
      int j = i;
      while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      if (j == s.length()) {
        return true;
      }
      char next = s.charAt(j);
      if ("(-–—:".indexOf(next) >= 0) {
        return true;
      }
      if (decoration == Decoration.HEADING) {
        return form != Form.NUMBER || Character.isUpperCase(next);
      }
      if (form == Form.COMPOUND && !attached) {
        // "5.j Inference cost" is a marker, "2.5 * x" is not
        return "+-*/=<>^×·".indexOf(next) < 0;
      }
      return decoration == Decoration.EMPHASIS && form != Form.NUMBER;
    }

    /** Whether an operator follows, after spaces: the marker was a formula. */
    private boolean beforeOperator() {
      int j = i;
      while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      return j < s.length() && "=+/<>^≈≤≥".indexOf(s.charAt(j)) >= 0;
    }

    private boolean boundary() {
      return atEnd() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private boolean word(String[] words) {
      for (String w : words) {
        int end = i + w.length();
        if (s.regionMatches(true, i, w, 0, w.length())
            && (end == s.length() || !Character.isLetter(s.charAt(end)))) {
          i = end;
          return true;
        }
      }
      return false;
    }

    private int run(char c) {
      int start = i;
      while (peek(c)) {
        i++;
      }
      return i - start;
    }

    private void skipSpaces() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private boolean peekDigit() {
      return i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128;
    }

    private boolean peekSpace() {
      return spaceAt(i);
    }

    private boolean spaceAt(int k) {
      return k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t');
    }

    private boolean startsWith(String prefix) {
      return s.startsWith(prefix, i);
    }

    private boolean atEnd() {
      return i >= s.length();
    }
  }

  /** The level of the Markdown heading on {@code line} ({@code ## Summary} is 2), or 0. */
  static int headingLevel(String line) {
    int i = 0;
    while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
      i++;
    }
    int start = i;
    while (i < line.length() && line.charAt(i) == '#' && i - start < 7) {
      i++;
    }
    int level = i - start;
    boolean heading =
        level >= 1
            && level <= 6
            && (i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t');
    return heading ? level : 0;
  }

  private static String stripZeros(String number) {
    int k = 0;
    while (k < number.length() - 1 && number.charAt(k) == '0') {
      k++;
    }
    return number.substring(k);
  }

  private static int skipTerminators(String line, int from) {
    int k = from;
    while (k < line.length() && " \t:.)]-–—,".indexOf(line.charAt(k)) >= 0) {
      k++;
    }
    return k;
  }

  /** "): Addressing underfitting**" gives "Addressing underfitting". */
  private static String tidyTitle(String rest) {
    String t = rest.replace("**", "").replace("__", "").strip();
    int k = 0;
    while (k < t.length() && " \t:.)]-–—,*_".indexOf(t.charAt(k)) >= 0) {
      k++;
    }
    return t.substring(k).strip();
  }
}
