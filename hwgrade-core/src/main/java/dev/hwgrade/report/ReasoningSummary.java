package dev.hwgrade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening of a model's reasoning as Markdown blocks, kept whole: a table keeps its rows,
 * display math its lines, a list its markers (the first one too). Headings become bold lines (they
 * would otherwise break the report's outline), rules and code fences are left out, and the text is
 * cut between blocks, never inside one. Math delimiters become GitHub's ({@link MdMath}).
 * Extractive and deterministic; HTML is made inert by the caller.
 */
final class ReasoningSummary {
  /** Lines that state the final answer, shown on their own in the report. */
  private static final Pattern FINAL =
      Pattern.compile("(?i)[*_>\\s]*(?:final\\s+answer|answer)\\s*[*_]*\\s*[:：]");

  /** A chat model's pleasantries, not part of its reasoning. */
  private static final Pattern CHATTER =
      Pattern.compile(
          "(?i)[*_\\s]*(?:let me know|i hope this helps|hope this helps|feel free|happy to help|sure[!,.]|great question)");

  private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)\\s*#*");

  private static final Pattern RULE = Pattern.compile("(?:[-=_*]\\s*){3,}");

  private ReasoningSummary() {}

  /**
   * The reasoning's opening blocks, up to about {@code maxChars}, without the lines that state the
   * final answer (the report shows it on its own) and without chatter.
   */
  static String of(String reasoning, int maxChars) {
    return blocks(reasoning, maxChars, false);
  }

  /** The whole text as blocks, up to about {@code maxChars}, keeping every line of prose. */
  static String whole(String text, int maxChars) {
    return blocks(text, maxChars, true);
  }

  private static String blocks(String reasoning, int maxChars, boolean keepAll) {
    if (reasoning == null || reasoning.isBlank()) {
      return "";
    }
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    boolean inFence = false;
    String fence = "";
    int codeLines = 0;
    boolean inDisplay = false;
    for (String line : MdMath.delimiters(reasoning.strip()).split("\\R")) {
      String l = line.stripTrailing();
      String t = l.strip();
      if (inFence) {
        if (t.startsWith(fence) && t.substring(fence.length()).isBlank()) {
          inFence = false;
          current.add(codeLeftOut(codeLines));
          close(current, blocks);
        } else {
          codeLines++;
        }
        continue;
      }
      if (inDisplay) {
        current.add(l);
        if (t.endsWith("$$")) {
          inDisplay = false;
        }
        continue;
      }
      if (t.startsWith("```") || t.startsWith("~~~")) {
        inFence = true;
        fence = t.substring(0, run(t, t.charAt(0)));
        codeLines = 0;
        close(current, blocks);
        continue;
      }
      if (t.isEmpty()) {
        close(current, blocks);
        continue;
      }
      if (t.startsWith("$$") && (t.length() == 2 || !t.substring(2).contains("$$"))) {
        inDisplay = true;
        current.add(l);
        continue;
      }
      Matcher h = HEADING.matcher(t);
      if (h.matches()) {
        close(current, blocks);
        if (!h.group(1).isBlank() && (keepAll || !FINAL.matcher(h.group(1)).lookingAt())) {
          current.add("**" + h.group(1).replace("*", "") + "**");
          close(current, blocks);
        }
        continue;
      }
      if (RULE.matcher(t).matches()) {
        close(current, blocks);
        continue;
      }
      if (!keepAll && (FINAL.matcher(t).lookingAt() || CHATTER.matcher(t).lookingAt())) {
        continue;
      }
      current.add(l);
    }
    if (inDisplay) {
      current.add("$$");
    }
    if (inFence) {
      current.add(codeLeftOut(codeLines));
    }
    close(current, blocks);
    StringBuilder out = new StringBuilder();
    boolean cut = false;
    for (List<String> b : blocks) {
      String text = String.join("\n", b);
      if (out.length() > 0 && out.length() + text.length() > maxChars) {
        cut = true;
        break;
      }
      if (out.length() == 0 && text.length() > 2 * maxChars) {
        text = cutLines(b, 2 * maxChars);
        cut = true;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(text);
      if (cut) {
        break;
      }
    }
    if (cut) {
      out.append("\n\n…");
    }
    return MdMath.escapeLoneDollars(out.toString());
  }

  /** The first lines of a long block, up to {@code max} characters, never half a display. */
  private static String cutLines(List<String> block, int max) {
    StringBuilder sb = new StringBuilder();
    boolean display = false;
    int safe = 0;
    for (String l : block) {
      if (sb.length() + l.length() > max && sb.length() > 0) {
        break;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l);
      String t = l.strip();
      if (t.startsWith("$$") && (t.length() == 2 || !t.substring(2).contains("$$"))) {
        display = !display;
      } else if (display && t.endsWith("$$")) {
        display = false;
      }
      if (!display) {
        safe = sb.length();
      }
    }
    String head = sb.substring(0, safe);
    return head.isEmpty() ? Md.shorten(block.get(0), max) : head;
  }

  /** What stands for a code block, which the report does not reproduce. */
  private static String codeLeftOut(int lines) {
    return "_(a code block of " + lines + (lines == 1 ? " line" : " lines") + ", left out)_";
  }

  private static void close(List<String> current, List<List<String>> blocks) {
    if (!current.isEmpty()) {
      blocks.add(new ArrayList<>(current));
      current.clear();
    }
  }

  private static int run(String s, char c) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == c) {
      i++;
    }
    return i;
  }
}
