package dev.hwgrade.extract;

import dev.hwgrade.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides which markers of a transcript start a section, and for which part. A label alone is read
 * in the context of the marker before it: after {@code 2(a)}, {@code (i)} is {@code 2.a.i} and
 * {@code (b)} is {@code 2.b}; the deepest reading that exists wins, so after {@code 5(h)} the label
 * {@code (i)} is part {@code 5.i}.
 *
 * <p>A plain label ({@code (b)} at the start of a line, no heading, no bold) may just enumerate
 * points inside an answer. It is read as such an enumeration, not as a marker, when a certain
 * marker names the same part, when its part already has a section, when it names an earlier part of
 * the same problem at a depth where the transcript uses certain markers, or when it comes on the
 * line after such an enumeration.
 *
 * <p>A certain marker before any problem marker whose label several problems have is read as the
 * first problem's (a transcript that leaves out its first heading), with a warning.
 */
final class MarkerResolver {
  /**
   * A marker accepted as a section start; {@code path} is null for one that matched nothing. The
   * section before it ends at {@code offset} in the marker's line: 0, but for a marker inside a
   * line ("(i) TRUE (ii) FALSE").
   */
  record Cut(Marker marker, String path, int offset) {
    Cut(Marker marker, String path) {
      this(marker, path, 0);
    }
  }

  /** A transcript that repeats a bad marker a million times needs no million warnings. */
  static final int MAX_WARNINGS = 100;

  private final PartPaths paths;
  private final boolean bareNumbers;
  private final Set<String> certainTargets;
  private final Set<Integer> certainDepths = new HashSet<>();
  private final String file;

  private final List<Cut> cuts = new ArrayList<>();
  private final List<TranscriptWarning> warnings = new ArrayList<>();
  private final Set<String> sectioned = new HashSet<>();
  private String context;
  private boolean lost;

  /** The line of the last plain label read as an enumeration inside an answer, not a marker. */
  private int enumerationLine = -2;

  /** Why the last marker matched nothing; built only when a warning needs it. */
  private Supplier<String> failure;

  private TranscriptWarning.Kind failureKind;

  /** How the last marker was read when it could be read more than one way; null if it could not. */
  private Supplier<String> guess;

  /**
   * @param bareNumbers whether a problem number alone ("## 2.") counts as a marker; not when the
   *     transcript names problems with a word, where a bare number is more likely a list item
   * @param certainTargets paths that certain markers name; plain labels naming them are
   *     enumerations
   */
  MarkerResolver(PartPaths paths, boolean bareNumbers, Set<String> certainTargets, String file) {
    this.paths = paths;
    this.bareNumbers = bareNumbers;
    this.certainTargets = certainTargets;
    for (String t : certainTargets) {
      certainDepths.add(PartPaths.depth(t));
    }
    this.file = file;
  }

  /** Resolves the markers in file order; then read {@link #cuts()} and {@link #warnings()}. */
  MarkerResolver run(List<Marker> markers) {
    for (Marker m : markers) {
      if (m.form() == Marker.Form.NUMBER && !bareNumbers) {
        continue;
      }
      guess = null;
      String target = resolve(m);
      if (target != null && guess != null) {
        warn(m, TranscriptWarning.Kind.AMBIGUOUS_PART, guess);
      }
      if (target == null) {
        if (m.warnsWhenUnmatched()) {
          warn(m, failureKind, failure);
          cuts.add(new Cut(m, null));
          if (m.problem() != null) {
            context = null;
            lost = true;
          }
        }
        continue;
      }
      if (!m.certain() && m.line() == enumerationLine + 1) {
        enumerationLine = m.line(); // "(b) another reason" right after an enumerated "(a) one"
        continue;
      }
      if (paths.isPart(target) && sectioned.contains(target)) {
        String repeat = paths.untakenRepeat(target, sectioned);
        if (repeat != null) {
          target = repeat;
        } else if (!m.certain()) {
          enumerationLine = m.line();
          continue;
        } else {
          String repeated = target;
          warn(
              m,
              TranscriptWarning.Kind.REPEATED_PART,
              () ->
                  "part "
                      + repeated
                      + " is answered more than once; its sections are read together");
        }
      } else if (!m.certain() && (certainTargets.contains(target) || goesBack(target))) {
        enumerationLine = m.line();
        continue;
      }
      cuts.add(new Cut(m, target));
      if (paths.isPart(target)) {
        sectioned.add(target);
      }
      context = target;
      lost = false;
    }
    return this;
  }

  /**
   * Whether a plain label names a part before the current one in the same problem, at a depth where
   * certain markers are used: "(a) one reason" inside "### Part (b)" enumerates, even if part a was
   * skipped.
   */
  private boolean goesBack(String target) {
    return context != null
        && PartPaths.depth(context) > 1
        && problemOf(target).equals(problemOf(context))
        && paths.order(target) < paths.order(context)
        && certainDepths.contains(PartPaths.depth(target));
  }

  private static String problemOf(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  List<Cut> cuts() {
    return cuts;
  }

  List<TranscriptWarning> warnings() {
    return warnings;
  }

  /** The paths that any marker resolved to. */
  Set<String> targets() {
    Set<String> targets = new HashSet<>();
    for (Cut c : cuts) {
      if (c.path() != null) {
        targets.add(c.path());
      }
    }
    return targets;
  }

  /** The paths that certain markers resolved to. */
  Set<String> certainTargets() {
    Set<String> targets = new HashSet<>();
    for (Cut c : cuts) {
      if (c.path() != null && c.marker().certain()) {
        targets.add(c.path());
      }
    }
    return targets;
  }

  private String resolve(Marker m) {
    failureKind = TranscriptWarning.Kind.UNKNOWN_PART;
    if (m.problem() != null) {
      String problem = paths.problem(m.problem());
      if (problem == null) {
        failure =
            () ->
                "response for a problem that does not exist: '"
                    + m.text()
                    + "'; the assignment has problems "
                    + String.join(", ", paths.problems());
        return null;
      }
      String path = paths.find(problem, m.labels(), m.ignoresCase());
      if (path == null) {
        failure = () -> noSuchPart(m, problem + "." + String.join(".", m.labels()));
      }
      return path;
    }
    if (lost) {
      failure = () -> noSuchPart(m, String.join(".", m.labels()) + " under an unknown problem");
      return null;
    }
    if (context != null) {
      String path = paths.findNear(context, m.labels(), m.ignoresCase());
      if (path != null) {
        return path;
      }
      String problem = context.contains(".") ? context.substring(0, context.indexOf('.')) : context;
      failure = () -> noSuchPart(m, String.join(".", m.labels()) + " under problem " + problem);
      return null;
    }
    List<String> matches = paths.findInAnyProblem(m.labels(), m.ignoresCase());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1 && m.certain()) {
      // a transcript that leaves out its first problem's heading answers that problem first
      String first = matches.get(0);
      guess =
          () ->
              "'"
                  + m.text()
                  + "' comes before any problem marker; read as "
                  + first
                  + ", though it could be "
                  + String.join(" or ", matches.subList(1, matches.size()))
                  + "; name the problem, as in '## Problem 1'";
      return first;
    }
    failureKind =
        matches.isEmpty()
            ? TranscriptWarning.Kind.UNKNOWN_PART
            : TranscriptWarning.Kind.AMBIGUOUS_PART;
    failure =
        () ->
            matches.isEmpty()
                ? noSuchPart(m, String.join(".", m.labels()) + " in any problem")
                : "'"
                    + m.text()
                    + "' comes before any problem marker and could be "
                    + String.join(" or ", matches)
                    + "; name the problem, as in '## Problem 1'";
    return null;
  }

  private static String noSuchPart(Marker m, String what) {
    return "response for a part that does not exist: '" + m.text() + "' (no part " + what + ")";
  }

  private void warn(Marker m, TranscriptWarning.Kind kind, Supplier<String> message) {
    if (warnings.size() > MAX_WARNINGS) {
      return;
    }
    SourceLocation at = new SourceLocation(file, m.line() + 1, m.column());
    if (warnings.size() == MAX_WARNINGS) {
      warnings.add(
          new TranscriptWarning(
              TranscriptWarning.Kind.TOO_MANY,
              at,
              "more than " + MAX_WARNINGS + " problems with markers; the rest are not reported"));
    } else {
      warnings.add(new TranscriptWarning(kind, at, message.get()));
    }
  }
}
