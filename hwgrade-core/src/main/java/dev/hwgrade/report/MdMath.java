package dev.hwgrade.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Math delimiters GitHub renders: {@code \( \)} becomes {@code $…$} and {@code \[ \]} becomes
 * {@code $$…$$}; an answer written as bare LaTeX is put between dollars when it is mathematics, not
 * prose; a dollar that opens no formula (a price: {@code $0.42 vs $2.78}) is escaped, so two prices
 * never typeset the words between them.
 */
final class MdMath {
  /** A LaTeX command, a spacing command or a braced sub- or superscript. */
  private static final Pattern LATEX = Pattern.compile("\\\\(?:[A-Za-z]+|[,;:!{}|])|[_^]\\{");

  /** A bare sub- or superscript ({@code x^2}, {@code W_U}): mathematics unless a quantity. */
  private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9})][_^][A-Za-z0-9(]");

  /** A number with a unit after a space ({@code 2.5 m/s^2}): plain text reads better. */
  private static final Pattern QUANTITY = Pattern.compile("\\d\\s+[A-Za-zµΩ°]");

  /** What is words in text, not mathematics: {@code \text{…}} and the like are units or labels. */
  private static final Pattern TEXT_COMMAND =
      Pattern.compile("\\\\(?:text|mathrm|textbf|mathbf|operatorname|mbox|begin|end)\\{[^{}]*}");

  private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+");

  /** A word of prose: three letters or more (a symbol is one or two letters). */
  private static final Pattern WORD = Pattern.compile("(?<![A-Za-z\\\\])[A-Za-z]{3,}(?![A-Za-z])");

  /** Function names a formula writes without a backslash. */
  private static final Pattern FUNCTION =
      Pattern.compile(
          "(?i)sin|cos|tan|log|exp|det|max|min|lim|sum|sqrt|arg|mod|sec|csc|cot|sinh|cosh|tanh|ln|rank|tr");

  private MdMath() {}

  /** Text with {@code \( \)} and {@code \[ \]} turned into dollars, and lone dollars escaped. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    return escapeLoneDollars(delimiters(s));
  }

  /**
   * A final answer or key: as {@link #text}, and bare LaTeX that is mathematics (no prose words, no
   * delimiters of its own) put between {@code $…$}, or {@code $$…$$} when it spans lines.
   */
  static String answer(String s) {
    if (s == null || s.isBlank()) {
      return s;
    }
    String t = delimiters(s.strip());
    if (t.indexOf('$') < 0 && isMath(t)) {
      return t.contains("\n") ? "$$\n" + t + "\n$$" : "$" + t + "$";
    }
    return escapeLoneDollars(t);
  }

  /** An answer or key in a table cell: shortened, one line, with delimiters GitHub renders. */
  static String cell(String s, int max) {
    return Md.cell(answer(Md.shorten(s, max)));
  }

  /** Whether bare text is a formula: LaTeX in it, and no word of prose outside its commands. */
  static boolean isMath(String t) {
    boolean latex =
        LATEX.matcher(t).find() || (SCRIPT.matcher(t).find() && !QUANTITY.matcher(t).find());
    if (!latex || t.contains("`")) {
      return false;
    }
    String rest = COMMAND.matcher(TEXT_COMMAND.matcher(t).replaceAll(" ")).replaceAll(" ");
    Matcher w = WORD.matcher(rest);
    while (w.find()) {
      if (!FUNCTION.matcher(w.group()).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code \( \)} to {@code $ $}; {@code \[ \]} to {@code $$ $$}, on lines of their own. */
  static String delimiters(String s) {
    if (!s.contains("\\(") && !s.contains("\\[")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '[')) {
        boolean display = s.charAt(i + 1) == '[';
        String close = display ? "\\]" : "\\)";
        int end = s.indexOf(close, i + 2);
        if (end < 0) {
          out.append(c);
          i++;
          continue;
        }
        String body = s.substring(i + 2, end).strip();
        if (display) {
          boolean own = lineStart(s, i) && lineEnd(s, end + 2);
          if (own || body.contains("\n")) {
            out.append(lineStart(s, i) ? "" : "\n").append("$$\n").append(body).append("\n$$");
            out.append(lineEnd(s, end + 2) ? "" : "\n");
          } else {
            out.append("$$").append(body).append("$$");
          }
        } else {
          out.append('$').append(body.replace("\n", " ")).append('$');
        }
        i = end + 2;
        continue;
      }
      if (c == '\\' && i + 1 < s.length()) {
        out.append(c).append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean lineStart(String s, int i) {
    int j = i - 1;
    while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || s.charAt(j) == '\n';
  }

  private static boolean lineEnd(String s, int i) {
    int j = i;
    while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    return j >= s.length() || s.charAt(j) == '\n' || s.charAt(j) == '\r';
  }

  /**
   * Escapes every dollar that opens no formula. A {@code $…$} formula opens with a dollar followed
   * by a non-space and closes with a dollar after a non-space and before no digit, within one
   * paragraph (as pandoc reads it); {@code $$…$$} needs its closing pair. Code spans are left
   * alone.
   */
  static String escapeLoneDollars(String s) {
    if (s.indexOf('$') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        out.append(c).append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '`') {
        int run = run(s, i, '`');
        int end = s.indexOf("`".repeat(run), i + run);
        int stop = end < 0 ? i + run : end + run;
        out.append(s, i, stop);
        i = stop;
        continue;
      }
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < s.length() && s.charAt(i + 1) == '$') {
        int end = s.indexOf("$$", i + 2);
        if (end >= 0) {
          out.append(s, i, end + 2);
          i = end + 2;
        } else {
          out.append("\\$\\$");
          i += 2;
        }
        continue;
      }
      int end = inlineEnd(s, i);
      if (end >= 0) {
        out.append(s, i, end + 1);
        i = end + 1;
      } else {
        out.append("\\$");
        i++;
      }
    }
    return out.toString();
  }

  /** Where the {@code $…$} formula opened at {@code i} closes, or -1 when it is a lone dollar. */
  private static int inlineEnd(String s, int i) {
    if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
      return -1;
    }
    int paragraph = s.indexOf("\n\n", i);
    int limit = paragraph < 0 ? s.length() : paragraph;
    for (int j = i + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
        continue;
      }
      if (c != '$') {
        continue;
      }
      if (j + 1 < s.length() && s.charAt(j + 1) == '$') {
        return -1;
      }
      boolean afterSpace = Character.isWhitespace(s.charAt(j - 1));
      boolean beforeDigit = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
      return afterSpace || beforeDigit ? -1 : j;
    }
    return -1;
  }

  private static int run(String s, int i, char c) {
    int j = i;
    while (j < s.length() && s.charAt(j) == c) {
      j++;
    }
    return j - i;
  }
}
