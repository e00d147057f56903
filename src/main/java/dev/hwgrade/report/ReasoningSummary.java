package dev.hwgrade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short summary of a model's reasoning: its opening sentences, up to a length, without
 * Markdown headings or list markers. Extractive and deterministic.
 */
final class ReasoningSummary {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z$\\\\(])");

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
      if (inFence || l.isEmpty() || l.matches("#+\\s.*") || l.matches("\\$\\$.*") || l.matches("-{3,}")) {
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
