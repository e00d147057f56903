package dev.hwgrade.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template: text in which {@code {{name}}} is replaced by the value of a variable (white
 * space inside the braces is allowed); nothing else is special. An unknown name is an error when
 * the template is read, naming the known ones, so a typo never reaches a model.
 */
public final class PromptTemplate {
  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private final String text;

  private PromptTemplate(String text) {
    this.text = text;
  }

  /**
   * Reads a template whose variables must all be in {@code known}.
   *
   * @throws IllegalArgumentException naming an unknown variable and the known ones
   */
  public static PromptTemplate of(String text, Set<String> known) {
    Matcher m = VARIABLE.matcher(text);
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      if (!known.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown template variable {{"
              + unknown.get(0)
              + "}}; known: "
              + String.join(", ", new java.util.TreeSet<>(known)));
    }
    return new PromptTemplate(text);
  }

  /** Whether the template names the variable {@code name}. */
  public boolean uses(String name) {
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return true;
      }
    }
    return false;
  }

  public String render(Map<String, String> values) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
