package dev.hwgrade.extract;

import dev.hwgrade.latex.LatexCleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mathematics of a final answer that {@link FinalAnswerExtractor} has found (or of a
 * key), which may still be a sentence or Markdown: the boxes it holds (boxes written next to each
 * other, "and" between them, form a list), the text after "final answer is" or "answer:", the last
 * math span ({@code $…$}, {@code \[…\]}, {@code \(…\)}; spans joined by "and"/"or" form a list),
 * Markdown bold, and last the final number in plain text. Short answers are returned whole.
 */
public final class MathAnswer {
  private static final int SHORT = 80;
  private static final int MAX_TEXT = 50_000;
  private static final int MAX_GAP_WORDS = 4;
  private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
  private static final Pattern IS = Pattern.compile("\\sis\\s");
  private static final Pattern NUMBER_OR_MATH =
      Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?|\\$[^$]+\\$");
  private static final Pattern FINAL_ANSWER =
      Pattern.compile("(?i)(?:final answer|the answer|answer)\\s*(?:is|:|=)\\s*[:]?");
  private static final Pattern TRAILER =
      Pattern.compile(
          "(?i)\\s*(?:I hope it is correct|<\\|im_start\\|>|<\\|im_end\\|>|Note:).*$",
          Pattern.DOTALL);
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]{1,200})\\*\\*");
  private static final Pattern LAST_NUMBER =
      Pattern.compile(
          "(?<![A-Za-z\\d.,])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:[.,]\\d+)?(?:/\\d+|\\s*%)?(?![\\d])");

  /**
   * A word of prose: three letters or more that name no function, no Greek letter spelled out
   * ({@code epsilon_0}, {@code theta}) and no subscripted symbol ({@code rate_1}). A response with
   * prose is read for its last number; {@code q/(4 pi epsilon_0 r^2)} is mathematics.
   */
  private static final Pattern PROSE =
      Pattern.compile(
          "(?<![\\\\{A-Za-z0-9])(?!(?:and|or|pct|percentage|percent|infinity|inf|sqrt|cbrt|Var|Cov|Corr|var|cov|corr|erf|sgn|arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos|tan|sec|csc|cot|log|exp|abs|det|max|min|mod|gcd|lcm|floor|ceil|alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|omicron|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega)(?![a-z])|not\\s*\\()[A-Za-z][a-z]{2,}(?![A-Za-z0-9_])");

  /** How a concluding sentence starts: "Therefore, there are 12 …". */
  private static final Pattern CONCLUSION =
      Pattern.compile(
          "(?i)(?:therefore|thus|so|hence|finally|in total|in conclusion|overall|the answer|the result)\\b");

  /** Words after an answer, usually its unit: "4k(m + l) bytes". */
  private static final Pattern TRAILING_WORDS = Pattern.compile("(?:\\s+[A-Za-z]{2,}+)++\\.?\\s*$");

  private static final Pattern FIRST_SENTENCE_END = Pattern.compile("(?<=[^\\d\\s])\\.(?=\\s|$)");
  private static final Pattern DOUBLE_ESCAPED = Pattern.compile("(?<!\\\\)\\\\\\\\(?=[a-zA-Z])");
  private static final Set<String> CONNECTOR_WORDS = Set.of("and", "or", "und", "et", "y");

  private MathAnswer() {}

  /** The final answer in {@code text}, as LaTeX or plain text; never null, blank when none. */
  public static String extract(String text) {
    return concluded(read(text));
  }

  /**
   * A conclusion word between two statements ("…, so T = …", "\text{ hence }", "\therefore"): the
   * last statement is the answer.
   */
  private static final Pattern CONCLUDES =
      Pattern.compile(
          "(?:[,;]\\s*)?(?:\\\\text\\{\\s*[,;]?\\s*(?:so|hence|thus|therefore|giving)\\s*[,;]?\\s*\\}"
              + "|\\\\therefore(?![A-Za-z])"
              + "|(?<![\\\\A-Za-z])(?:so|hence|thus|therefore|giving)(?![A-Za-z]))\\s*[,:]?\\s*");

  /** "E with x = V", "E, where \\omega = V": a symbol of E defined after it. */
  private static final Pattern DEFINES =
      Pattern.compile(
          "(?s)(.+?)\\s*[,;]?\\s*(?:\\\\text\\{\\s*[,;]?\\s*(?:with|where)\\s*\\}|(?<![\\\\A-Za-z])(?:with|where)(?![A-Za-z]))"
              + "\\s*(\\\\[A-Za-z]+|[A-Za-z](?:_\\{?[A-Za-z0-9]+\\}?)?)\\s*=\\s*([^=,;]+?)\\s*\\.?\\s*");

  /**
   * The answer a chain of statements concludes: the statement after the last conclusion word, with
   * a symbol defined after it ("with ω = √(g/L)") put in its place. Prose is left alone: only a
   * short answer of mathematics is read so.
   */
  static String concluded(String answer) {
    if (answer.length() > 300 || !(answer.contains("=") || answer.contains("\\"))) {
      return answer;
    }
    String a = answer;
    Matcher c = CONCLUDES.matcher(a);
    int end = -1;
    int start = -1;
    while (c.find()) {
      start = c.start();
      end = c.end();
    }
    if (end > 0
        && start > 0
        && end < a.length()
        && HAS_MATH_CHAR.matcher(a.substring(end)).find()) {
      a = a.substring(end).strip();
    }
    Matcher d = DEFINES.matcher(a);
    if (d.matches()) {
      String symbol = d.group(2);
      String body = d.group(1);
      String value = d.group(3).strip();
      Pattern use =
          Pattern.compile(
              (symbol.startsWith("\\") ? "" : "(?<![\\\\A-Za-z])")
                  + Pattern.quote(symbol)
                  + "(?![A-Za-z])");
      Matcher u = use.matcher(body);
      if (u.find()) {
        a = u.replaceAll(Matcher.quoteReplacement("(" + value + ")"));
      }
    }
    return a;
  }

  /** "x > 2", "-1 <= t < 3" in a sentence: a condition on one variable. */
  private static final Pattern RELATION =
      Pattern.compile(
          "(?:-?\\d+(?:\\.\\d+)?\\s*(?:<=|>=|<|>|≤|≥)\\s*)?(?<![A-Za-z])[A-Za-z](?![A-Za-z])\\s*(?:<=|>=|<|>|≤|≥)\\s*-?\\d+(?:\\.\\d+)?(?![\\d.])");

  /**
   * The one condition on a variable a short sentence states ("f is increasing for x > 2"), or null
   * when it states none or several.
   */
  private static String onlyRelation(String t) {
    Matcher m = RELATION.matcher(t);
    if (!m.find()) {
      return null;
    }
    String r = m.group();
    return m.find() ? null : r;
  }

  private static final Pattern HAS_MATH_CHAR = Pattern.compile("[\\dA-Za-z\\\\]");

  private static String read(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    if (t.length() > MAX_TEXT) {
      // Final answers come last; a huge response is read from its end.
      t = t.substring(t.length() - MAX_TEXT);
    }
    if (t.contains("<think>")) {
      t = THINK.matcher(t).replaceAll(" ").strip();
    }
    t = DOUBLE_ESCAPED.matcher(t).replaceAll("\\\\");
    int boxAt = t.lastIndexOf("\\boxed");
    int markerAt = lastMarker(t);
    if (boxAt >= 0 && boxAt > markerAt) {
      return boxed(t);
    }
    String afterMarker = afterFinalAnswer(t);
    if (afterMarker != null) {
      return afterMarker;
    }
    if (boxAt >= 0) {
      return boxed(t);
    }
    t = afterLastIs(t);
    boolean hasMath = t.contains("$") || t.contains("\\");
    if (t.length() <= SHORT && !hasMath) {
      String body = TRAILING_WORDS.matcher(t).replaceFirst("");
      boolean prose = PROSE.matcher(body).find() || body.isBlank();
      if (prose && HAS_DIGIT.matcher(t).find()) {
        String stated = withoutReason(t);
        String relation = onlyRelation(stated);
        if (relation != null) {
          return relation;
        }
        String formula = trailingFormula(TRAILING_WORDS.matcher(stated).replaceFirst(""));
        return formula != null ? formula : lastNumber(stated);
      }
      return t;
    }
    String closing = closingNumber(t);
    if (closing != null) {
      return closing;
    }
    String spans = mathSpans(t);
    if (spans != null) {
      return spans;
    }
    Matcher bold = BOLD.matcher(t);
    String lastBold = null;
    while (bold.find()) {
      lastBold = bold.group(1);
    }
    if (lastBold != null) {
      return lastBold;
    }
    if (!PROSE.matcher(t).find()
        || t.length() <= SHORT && (t.contains("\\") || !HAS_DIGIT.matcher(t).find())) {
      return t;
    }
    String chain = concluded(t);
    if (!chain.equals(t)) {
      return chain; // "…, \\text{ so } T = …": the conclusion, not the last number in it
    }
    String stated = formulaAfterIs(t);
    return stated != null ? stated : lastNumber(t);
  }

  private static int lastMarker(String t) {
    Matcher m = FINAL_ANSWER.matcher(t);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  /** A plain number in a concluding last sentence after the last math span: "Thus there are 12." */
  private static String closingNumber(String t) {
    List<int[]> spans = spans(t);
    String tail = spans.isEmpty() ? t : t.substring(spans.get(spans.size() - 1)[3]);
    tail = TRAILER.matcher(tail).replaceAll("").strip();
    if (tail.contains("$") || tail.contains("\\")) {
      return null;
    }
    String[] sentences = tail.split("(?<=[^\\d\\s])[.!?](\\s+|$)");
    if (sentences.length == 0) {
      return null;
    }
    String last = sentences[sentences.length - 1].replaceFirst("^[\\s.,;:!?]+", "");
    if (!CONCLUSION.matcher(last).lookingAt()) {
      return null;
    }
    String n = lastNumber(last);
    return n.isEmpty() ? null : n;
  }

  private static String lastNumber(String t) {
    Matcher m = LAST_NUMBER.matcher(t);
    String last = "";
    while (m.find()) {
      last = m.group();
    }
    return last;
  }

  /**
   * Whether the last {@code \boxed} in {@code text} opens a brace that is never closed: an answer
   * so written is malformed, though a key so written is read up to its end.
   */
  public static boolean hasUnclosedBox(String text) {
    int at = text.lastIndexOf("\\boxed");
    if (at < 0) {
      return false;
    }
    int brace = text.indexOf('{', at);
    return brace >= 0
        && text.substring(at + 6, brace).isBlank()
        && LatexCleaner.matchingBrace(text, brace) < 0;
  }

  /** The contents of the last run of boxes; boxes separated by a few words form one list. */
  static String boxed(String t) {
    List<int[]> boxes = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = nextBox(t, from);
      if (at < 0) {
        break;
      }
      int brace = t.indexOf('{', at);
      int end = LatexCleaner.matchingBrace(t, brace);
      if (end < 0) {
        boxes.add(new int[] {at, brace + 1, t.length(), t.length()});
        break;
      }
      boxes.add(new int[] {at, brace + 1, end, end + 1});
      from = end + 1;
    }
    if (boxes.isEmpty()) {
      return null;
    }
    int first = boxes.size() - 1;
    while (first > 0 && shortGap(t.substring(boxes.get(first - 1)[3], boxes.get(first)[0]))) {
      first--;
    }
    Set<String> parts = new LinkedHashSet<>();
    for (int i = first; i < boxes.size(); i++) {
      parts.add(t.substring(boxes.get(i)[1], boxes.get(i)[2]).strip());
    }
    return String.join(", ", parts);
  }

  private static int nextBox(String t, int from) {
    int a = t.indexOf("\\boxed", from);
    int b = t.indexOf("\\fbox", from);
    int at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (at < 0) {
      return -1;
    }
    int brace = t.indexOf('{', at);
    if (brace < 0) {
      return -1;
    }
    String between = t.substring(at, brace).replace("\\boxed", "").replace("\\fbox", "");
    return between.isBlank() ? at : nextBox(t, brace);
  }

  static boolean shortGap(String gap) {
    String words =
        gap.replaceAll("\\\\text\\{([^}]*)\\}", " $1 ")
            .replaceAll("\\\\[a-zA-Z]+", " ")
            .replaceAll("[$\\\\()\\[\\],;:.{}]", " ")
            .strip();
    if (words.isEmpty()) {
      return true;
    }
    String[] w = words.split("\\s+");
    return w.length <= MAX_GAP_WORDS && gap.length() < 60;
  }

  private static String afterFinalAnswer(String t) {
    Matcher m = FINAL_ANSWER.matcher(t);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    if (end < 0) {
      return null;
    }
    String rest = TRAILER.matcher(t.substring(end)).replaceAll("").strip();
    rest = FIRST_SENTENCE_END.split(rest, 2)[0].strip();
    if (rest.isEmpty()) {
      return null;
    }
    int is = lastIs(rest);
    if (is >= 0 && !inMath(rest, is)) {
      String after = rest.substring(is + 4).strip();
      if (after.matches("(?s).*[\\d$\\\\].*")) {
        rest = after;
      }
    }
    String spans = mathSpans(rest);
    if (spans != null) {
      return spans;
    }
    String sentence = rest.split("\\n", 2)[0].strip().replaceAll("[.;,]+$", "");
    return sentence.length() <= SHORT && !PROSE.matcher(sentence).find()
        ? sentence
        : lastNumber(sentence);
  }

  /** "The largest $n$ is 34." reads as 34: a short sentence's value follows its last "is". */
  private static String afterLastIs(String t) {
    if (t.length() > 200 || t.contains("\n")) {
      return t;
    }
    int is = lastIs(t);
    if (is < 0 || inMath(t, is)) {
      return t;
    }
    String after = t.substring(is + 4).strip().replaceAll("\\.$", "").strip();
    return NUMBER_OR_MATH.matcher(after).matches() || plainExpression(after) ? after : t;
  }

  private static final Pattern STATED_AS = Pattern.compile("\\s(?:is|equals|gives|becomes)\\s");

  /**
   * The formula prose states after its last "is" ("… the derivative of the function is 2x + 3
   * everywhere", "… the derivative is 2x + 3, and the constant 7 vanishes"): the words up to the
   * next word of prose or comma, when their value holds a variable. Null when there is none.
   */
  private static String formulaAfterIs(String t) {
    String last = t.strip();
    Matcher m = STATED_AS.matcher(last);
    int at = -1;
    while (m.find()) {
      at = m.end();
    }
    if (at < 0 || inMath(last, at)) {
      return null;
    }
    String[] words = last.substring(at).strip().split("\\s+");
    List<String> run = new ArrayList<>();
    for (String w : words) {
      String bare = w.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
      if (PROSE.matcher(w).find() || SENTENCE_WORDS.contains(bare) && bare.length() == w.length()) {
        break;
      }
      boolean closes = w.matches(".*[,;.!]$");
      run.add(closes ? w.substring(0, w.length() - 1) : w);
      if (closes) {
        break;
      }
    }
    String formula = String.join(" ", run).strip();
    String value = formula.substring(formula.lastIndexOf('=') + 1).strip();
    if (formula.isEmpty()
        || !value.matches(".*[A-Za-z].*")
        || QUANTITY.matcher(value).matches()
        || !OPERATOR_OR_PRODUCT.matcher(formula).find()
        || formula.length() > SHORT) {
      return null;
    }
    return formula;
  }

  /** A reason given after the answer: "The limit is 4 because the x^2 terms cancel." */
  private static final Pattern REASON =
      Pattern.compile("(?i)[,;]?\\s+(?:because|since|due to|given that|as the|as it)\\b.*$");

  private static String withoutReason(String t) {
    Matcher m = REASON.matcher(t);
    if (m.find() && HAS_DIGIT.matcher(t.substring(0, m.start())).find()) {
      return t.substring(0, m.start());
    }
    return t;
  }

  /** Short words of a sentence that end the formula it closes with ("the slope at x = 0 is 3"). */
  private static final Set<String> SENTENCE_WORDS =
      Set.of(
          "is", "at", "of", "to", "in", "on", "by", "be", "we", "it", "an", "as", "or", "if", "so",
          "no", "do", "and", "are", "has");

  /** A number followed by a unit, not a formula: {@code 5 m/s}, {@code 9.8 m/s^2}. */
  private static final Pattern QUANTITY =
      Pattern.compile("-?\\d[\\d.,]*(?:[eE]-?\\d+)?\\s+[A-Za-zµΩ°][A-Za-zµΩ°/^\\d·*\\s-]*");

  /**
   * The formula a short sentence of prose closes with ("Differentiating gives f'(x) = 2x + 3", "We
   * get 2x + 3"): the words after the last word of prose, when their value holds a variable. Null
   * when it closes with a number, a number and its unit, or no formula: then its last number is its
   * value.
   */
  private static String trailingFormula(String sentence) {
    String[] words = sentence.strip().replaceAll("[.!]+$", "").split("\\s+");
    int from = words.length;
    while (from > 0) {
      String w = words[from - 1];
      String bare = w.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
      if (PROSE.matcher(w).find()
          || SENTENCE_WORDS.contains(bare) && bare.equals(w.toLowerCase(Locale.ROOT))) {
        break;
      }
      from--;
    }
    if (from == 0 || from == words.length) {
      return null;
    }
    String run = String.join(" ", Arrays.copyOfRange(words, from, words.length)).strip();
    String value = run.substring(run.lastIndexOf('=') + 1).strip();
    if (!value.matches(".*[A-Za-z].*")
        || QUANTITY.matcher(value).matches()
        || !OPERATOR_OR_PRODUCT.matcher(run).find()) {
      return null;
    }
    return run;
  }

  private static final Pattern OPERATOR_OR_PRODUCT =
      Pattern.compile("[=+*/^()]|\\d[A-Za-z]|[A-Za-z]\\d");

  /**
   * Plain-text mathematics after "is" ("The derivative is 2x + 3", "The period is T = 2 pi
   * sqrt(L/g)"): an operator or a product and no word of prose. Read whole, not for its last
   * number.
   */
  private static boolean plainExpression(String after) {
    return !after.isEmpty()
        && after.length() <= SHORT
        && OPERATOR_OR_PRODUCT.matcher(after).find()
        && !PROSE.matcher(after).find();
  }

  private static int lastIs(String s) {
    Matcher m = IS.matcher(s);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  private static boolean inMath(String s, int index) {
    int dollars = 0;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '$' && (i == 0 || s.charAt(i - 1) != '\\')) {
        dollars++;
      }
    }
    return dollars % 2 == 1;
  }

  /** The last math span; spans linked only by "and", "or" or commas join into a list. */
  static String mathSpans(String t) {
    List<int[]> spans = spans(t);
    if (spans.isEmpty()) {
      return null;
    }
    int last = spans.size() - 1;
    int first = last;
    while (first > 0 && connectorGap(t.substring(spans.get(first - 1)[3], spans.get(first)[0]))) {
      first--;
    }
    List<String> parts = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      parts.add(t.substring(spans.get(i)[1], spans.get(i)[2]).strip());
    }
    String joined = String.join(", ", parts);
    return joined.isBlank() ? null : joined;
  }

  private static boolean connectorGap(String gap) {
    String g = gap.strip().toLowerCase(Locale.ROOT).replaceAll("[,;]", " ").strip();
    return g.isEmpty() || CONNECTOR_WORDS.contains(g);
  }

  /** Math spans as {start, contentStart, contentEnd, end}. */
  private static List<int[]> spans(String t) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = t.length();
    while (i < n) {
      if (t.startsWith("$$", i)) {
        int end = t.indexOf("$$", i + 2);
        if (end < 0) {
          break;
        }
        out.add(new int[] {i, i + 2, end, end + 2});
        i = end + 2;
      } else if (t.charAt(i) == '$' && (i == 0 || t.charAt(i - 1) != '\\')) {
        int end = i + 1;
        while (end < n && (t.charAt(end) != '$' || t.charAt(end - 1) == '\\')) {
          end++;
        }
        if (end >= n) {
          break;
        }
        String inner = t.substring(i + 1, end);
        if (!inner.contains("\n")) {
          out.add(new int[] {i, i + 1, end, end + 1});
        }
        i = end + 1;
      } else if (t.startsWith("\\[", i) || t.startsWith("\\(", i)) {
        String close = t.charAt(i + 1) == '[' ? "\\]" : "\\)";
        int end = t.indexOf(close, i + 2);
        if (end < 0) {
          break;
        }
        String inner = t.substring(i + 2, end);
        if (close.equals("\\]") || !inner.contains("\n")) {
          out.add(new int[] {i, i + 2, end, end + 2});
        }
        i = end + 2;
      } else {
        i++;
      }
    }
    return out;
  }
}
