package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Renders random assignments as transcripts in the styles models write (problem headings or bold or
 * none, part labels as headings, bold, "Part (a):", "a)", "2(a)", "2.a:"; roman sub-parts; answers
 * as "Final answer:", "**Answer:**", boxed, bold or "the answer is"; parts skipped or out of order;
 * code and math that mention labels) and checks that splitting gives every rendered part its answer
 * back, and no other part.
 */
class TranscriptRoundTripTest {
  private static final String[] PROBLEM_STYLES = {
    "## Problem %s",
    "# Question %s: Some title",
    "**Problem %s**",
    "Problem %s",
    "### %s. Title",
    "## Q%s",
    "**Question %s.** Some title",
    "## Exercise %s — a title"
  };
  private static final String[] PART_STYLES = {
    "### (%2$s)",
    "**(%2$s)**",
    "Part (%2$s):",
    "%2$s)",
    "(%2$s)",
    "### Part (%2$s): A title",
    "%1$s(%2$s)",
    "%1$s.%2$s:",
    "**Part %2$s.**",
    "### %1$s(%2$s) A title",
    "**Problem %1$s(%2$s)**",
    "Answer to part (%2$s):",
    "#### Part %2$s",
    "**%2$s.**",
    "Problem %1$s, part (%2$s):",
    "**Part (%2$s): Addressing underfitting**",
    "- **(%2$s)**"
  };

  /** Enumerations at the start of a line, which only certain part markers make unambiguous. */
  private static final String ENUMERATION = "(a) one reason;\n(b) another reason.";

  private static final String[] SUB_STYLES = {
    "(%3$s)", "**(%3$s)**", "#### (%3$s)", "%1$s(%2$s)(%3$s)"
  };
  private static final String[] ANSWER_STYLES = {
    "Final answer: %s", "**Answer:** %s", "$$\\boxed{%s}$$", "So the answer is %s.", "**%s**"
  };
  private static final String[] FILLERS = {
    "We compute the value step by step, as (a) in the lecture showed.",
    "```python\n# Problem 9\n(a) = 1\n```",
    "$$\n(b) \\quad x = y\n$$",
    "The gradient is $\\nabla_A L = 0$ when $B = 0$.",
    "- first, the rank\n- second, the initialisation",
    "1. Compute the product.\n2. Take the trace."
  };
  private static final String[] SUMMARY_HEADS = {
    "### Final Answers", "**Final answers:**", "Summary:", "**Summary**"
  };
  private static final String[] ROMAN = {"i", "ii", "iii", "iv"};

  @Property(tries = 500)
  void everyRenderedPartComesBackWithItsAnswer(@ForAll long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    Map<String, String> expected = new LinkedHashMap<>();
    StringBuilder transcript = new StringBuilder("Here are my answers.\n\n");

    String problemStyle = pick(random, PROBLEM_STYLES);
    String partStyle = pick(random, PART_STYLES);
    String subStyle = pick(random, SUB_STYLES);
    boolean compound = partStyle.contains("%1$s");
    boolean certain =
        !partStyle.startsWith("(") && !partStyle.startsWith("%2$s") && !subStyle.startsWith("(");
    List<Integer> problemOrder = new ArrayList<>();
    for (int p = 1 + random.nextInt(4); p > 0; p--) {
      problemOrder.add(0, p);
    }
    if (!compound && random.nextInt(4) == 0) {
      Collections.shuffle(problemOrder, random);
    }
    for (int p : problemOrder) {
      String problem = String.valueOf(p);
      if (!compound || random.nextBoolean()) {
        transcript.append(String.format(problemStyle, problem)).append("\n\n");
      }
      List<String> parts = new ArrayList<>();
      int partCount = 1 + random.nextInt(6);
      for (int k = 0; k < partCount; k++) {
        parts.add(String.valueOf((char) ('a' + k)));
      }
      List<String> order = new ArrayList<>(parts);
      if (random.nextInt(4) == 0) {
        Collections.shuffle(order, random);
      }
      Map<String, Integer> subCounts = new LinkedHashMap<>();
      for (String part : parts) {
        int subs = random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 0;
        subCounts.put(part, subs);
        if (subs == 0) {
          ids.add(problem + "." + part);
        }
        for (int s = 0; s < subs; s++) {
          ids.add(problem + "." + part + "." + ROMAN[s]);
        }
      }
      for (String part : order) {
        int subs = subCounts.get(part);
        if (subs == 0 && random.nextInt(6) == 0) {
          continue; // a part the model skipped
        }
        transcript.append(String.format(partStyle, problem, part)).append("\n\n");
        if (subs == 0) {
          String id = problem + "." + part;
          expected.put(id, answer(random, id, certain, transcript));
        }
        for (int s = 0; s < subs; s++) {
          String id = problem + "." + part + "." + ROMAN[s];
          transcript.append(String.format(subStyle, problem, part, ROMAN[s])).append("\n\n");
          expected.put(id, answer(random, id, certain, transcript));
        }
      }
      boolean answeredAny = expected.keySet().stream().anyMatch(id -> id.startsWith(problem + "."));
      if (answeredAny && random.nextInt(4) == 0) {
        // the model lists the problem's final answers again
        boolean table = random.nextBoolean();
        transcript.append(pick(random, SUMMARY_HEADS)).append("\n");
        if (table) {
          transcript.append("\n| Part | Final answer |\n| --- | --- |\n");
        }
        expected.forEach(
            (id, value) -> {
              if (id.startsWith(problem + ".")) {
                String labels = "(" + id.substring(problem.length() + 1).replace(".", ")(") + ")";
                String row =
                    table ? "| " + labels + " | " + value + " |" : "- " + labels + " " + value;
                transcript.append(row).append("\n");
              }
            });
        transcript.append("\n");
      }
    }

    if (random.nextBoolean() && problemStyle.startsWith("#") && !compound) {
      // a closing summary under a heading as high as the problems' is no part's answer
      transcript.append(
          "# Summary\n\n| Part | Comment |\n| (a) | was hard |\n\nAll done. **Thanks**\n");
    }
    ids.sort(null); // the assignment's order, whatever order the transcript answered in
    TranscriptSplitter splitter = new TranscriptSplitter(ids);
    String text = transcript.toString();
    TranscriptSplit split =
        splitter.split("r.md", random.nextInt(5) == 0 ? text.replace("\n", "\r\n") : text);

    Map<String, String> actual = new LinkedHashMap<>();
    for (Answer a : split.answers().values()) {
      actual.put(a.partId(), a.finalAnswer());
    }
    assertThat(actual).as("%s", transcript).isEqualTo(expected);
    assertThat(split.warnings()).as("%s", transcript).isEmpty();
  }

  /** Appends reasoning and an answer for {@code id}; returns the answer. */
  private static String answer(
      Random random, String id, boolean certainMarkers, StringBuilder transcript) {
    String value = "v" + id.replace(".", "") + random.nextInt(1000);
    if (random.nextBoolean()) {
      transcript.append(pick(random, FILLERS)).append("\n\n");
    }
    if (certainMarkers && random.nextInt(3) == 0) {
      transcript.append(ENUMERATION).append("\n\n");
    }
    transcript.append(String.format(pick(random, ANSWER_STYLES), value)).append("\n\n");
    return value;
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
