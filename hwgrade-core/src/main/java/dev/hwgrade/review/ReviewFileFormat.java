package dev.hwgrade.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hwgrade.load.Diagnostic;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.YamlNode;
import dev.hwgrade.load.YamlReader;
import dev.hwgrade.model.SourceLocation;
import dev.hwgrade.model.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code reviews/<model-id>.yaml}:
 *
 * <pre>
 * model: model-a
 * parts:
 *   "1.c":
 *   - verdict: correct
 *     score: 1.0
 *     reviewer: alice
 *     at: "2026-01-15T09:30:00Z"
 *     comment: "the sign convention of the key is the reverse"
 *     overrides: {verdict: needs_review, answer: 3f2a0c9e41d7, key: 9bc1d2e3f4a5}
 * </pre>
 *
 * Every problem of a file is reported at once, located.
 */
public final class ReviewFileFormat {
  private static final Set<String> ROOT = Set.of("model", "parts");
  private static final Set<String> ENTRY =
      Set.of("verdict", "score", "reviewer", "at", "comment", "overrides");
  private static final Set<String> OVERRIDES = Set.of("verdict", "answer", "key");
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private ReviewFileFormat() {}

  /**
   * Parses a reviews file.
   *
   * @param file the file's name, for locations
   * @param expectedModel the model id the file name gives; the file's {@code model} must match
   * @throws InputException with every problem found
   */
  public static ReviewFile parse(String file, String text, String expectedModel)
      throws InputException {
    List<Diagnostic> d = new ArrayList<>();
    YamlNode root = YamlReader.read(file, text, d);
    Map<String, List<Review>> history = new LinkedHashMap<>();
    if (root != null) {
      YamlNode.MapNode m = mapping(root, "the reviews file", ROOT, d);
      if (m != null) {
        String model = text(m, "model", "the reviews file", true, d);
        if (model != null && !model.equals(expectedModel)) {
          d.add(
              Diagnostic.error(
                  m.get("model").location(),
                  "this file holds the reviews of '"
                      + expectedModel
                      + "' (its name says so), but its model is '"
                      + model
                      + "'"));
        }
        YamlNode parts = m.get("parts");
        if (parts == null || parts instanceof YamlNode.Scalar s && s.isNull()) {
          // No review yet.
        } else {
          YamlNode.MapNode pm = mapping(parts, "'parts'", null, d);
          for (YamlNode.Entry e : pm == null ? List.<YamlNode.Entry>of() : pm.entries().values()) {
            history.put(e.key(), entries(e, d));
          }
        }
      }
    }
    if (!d.isEmpty()) {
      throw new InputException(d);
    }
    return new ReviewFile(expectedModel, history);
  }

  private static List<Review> entries(YamlNode.Entry part, List<Diagnostic> d) {
    List<Review> out = new ArrayList<>();
    if (!(part.value() instanceof YamlNode.ListNode list)) {
      d.add(
          Diagnostic.error(
              part.value().location(),
              "the reviews of part "
                  + part.key()
                  + " must be a list (one entry per review, oldest first), found "
                  + part.value().describe()));
      return out;
    }
    if (list.items().isEmpty()) {
      d.add(Diagnostic.error(list.location(), "part " + part.key() + " has an empty review list"));
    }
    for (YamlNode item : list.items()) {
      Review r = entry(item, "a review of part " + part.key(), d);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static Review entry(YamlNode node, String what, List<Diagnostic> d) {
    YamlNode.MapNode m = mapping(node, what, ENTRY, d);
    if (m == null) {
      return null;
    }
    int before = d.size();
    Verdict verdict = verdict(m, "verdict", what, d);
    Double score = number(m, "score", what, d);
    String reviewer = text(m, "reviewer", what, true, d);
    if (reviewer != null && reviewer.isBlank()) {
      d.add(Diagnostic.error(m.get("reviewer").location(), what + " has an empty 'reviewer'"));
    }
    Instant at = null;
    String when = text(m, "at", what, true, d);
    if (when != null) {
      try {
        at = Instant.parse(when.strip());
      } catch (DateTimeParseException e) {
        d.add(
            Diagnostic.error(
                m.get("at").location(),
                "'at' must be a UTC time like 2026-01-15T09:30:00Z, found '" + when + "'"));
      }
    }
    String comment = text(m, "comment", what, false, d);
    Review.Overrides overrides = null;
    YamlNode o = m.get("overrides");
    if (o == null) {
      d.add(Diagnostic.error(m.location(), what + " has no 'overrides'"));
    } else if (mapping(o, "'overrides'", OVERRIDES, d) != null) {
      YamlNode.MapNode om = (YamlNode.MapNode) o;
      Verdict auto = verdict(om, "verdict", "'overrides'", d);
      String answer = text(om, "answer", "'overrides'", true, d);
      String key = text(om, "key", "'overrides'", true, d);
      if (auto != null && answer != null && key != null) {
        overrides = new Review.Overrides(auto, answer.strip(), key.strip());
      }
    }
    if (verdict != null) {
      double s = score != null ? score : Review.defaultScore(verdict);
      String problem = Review.scoreProblem(verdict, s);
      if (problem != null) {
        YamlNode at2 = m.get(score != null ? "score" : "verdict");
        d.add(Diagnostic.error(at2.location(), problem));
      } else if (d.size() == before && overrides != null) {
        return new Review(verdict, s, reviewer.strip(), at, comment, overrides);
      }
    }
    return null;
  }

  private static YamlNode.MapNode mapping(
      YamlNode node, String what, Set<String> known, List<Diagnostic> d) {
    if (!(node instanceof YamlNode.MapNode m)) {
      d.add(
          Diagnostic.error(node.location(), what + " must be a mapping, found " + node.describe()));
      return null;
    }
    if (known != null) {
      for (YamlNode.Entry e : m.entries().values()) {
        if (!known.contains(e.key())) {
          d.add(
              Diagnostic.error(
                  e.keyLocation(),
                  "unknown field '"
                      + e.key()
                      + "' in "
                      + what
                      + "; known fields: "
                      + known.stream().sorted().collect(Collectors.joining(", "))));
        }
      }
    }
    return m;
  }

  private static String text(
      YamlNode.MapNode m, String key, String what, boolean required, List<Diagnostic> d) {
    YamlNode n = m.get(key);
    if (n == null || n instanceof YamlNode.Scalar s && s.isNull()) {
      if (required) {
        d.add(Diagnostic.error(m.location(), what + " has no '" + key + "'"));
      }
      return null;
    }
    if (!(n instanceof YamlNode.Scalar s)) {
      d.add(Diagnostic.error(n.location(), "'" + key + "' must be a text, found " + n.describe()));
      return null;
    }
    return s.text();
  }

  private static Verdict verdict(YamlNode.MapNode m, String key, String what, List<Diagnostic> d) {
    String t = text(m, key, what, true, d);
    if (t == null) {
      return null;
    }
    try {
      return Verdict.fromId(t);
    } catch (IllegalArgumentException e) {
      d.add(
          Diagnostic.error(
              m.get(key).location(),
              "unknown verdict '"
                  + t
                  + "'; known verdicts: "
                  + Arrays.stream(Verdict.values())
                      .map(Verdict::id)
                      .collect(Collectors.joining(", "))));
      return null;
    }
  }

  private static Double number(YamlNode.MapNode m, String key, String what, List<Diagnostic> d) {
    YamlNode n = m.get(key);
    if (n == null || n instanceof YamlNode.Scalar s && s.isNull()) {
      return null;
    }
    if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER) {
      try {
        return Double.valueOf(s.text());
      } catch (NumberFormatException e) {
        // Reported below.
      }
    }
    d.add(
        Diagnostic.error(
            n.location(), "'" + key + "' in " + what + " must be a number from 0 to 1"));
    return null;
  }

  /** The file's text: deterministic, one entry per review, oldest first. */
  public static String render(ReviewFile f) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", f.modelId());
    Map<String, Object> parts = new LinkedHashMap<>();
    f.history()
        .forEach(
            (id, reviews) -> {
              List<Object> list = new ArrayList<>();
              for (Review r : reviews) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("verdict", r.verdict().id());
                e.put("score", r.score());
                e.put("reviewer", r.reviewer());
                e.put("at", r.at().toString());
                e.put("comment", r.comment());
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("verdict", r.overrides().verdict().id());
                o.put("answer", r.overrides().answer());
                o.put("key", r.overrides().key());
                e.put("overrides", o);
                list.add(e);
              }
              parts.put(id, list);
            });
    root.put("parts", parts);
    try {
      return "# Reviews of "
          + f.modelId()
          + "'s answers, applied by `hwgrade grade`; the last entry of a part is in force.\n"
          + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the reviews file", e);
    }
  }

  static SourceLocation start(String file) {
    return new SourceLocation(file, 1, 1);
  }
}
