package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hwgrade.extract.TranscriptSplit;
import dev.hwgrade.extract.TranscriptSplitter;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code responses/<model-id>.yaml} from a run's journal: the response format every other response
 * uses ({@code reasoning}, {@code answer}), extended with {@code status}/{@code reason} for a
 * refusal or a failure, {@code usage} and {@code raw} per answer, {@code samples} when a part was
 * asked several times, and an {@code ask} block (provider, parameters, totals). Parts not asked yet
 * are left out.
 */
final class ResponseFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

  private final Assignment assignment;
  private final ModelSpec spec;
  private final AskOptions options;
  private final Journal journal;
  private int answered;
  private int refused;
  private int failed;
  private int missing;
  private Usage usage = Usage.NONE;
  private int requests;

  ResponseFile(Assignment assignment, ModelSpec spec, AskOptions options, Journal journal) {
    this.assignment = assignment;
    this.spec = spec;
    this.options = options;
    this.journal = journal;
  }

  int answered() {
    return answered;
  }

  int refused() {
    return refused;
  }

  int failed() {
    return failed;
  }

  int missing() {
    return missing;
  }

  void write(Path file) throws IOException {
    Map<String, Object> answers = new LinkedHashMap<>();
    boolean whole = options.prompts().whole();
    List<Map<String, Answer>> splits = new ArrayList<>();
    if (whole) {
      for (int s = 0; s < options.samples(); s++) {
        Journal.Entry e = journal.get(AskRun.WHOLE, s);
        count(e);
        splits.add(
            e == null || e.status() != Journal.Status.ANSWERED
                ? Map.of()
                : split(e.reply().text(), s));
      }
    }
    for (Part part : assignment.parts()) {
      List<Map<String, Object>> samples = new ArrayList<>();
      for (int s = 0; s < options.samples(); s++) {
        Journal.Entry e = journal.get(whole ? AskRun.WHOLE : part.id(), s);
        if (e == null) {
          if (s == 0) {
            missing++;
          }
          continue;
        }
        if (!whole) {
          count(e);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        if (e.status() == Journal.Status.ANSWERED && whole) {
          Answer split = splits.get(s).get(part.id());
          a.put("reasoning", split == null ? "" : split.reasoning());
          if (split != null && split.hasFinalAnswer()) {
            a.put("answer", split.finalAnswer());
          }
        } else {
          a.put("reasoning", e.reply() == null ? "" : e.reply().text());
        }
        if (e.status() != Journal.Status.ANSWERED) {
          a.put("status", e.status() == Journal.Status.REFUSED ? "refused" : "failed");
          a.put("reason", e.reason());
        }
        if (e.reply() != null && !whole) {
          a.put("usage", usage(e.reply()));
        }
        a.put(
            "raw",
            "replies/" + spec.id() + "/" + journal.fileName(whole ? AskRun.WHOLE : part.id(), s));
        samples.add(a);
      }
      if (samples.isEmpty()) {
        continue;
      }
      Map<String, Object> first = samples.get(0);
      if (samples.size() > 1) {
        first = new LinkedHashMap<>(first);
        first.put("samples", samples.subList(1, samples.size()));
      }
      if (!whole) {
        String status = (String) first.get("status");
        if (status == null) {
          answered++;
        } else if (status.equals("refused")) {
          refused++;
        } else {
          failed++;
        }
      } else {
        String status = (String) first.get("status");
        if (status == null) {
          answered++;
        } else if (status.equals("refused")) {
          refused++;
        } else {
          failed++;
        }
      }
      answers.put(part.id(), first);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", spec.model());
    root.put("ask", ask());
    root.put("answers", answers);
    AtomicFiles.write(file, YAML.writeValueAsString(root));
  }

  private void count(Journal.Entry e) {
    if (e != null && e.reply() != null) {
      usage = usage.plus(e.reply().usage());
      requests++;
    }
  }

  private Map<String, Answer> split(String text, int sample) {
    TranscriptSplit split =
        TranscriptSplitter.of(assignment)
            .split("replies/" + spec.id() + "/" + journal.fileName(AskRun.WHOLE, sample), text);
    return split.answers();
  }

  private static Map<String, Object> usage(ModelReply r) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("input_tokens", r.usage().inputTokens());
    u.put("output_tokens", r.usage().outputTokens());
    u.put("latency_ms", r.latencyMs());
    u.put("finish", r.finishReason());
    u.put("attempts", r.attempts());
    if (r.cached()) {
      u.put("cached", true);
    }
    return u;
  }

  private Map<String, Object> ask() {
    Map<String, Object> m = new LinkedHashMap<>(spec.parameters());
    m.put("mode", options.prompts().whole() ? "whole" : "per-part");
    m.put("samples", options.samples());
    if (spec.inputPrice() != null && spec.outputPrice() != null) {
      m.put("price_input", spec.inputPrice());
      m.put("price_output", spec.outputPrice());
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("replies", requests);
    totals.put("input_tokens", usage.inputTokens());
    totals.put("output_tokens", usage.outputTokens());
    Double cost = spec.cost(usage);
    if (cost != null) {
      totals.put("cost_usd", Math.round(cost * 1e6) / 1e6);
    }
    m.put("totals", totals);
    return m;
  }
}
