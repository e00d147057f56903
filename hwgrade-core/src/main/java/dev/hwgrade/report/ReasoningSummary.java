package dev.hwgrade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short summary of a model's reasoning: its opening sentences, up to a length, without Markdown
 * headings or list markers. Extractive and deterministic.
 */
final class ReasoningSummary {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:$])\\s+(?=[A-Z$\\\\(])");

  /** Lines that state the final answer, shown on their own in the report. */
  private static final Pattern FINAL =
      Pattern.compile("(?i)[*_>\\s]*(?:final\\s+answer|answer)\\s*[*_]*\\s*[:：]");

  /** A chat model's pleasantries, not part of its reasoning. */
  private static final Pattern CHATTER =
      Pattern.compile(
          "(?i)(?:let me know|i hope this helps|hope this helps|feel free|happy to help|sure[!,.]|great question)");

  private ReasoningSummary() {}

  static String of(String reasoning, int maxChars) {
    if (reasoning == null || reasoning.isBlank()) {
      return "";
    }
    StringBuilder flat = new StringBuilder();
    boolean inFence = false;
    for (String line : reasoning.strip().split("\\R")) {
      String l = line.strip();
      if (l.startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (l.matches("\\$\\$[^$]{1,160}\\$\\$")) {
        l = "$" + l.substring(2, l.length() - 2).strip() + "$";
      }
      if (inFence
          || l.isEmpty()
          || l.matches("#+\\s.*")
          || l.startsWith("$$")
          || l.matches("-{3,}")
          || FINAL.matcher(l).lookingAt()) {
        continue;
      }
      l = l.replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
      flat.append(l).append(' ');
    }
    String text = flat.toString().replaceAll("\\s+", " ").strip();
    List<String> sentences = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text);
    int start = 0;
    while (m.find()) {
      sentences.add(text.substring(start, m.start()));
      start = m.end();
    }
    sentences.add(text.substring(start));
    StringBuilder out = new StringBuilder();
    for (String s : sentences) {
      if (CHATTER.matcher(s).lookingAt()) {
        continue;
      }
      if (out.length() > 0 && out.length() + s.length() + 1 > maxChars) {
        break;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(s);
    }
    return Md.shorten(out.toString(), maxChars);
  }
}
