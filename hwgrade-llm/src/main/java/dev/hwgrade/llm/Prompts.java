package dev.hwgrade.llm;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prompts put to a model: a system prompt asking for reasoning and a {@code Final answer:} line
 * the extractor reads, and a user message per part ({@code --per-part}) or for the whole assignment
 * ({@code --whole}). Both may be replaced by {@link PromptTemplate}s.
 */
public final class Prompts {
  /** Variables of a part's user message. */
  public static final Set<String> PART_VARIABLES =
      Set.of(
          "assignment_title",
          "problem_id",
          "problem_title",
          "problem_heading",
          "part_id",
          "part_label",
          "question",
          "options",
          "answer_hint");

  /** Variables of the whole assignment's user message and of the system prompt. */
  public static final Set<String> WHOLE_VARIABLES = Set.of("assignment_title", "assignment");

  static final String SYSTEM_PER_PART =
      "You are a careful student solving a university homework problem. Work through the"
          + " reasoning step by step, then end your reply with one line of the form"
          + " \"Final answer: ...\" that states only your final answer to this part: a number with"
          + " its unit for a quantity, a LaTeX expression for a formula, True or False for a"
          + " true/false question, the option letter(s) for a multiple-choice question, and one or"
          + " two sentences for an explanation. Give one final answer, not a list of candidates.";

  static final String SYSTEM_WHOLE =
      "You are a careful student solving a university homework assignment. Answer every part, in"
          + " order. Start each part with a heading that names it exactly as given, such as"
          + " \"## 1(a)\", work through the reasoning, and end the part with one line"
          + " \"Final answer: ...\" that states only its final answer: a number with its unit for"
          + " a quantity, a LaTeX expression for a formula, True or False for a true/false"
          + " question, the option letter(s) for a multiple-choice question, and one or two"
          + " sentences for an explanation.";

  static final String USER_PART =
      "{{problem_heading}}Part {{part_label}}:\n{{question}}{{options}}\n\n{{answer_hint}}";

  static final String USER_WHOLE = "{{assignment}}";

  private final PromptTemplate system;
  private final PromptTemplate user;
  private final boolean whole;

  /**
   * @param systemTemplate the system prompt's template, or null for the default
   * @param userTemplate the user message's template, or null for the default
   * @throws IllegalArgumentException for a template with an unknown variable
   */
  public Prompts(boolean whole, String systemTemplate, String userTemplate) {
    this.whole = whole;
    Set<String> vars = whole ? WHOLE_VARIABLES : PART_VARIABLES;
    this.system =
        PromptTemplate.of(
            systemTemplate != null ? systemTemplate : whole ? SYSTEM_WHOLE : SYSTEM_PER_PART,
            WHOLE_VARIABLES);
    this.user =
        PromptTemplate.of(
            userTemplate != null ? userTemplate : whole ? USER_WHOLE : USER_PART, vars);
  }

  public boolean whole() {
    return whole;
  }

  public String system(Assignment a) {
    return system.render(
        Map.of(
            "assignment_title",
            title(a),
            "assignment",
            system.uses("assignment") ? assignment(a) : ""));
  }

  /**
   * The user message asking {@code part}; {@code first} when it opens its problem's conversation.
   */
  public String part(Assignment a, Problem problem, Part part, boolean first) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("assignment_title", title(a));
    v.put("problem_id", problem.id());
    v.put("problem_title", problem.title() == null ? "" : problem.title());
    v.put("problem_heading", first ? heading(problem) + "\n\n" : "");
    v.put("part_id", part.id());
    v.put("part_label", part.displayId());
    v.put("question", part.question().strip());
    v.put("options", options(part));
    v.put("answer_hint", hint(part.key().kind()));
    return user.render(v);
  }

  /** The user message asking the whole assignment. */
  public String whole(Assignment a) {
    return user.render(Map.of("assignment_title", title(a), "assignment", assignment(a)));
  }

  private static String title(Assignment a) {
    return a.title() == null || a.title().isBlank() ? a.id() : a.title();
  }

  private static String heading(Problem p) {
    return "Problem "
        + p.id()
        + (p.title() == null || p.title().isBlank() ? "" : ": " + p.title().strip());
  }

  private static String assignment(Assignment a) {
    StringBuilder sb = new StringBuilder("# " + title(a) + "\n");
    for (Problem p : a.problems()) {
      sb.append("\n## ").append(heading(p)).append('\n');
      for (Part part : p.parts()) {
        sb.append("\n### ")
            .append(part.displayId())
            .append('\n')
            .append(part.question().strip())
            .append(options(part))
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static String options(Part part) {
    Map<String, String> o = part.key().options();
    if (o == null || o.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\n\nOptions:");
    o.forEach((k, v) -> sb.append("\n(").append(k).append(") ").append(v));
    return sb.toString();
  }

  private static String hint(Kind kind) {
    switch (kind) {
      case NUMERIC:
        return "End with \"Final answer:\" and the value with its unit.";
      case EXPRESSION:
        return "End with \"Final answer:\" and the expression in LaTeX.";
      case BOOLEAN:
        return "End with \"Final answer: True\" or \"Final answer: False\".";
      case CHOICE:
        return "End with \"Final answer:\" and the letter of your choice.";
      default:
        return "End with \"Final answer:\" and your answer in one or two sentences.";
    }
  }
}
