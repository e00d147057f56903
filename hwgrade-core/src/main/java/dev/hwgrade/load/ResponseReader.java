package dev.hwgrade.load;

import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code responses/<model-id>.yaml} file against the assignment it answers. */
public final class ResponseReader {
  // "ask" (how the answers were obtained: provider, parameters, usage) and an answer's "usage" are
  // written by hwgrade ask and read only for the reports (AskUsageReader); "raw" is not read.
  private static final Set<String> FILE_FIELDS =
      new LinkedHashSet<>(List.of("model", "answers", "ask"));
  private static final Set<String> ANSWER_FIELDS =
      new LinkedHashSet<>(
          List.of("reasoning", "answer", "status", "reason", "usage", "raw", "samples"));

  private ResponseReader() {}

  /**
   * Reads one response file; problems are added to {@code diagnostics}.
   *
   * @return the response, or null when it could not be read at all
   */
  public static Response read(
      String file,
      String modelId,
      String text,
      Assignment assignment,
      List<Diagnostic> diagnostics) {
    return read(file, modelId, text, assignment, Set.of(), diagnostics);
  }

  /**
   * Reads a response as {@link #read(String, String, String, Assignment, List)} does; an answer to
   * a part in {@code rejected} (left out of the assignment for an error already reported) is
   * skipped without a second error.
   */
  static Response read(
      String file,
      String modelId,
      String text,
      Assignment assignment,
      Set<String> rejected,
      List<Diagnostic> diagnostics) {
    YamlNode root = YamlReader.read(file, text, diagnostics);
    if (root == null) {
      return null;
    }
    Fields f = Fields.of(root, "a response file", FILE_FIELDS, diagnostics);
    if (f == null) {
      return null;
    }
    String model = f.text("model");
    YamlNode answersNode = f.node("answers");
    Map<String, Answer> answers = new LinkedHashMap<>();
    Map<String, List<Answer>> samples = new LinkedHashMap<>();
    if (answersNode == null) {
      diagnostics.add(Diagnostic.error(f.location(), "a response file has no 'answers'"));
    } else if (!(answersNode instanceof YamlNode.MapNode m)) {
      diagnostics.add(
          Diagnostic.error(
              answersNode.location(),
              "'answers' must be a mapping from part id to answer, found "
                  + answersNode.describe()));
    } else {
      PartIds ids = new PartIds(assignment);
      Map<String, YamlNode.Entry> seen = new HashMap<>();
      for (YamlNode.Entry e : m.entries().values()) {
        if (rejected.contains(e.key().strip())) {
          continue;
        }
        String problem = ids.problemWith(e.key());
        if (problem != null) {
          diagnostics.add(Diagnostic.error(e.keyLocation(), problem));
          continue;
        }
        YamlNode.Entry first = seen.putIfAbsent(e.key().strip(), e);
        if (first != null) {
          // Ids are compared as the grader reads them, so "1.a" and " 1.a" are one part.
          diagnostics.add(
              Diagnostic.error(
                  e.keyLocation(),
                  "a second answer to part "
                      + e.key().strip()
                      + " (first at line "
                      + first.keyLocation().line()
                      + "); keep one answer per part"));
          continue;
        }
        Answer a = answer(e, diagnostics);
        if (a != null) {
          answers.put(e.key().strip(), a);
          List<Answer> more = samples(e, diagnostics);
          if (!more.isEmpty()) {
            samples.put(e.key().strip(), more);
          }
        }
      }
    }
    return new Response(modelId, model, file, answers, samples, AskUsageReader.read(root));
  }

  /** The further samples of a part asked several times ({@code samples:}, a list of answers). */
  private static List<Answer> samples(YamlNode.Entry e, List<Diagnostic> diagnostics) {
    if (!(e.value() instanceof YamlNode.MapNode m)) {
      return List.of();
    }
    YamlNode.Entry s = m.entries().get("samples");
    if (s == null) {
      return List.of();
    }
    if (!(s.value() instanceof YamlNode.ListNode list)) {
      diagnostics.add(
          Diagnostic.error(
              s.value().location(),
              "'samples' of the answer to "
                  + e.key().strip()
                  + " must be a list of answers, found "
                  + s.value().describe()));
      return List.of();
    }
    List<Answer> out = new java.util.ArrayList<>();
    for (YamlNode item : list.items()) {
      Answer a = answer(new YamlNode.Entry(e.key(), e.keyLocation(), item), diagnostics);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  private static Answer answer(YamlNode.Entry e, List<Diagnostic> diagnostics) {
    YamlNode v = e.value();
    String id = e.key().strip();
    if (v instanceof YamlNode.Scalar s) {
      return new Answer(id, "", s.text(), v.location());
    }
    Fields f = Fields.of(v, "the answer to " + id, ANSWER_FIELDS, diagnostics);
    if (f == null) {
      return null;
    }
    String reasoning = f.text("reasoning");
    String answer = f.text("answer");
    Answer.Status status = status(f, id, diagnostics);
    if (status != Answer.Status.ANSWERED) {
      String reason = f.text("reason");
      return new Answer(id, reasoning, answer, v.location())
          .withStatus(status, reason == null || reason.isBlank() ? "no reason given" : reason);
    }
    if (answer == null && reasoning != null) {
      return FinalAnswerExtractor.answer(id, reasoning, v.location());
    }
    return new Answer(id, reasoning, answer, v.location());
  }

  private static Answer.Status status(Fields f, String id, List<Diagnostic> diagnostics) {
    String s = f.text("status");
    if (s == null || s.isBlank() || s.strip().equals("answered")) {
      return Answer.Status.ANSWERED;
    }
    switch (s.strip()) {
      case "refused":
        return Answer.Status.REFUSED;
      case "failed":
        return Answer.Status.FAILED;
      default:
        YamlNode n = f.node("status");
        diagnostics.add(
            Diagnostic.error(
                n == null ? f.location() : n.location(),
                "unknown status '"
                    + s.strip()
                    + "' of the answer to "
                    + id
                    + "; known: answered, refused, failed"));
        return Answer.Status.ANSWERED;
    }
  }
}
