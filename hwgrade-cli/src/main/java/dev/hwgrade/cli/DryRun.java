package dev.hwgrade.cli;

import dev.hwgrade.llm.ModelSpec;
import dev.hwgrade.llm.Prompts;
import dev.hwgrade.llm.Usage;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code ask --dry-run}: the prompts of the first sample as they would be sent (an earlier part's
 * answer shown as a placeholder), the number of requests and an estimate of the tokens (four
 * characters to a token) and cost. Nothing is asked.
 */
final class DryRun {
  private static final long OUTPUT_ESTIMATE = 2048;

  private final PrintStream out;
  private final Assignment assignment;
  private final Prompts prompts;
  private final int samples;

  DryRun(PrintStream out, Assignment assignment, Prompts prompts, int samples) {
    this.out = out;
    this.assignment = assignment;
    this.prompts = prompts;
    this.samples = samples;
  }

  int print(List<ModelSpec> specs) {
    String system = prompts.system(assignment);
    long chars = 0;
    int requests;
    out.println("=== system");
    out.println(system);
    if (prompts.whole()) {
      String user = prompts.whole(assignment);
      out.println("=== user");
      out.println(user);
      chars = system.length() + user.length();
      requests = 1;
    } else {
      requests = 0;
      for (Problem p : assignment.problems()) {
        long history = system.length();
        boolean first = true;
        for (Part part : p.parts()) {
          String user = prompts.part(assignment, p, part, first);
          first = false;
          out.println("=== user (" + part.id() + ")");
          out.println(user);
          history += user.length();
          chars += history;
          requests++;
          out.println("=== assistant (" + part.id() + ")");
          out.println("<the model's answer to " + part.displayId() + ">");
          history += OUTPUT_ESTIMATE * 4;
        }
      }
    }
    long inTokens = chars / 4 * samples;
    for (ModelSpec s : specs) {
      long outTokens =
          (s.maxOutputTokens() == null ? OUTPUT_ESTIMATE : s.maxOutputTokens())
              * (long) requests
              * samples;
      Double cost = s.cost(new Usage(inTokens, outTokens));
      out.printf(
          Locale.ROOT,
          "%s (%s:%s): %d requests, about %,d input tokens and at most %,d output tokens%s%n",
          s.id(),
          s.provider().id(),
          s.model(),
          requests * samples,
          inTokens,
          outTokens,
          cost == null
              ? " (no prices in models.yaml: cost unknown)"
              : String.format(Locale.ROOT, ", at most $%.4f", cost));
    }
    return Main.OK;
  }
}
