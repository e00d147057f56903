package dev.hwgrade.load;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Compare;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code assignment.yaml} into an {@link Assignment}, reporting every problem found. */
public final class AssignmentReader {
  private static final Set<String> ASSIGNMENT_FIELDS = ordered("id", "title", "problems");
  private static final Set<String> PROBLEM_FIELDS =
      ordered("id", "title", "statement", "category", "parts");
  private static final Set<String> PART_FIELDS =
      ordered("id", "title", "question", "category", "weight", "key", "parts");
  private static final Set<String> KEY_FIELDS =
      ordered(
          "kind",
          "answer",
          "explanation",
          "alternatives",
          "key_points",
          "tolerance",
          "partial_within",
          "sigfigs",
          "unit",
          "matrices",
          "positive",
          "options",
          "ordered",
          "compare");
  private static final Set<String> POINT_FIELDS =
      ordered("text", "required", "weight", "accept", "reject");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_'-]*");

  private final String file;
  private final List<Diagnostic> diagnostics;
  private final Map<String, SourceLocation> seenIds = new HashMap<>();
  private final Set<String> rejected;

  private AssignmentReader(String file, List<Diagnostic> diagnostics, Set<String> rejected) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.rejected = rejected;
  }

  /**
   * Reads an assignment; problems are added to {@code diagnostics}.
   *
   * @return the assignment, or null when it could not be read at all
   */
  public static Assignment read(String file, String text, List<Diagnostic> diagnostics) {
    return read(file, text, diagnostics, new HashSet<>());
  }

  /**
   * Reads an assignment as {@link #read(String, String, List)} does, and adds to {@code rejected}
   * the ids of parts left out because their key has an error, so that an answer to such a part is
   * not reported a second time as an answer to a part that does not exist.
   */
  static Assignment read(
      String file, String text, List<Diagnostic> diagnostics, Set<String> rejected) {
    YamlNode root = YamlReader.read(file, text, diagnostics);
    if (root == null) {
      return null;
    }
    return new AssignmentReader(file, diagnostics, rejected).assignment(root);
  }

  private Assignment assignment(YamlNode root) {
    Fields f = Fields.of(root, "the assignment", ASSIGNMENT_FIELDS, diagnostics);
    if (f == null) {
      return null;
    }
    String id = f.requiredText("id");
    String title = f.text("title");
    List<Problem> problems = new ArrayList<>();
    List<YamlNode> items = f.list("problems", true);
    if (items != null) {
      if (items.isEmpty()) {
        diagnostics.add(
            Diagnostic.error(
                f.at("problems"), "'problems' is empty; an assignment needs at least one"));
      }
      for (YamlNode item : items) {
        Problem p = problem(item);
        if (p != null) {
          problems.add(p);
        }
      }
    }
    return new Assignment(
        id == null ? "" : id, title == null ? (id == null ? "" : id) : title, problems);
  }

  private Problem problem(YamlNode node) {
    Fields f = Fields.of(node, "a problem", PROBLEM_FIELDS, diagnostics);
    if (f == null) {
      return null;
    }
    String id = checkedId(f, "a problem");
    String category = f.text("category");
    List<Part> parts = new ArrayList<>();
    List<YamlNode> items = f.list("parts", true);
    if (id != null && items != null) {
      checkUnique(id, f.at("id"));
      if (items.isEmpty()) {
        diagnostics.add(Diagnostic.error(f.at("parts"), "problem " + id + " has no parts"));
      }
      for (YamlNode item : items) {
        part(item, id, id, category, parts);
      }
    }
    return id == null ? null : new Problem(id, f.text("title"), f.text("statement"), parts);
  }

  private void part(
      YamlNode node,
      String problemId,
      String parentPath,
      String inheritedCategory,
      List<Part> out) {
    Fields f = Fields.of(node, "a part", PART_FIELDS, diagnostics);
    if (f == null) {
      return;
    }
    String local = checkedId(f, "a part of " + parentPath);
    if (local == null) {
      return;
    }
    String path = parentPath + "." + local;
    boolean unique = checkUnique(path, f.at("id"));
    String category = f.has("category") ? f.text("category") : inheritedCategory;
    Double weight = f.number("weight", 0, 1e6, "a number from 0 to 1000000");
    if (f.has("parts")) {
      if (f.has("key")) {
        diagnostics.add(
            Diagnostic.error(
                f.at("key"),
                "part " + path + " has sub-parts and a key; the key belongs to the sub-parts"));
      }
      List<YamlNode> items = f.list("parts", false);
      if (items != null) {
        if (items.isEmpty()) {
          diagnostics.add(
              Diagnostic.error(f.at("parts"), "part " + path + " has an empty 'parts' list"));
        }
        for (YamlNode item : items) {
          part(item, problemId, path, category, out);
        }
      }
      return;
    }
    if (!f.has("key")) {
      diagnostics.add(
          Diagnostic.error(f.location(), "part " + path + " has no key (and no sub-parts)"));
      return;
    }
    Key key = key(f.node("key"), path);
    if (key == null && unique) {
      rejected.add(path);
    }
    if (key == null || !unique) {
      return;
    }
    out.add(
        new Part(
            path,
            problemId,
            f.text("title"),
            f.text("question"),
            category,
            weight == null ? 1.0 : weight,
            key,
            f.location()));
  }

  private static Set<String> kindIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Kind k : Kind.values()) {
      ids.add(k.id());
    }
    return ids;
  }

  private Key key(YamlNode node, String path) {
    Fields f = Fields.of(node, "the key of part " + path, KEY_FIELDS, diagnostics);
    if (f == null) {
      return null;
    }
    String kindText = f.requiredText("kind");
    if (kindText == null) {
      return null;
    }
    Kind kind = Kind.parse(kindText).orElse(null);
    if (kind == null) {
      diagnostics.add(
          Diagnostic.error(
              f.at("kind"),
              "unknown kind '"
                  + kindText
                  + "' in part "
                  + path
                  + "; known kinds: "
                  + Kind.known()
                  + Fields.suggestion(kindText, kindIds())));
      return null;
    }
    Key.Builder b = Key.builder(kind);
    String answer = f.text("answer");
    List<KeyPoint> points = keyPoints(f.list("key_points", false), path);
    if (answer == null || answer.isBlank()) {
      if (kind != Kind.TEXT || points.isEmpty()) {
        diagnostics.add(
            Diagnostic.error(
                f.location(),
                "the key of part "
                    + path
                    + " has no 'answer'"
                    + (kind == Kind.TEXT ? " and no 'key_points'" : "")));
      }
    }
    b.answer(answer == null ? "" : answer)
        .explanation(f.text("explanation"))
        .alternatives(f.texts("alternatives"))
        .keyPoints(points)
        .tolerance(f.number("tolerance", 0, 100, "a relative error of at least 0, such as 0.05"))
        .partialWithin(f.number("partial_within", 1, 1e12, "a factor above 1, such as 10"))
        .unit(f.text("unit"))
        .matrices(f.texts("matrices"))
        .positive(f.texts("positive"))
        .options(f.textMap("options"));
    checkDistinctOptions(f.node("options"), path);
    Double sig = f.number("sigfigs", 1, 17, "a whole number from 1 to 17");
    if (sig != null) {
      if (sig != Math.rint(sig)) {
        diagnostics.add(
            Diagnostic.error(f.at("sigfigs"), "'sigfigs' must be a whole number, found " + sig));
      } else {
        b.sigfigs(sig.intValue());
      }
    }
    Boolean ordered = f.bool("ordered");
    b.ordered(ordered == null || ordered);
    String compare = f.text("compare");
    if (compare != null) {
      Compare c = Compare.parse(compare).orElse(null);
      if (c == null) {
        diagnostics.add(
            Diagnostic.error(
                f.at("compare"),
                "unknown 'compare' value '" + compare + "'; known: " + Compare.known()));
      }
      b.compare(c);
    }
    Key key = b.build();
    checkKind(key, f, path);
    return key;
  }

  private void checkKind(Key key, Fields f, String path) {
    String where = " in part " + path;
    onlyFor(f, "tolerance", key.kind(), Kind.NUMERIC, where);
    onlyFor(f, "partial_within", key.kind(), Kind.NUMERIC, where);
    onlyFor(f, "sigfigs", key.kind(), Kind.NUMERIC, where);
    onlyFor(f, "unit", key.kind(), Kind.NUMERIC, where);
    onlyFor(f, "matrices", key.kind(), Kind.EXPRESSION, where);
    onlyFor(f, "positive", key.kind(), Kind.EXPRESSION, where);
    onlyFor(f, "compare", key.kind(), Kind.EXPRESSION, where);
    onlyFor(f, "options", key.kind(), Kind.CHOICE, where);
    onlyFor(f, "key_points", key.kind(), Kind.TEXT, where);
    switch (key.kind()) {
      case BOOLEAN -> {
        for (String a : key.acceptedAnswers()) {
          if (!a.isBlank() && BooleanWords.parse(a) == null) {
            diagnostics.add(
                Diagnostic.error(
                    f.at("answer"),
                    "a boolean key's answer must be true or false (or yes/no)"
                        + where
                        + ", found '"
                        + a
                        + "'"));
          }
        }
      }
      case CHOICE -> {
        if (key.options().isEmpty()) {
          diagnostics.add(Diagnostic.error(f.location(), "a choice key needs 'options'" + where));
        } else if (!key.answer().isBlank()
            && !key.options().containsKey(key.answer().strip())
            && !key.options().containsValue(key.answer().strip())) {
          diagnostics.add(
              Diagnostic.error(
                  f.at("answer"),
                  "the answer '"
                      + key.answer()
                      + "' is not one of the options "
                      + String.join(", ", key.options().keySet())
                      + where));
        }
      }
      default -> {}
    }
  }

  private void onlyFor(Fields f, String field, Kind kind, Kind allowed, String where) {
    if (f.has(field) && kind != allowed) {
      diagnostics.add(
          Diagnostic.warning(
              f.at(field),
              "'"
                  + field
                  + "' applies only to kind "
                  + allowed.id()
                  + " and is ignored for kind "
                  + kind.id()
                  + where));
    }
  }

  /** Option letters are read stripped and without case, so "A" and " a" name one option. */
  private void checkDistinctOptions(YamlNode node, String path) {
    if (!(node instanceof YamlNode.MapNode m)) {
      return;
    }
    Map<String, SourceLocation> seen = new HashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      String letter = e.key().strip();
      SourceLocation first = seen.putIfAbsent(letter.toLowerCase(Locale.ROOT), e.keyLocation());
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                e.keyLocation(),
                "duplicate option '"
                    + letter
                    + "' in part "
                    + path
                    + " (first at line "
                    + first.line()
                    + "); give each option its own letter"));
      }
    }
  }

  private List<KeyPoint> keyPoints(List<YamlNode> items, String path) {
    if (items == null) {
      return List.of();
    }
    List<KeyPoint> points = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (YamlNode item : items) {
      String pointText = pointText(item);
      if (pointText != null) {
        SourceLocation first = seen.putIfAbsent(pointText, item.location());
        if (first != null) {
          // The same point twice would count twice in the partial score.
          diagnostics.add(
              Diagnostic.error(
                  item.location(),
                  "duplicate key point in part "
                      + path
                      + " (first at line "
                      + first.line()
                      + "); write each point once and give it a 'weight' instead"));
          continue;
        }
      }
      if (item instanceof YamlNode.Scalar s && !s.isNull()) {
        points.add(new KeyPoint(s.text(), false, 1.0, List.of(), List.of()));
        continue;
      }
      Fields f = Fields.of(item, "a key point", POINT_FIELDS, diagnostics);
      if (f == null) {
        continue;
      }
      String text = f.requiredText("text");
      Boolean required = f.bool("required");
      Double weight = f.number("weight", 1e-9, 1e6, "a number above 0 and at most 1000000");
      if (text != null) {
        points.add(
            new KeyPoint(
                text,
                required != null && required,
                weight == null ? 1.0 : weight,
                f.texts("accept"),
                f.texts("reject")));
      }
    }
    if (!points.isEmpty() && points.stream().noneMatch(KeyPoint::required)) {
      // With no point marked required, a correct answer must make every point.
      points.replaceAll(p -> new KeyPoint(p.text(), true, p.weight(), p.accept(), p.reject()));
    }
    return points;
  }

  /** A key point's text as compared for duplicates (spacing and case aside), or null. */
  private static String pointText(YamlNode item) {
    YamlNode text = item;
    if (item instanceof YamlNode.MapNode m) {
      text = m.get("text");
    }
    if (text instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
      return s.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private String checkedId(Fields f, String what) {
    String id = f.requiredText("id");
    if (id == null) {
      return null;
    }
    id = id.strip();
    if (!ID.matcher(id).matches()) {
      diagnostics.add(
          Diagnostic.error(
              f.at("id"),
              "the id '"
                  + id
                  + "' of "
                  + what
                  + " must be letters, digits, '_', '-' or \"'\" (no dots or spaces)"));
      return null;
    }
    return id;
  }

  /** False, with a diagnostic, when the id was seen before. */
  private boolean checkUnique(String path, SourceLocation at) {
    SourceLocation first = seenIds.putIfAbsent(path.toLowerCase(Locale.ROOT), at);
    if (first != null) {
      diagnostics.add(
          Diagnostic.error(
              at, "duplicate part id '" + path + "' (first defined at line " + first.line() + ")"));
      return false;
    }
    return true;
  }

  private static Set<String> ordered(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  String file() {
    return file;
  }
}
