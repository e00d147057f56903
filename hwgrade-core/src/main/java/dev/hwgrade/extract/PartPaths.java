package dev.hwgrade.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The assignment's part ids ({@code 1.a}, {@code 2.a.i}) as a tree of paths, for matching what a
 * transcript writes against what exists. A path is known when it is a part id or a prefix of one (a
 * problem, or a part with sub-parts); only part ids receive answers.
 */
final class PartPaths {
  /**
   * What may follow a repeated label: 5.g and 5.g2 are both written "(g)" by models answering the
   * EECS 182 example.
   */
  private static final Pattern REPEAT_SUFFIX = Pattern.compile("['_-]?[0-9]{1,2}|'{1,3}");

  private final List<String> ids;
  private final Set<String> idSet;
  private final Set<String> known = new HashSet<>();
  private final Map<String, String> knownIgnoringCase = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final boolean digitLabels;
  private final Map<String, List<String>> repeats;
  private final Map<String, String> nextSiblings = new HashMap<>();
  private final Map<String, String> problemNumbers = new HashMap<>();
  private final Map<String, Integer> indexes = new HashMap<>();

  PartPaths(List<String> partIds) {
    ids = List.copyOf(partIds);
    idSet = new LinkedHashSet<>(ids);
    boolean digits = false;
    Set<String> problemSet = new LinkedHashSet<>();
    for (String id : ids) {
      String[] segments = id.split("\\.", -1);
      for (String segment : segments) {
        if (segment.isBlank()) {
          throw new IllegalArgumentException("part id '" + id + "' has an empty segment");
        }
      }
      problemSet.add(segments[0]);
      StringBuilder path = new StringBuilder();
      for (int k = 0; k < segments.length; k++) {
        if (k > 0) {
          path.append('.');
          digits |= segments[k].chars().allMatch(Character::isDigit);
        }
        path.append(segments[k]);
        String p = path.toString();
        known.add(p);
        knownIgnoringCase.putIfAbsent(p.toLowerCase(Locale.ROOT), p);
      }
    }
    problems.addAll(problemSet);
    problemNumbers.putAll(prefixedNumbers(problems));
    for (String problem : problems) {
      problemNumbers.put(problem, problem); // an exact id always wins
      if (problem.chars().allMatch(Character::isDigit)) {
        problemNumbers.putIfAbsent(problem.replaceFirst("^0+(?=.)", ""), problem); // "03" is 3
      }
    }
    digitLabels = digits;
    repeats = repeatsOf(ids);
    for (int k = 0; k < ids.size(); k++) {
      for (String p = ids.get(k); p != null; p = parent(p)) {
        indexes.putIfAbsent(p, k);
      }
    }
    for (int k = 0; k + 1 < ids.size(); k++) {
      if (Objects.equals(parent(ids.get(k)), parent(ids.get(k + 1)))) {
        nextSiblings.putIfAbsent(ids.get(k), ids.get(k + 1));
      }
    }
  }

  List<String> ids() {
    return ids;
  }

  List<String> problems() {
    return problems;
  }

  boolean digitLabels() {
    return digitLabels;
  }

  /**
   * The problem a transcript means by {@code number}: the problem with that id, else the one
   * problem whose id is that number after a prefix ({@code p3}, {@code hw3}); null if none.
   */
  String problem(String number) {
    if (problemNumbers.containsKey(number)) {
      return problemNumbers.get(number);
    }
    return null;
  }

  boolean isPart(String path) {
    return idSet.contains(path);
  }

  boolean isKnown(String path) {
    return known.contains(path);
  }

  /**
   * The part id after {@code id} in the assignment's order if it has the same parent, else null.
   */
  String nextSibling(String id) {
    return nextSiblings.get(id);
  }

  /** The part ids one level below {@code path}, in order ({@code 5.g.i}, {@code 5.g.ii}). */
  List<String> childParts(String path) {
    List<String> children = new ArrayList<>();
    for (String id : ids) {
      if (path.equals(parent(id))) {
        children.add(id);
      }
    }
    return children;
  }

  /**
   * The part ids below {@code path}, in order ({@code 2.a.i}, {@code 2.a.ii} below {@code 2.a}).
   */
  List<String> partsUnder(String path) {
    String prefix = path + ".";
    List<String> under = new ArrayList<>();
    for (String id : ids) {
      if (id.startsWith(prefix)) {
        under.add(id);
      }
    }
    return under;
  }

  /** {@code base} followed by {@code labels}, if that path exists; null otherwise. */
  String find(String base, List<String> labels, boolean ignoreCase) {
    String path = base;
    for (String label : labels) {
      String next = path + "." + label;
      if (known.contains(next)) {
        path = next;
      } else if (ignoreCase && knownIgnoringCase.containsKey(next.toLowerCase(Locale.ROOT))) {
        path = knownIgnoringCase.get(next.toLowerCase(Locale.ROOT));
      } else {
        return null;
      }
    }
    return path;
  }

  /**
   * The position of a known path in the assignment's order: that of the first part id at or below
   * it ({@code 2.e} comes where {@code 2.e.i} does); -1 for an unknown path.
   */
  int order(String path) {
    return indexes.getOrDefault(path, -1);
  }

  /** How many segments a path has: 1 for a problem, 2 for {@code 1.a}. */
  static int depth(String path) {
    int depth = 1;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.') {
        depth++;
      }
    }
    return depth;
  }

  /**
   * {@code labels} read where {@code context} is: below it, or below its parent, and so on up to
   * its problem; the deepest reading that exists wins. Null if none does.
   */
  String findNear(String context, List<String> labels, boolean ignoreCase) {
    for (String base = context; base != null; base = parent(base)) {
      String path = find(base, labels, ignoreCase);
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  /** Every problem's reading of {@code labels}, for labels written before any problem. */
  List<String> findInAnyProblem(List<String> labels, boolean ignoreCase) {
    List<String> matches = new ArrayList<>();
    for (String problem : problems) {
      String path = find(problem, labels, ignoreCase);
      if (path != null) {
        matches.add(path);
      }
    }
    return matches;
  }

  /** The path one level up ({@code 2.a} for {@code 2.a.i}); null above a problem. */
  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? null : path.substring(0, dot);
  }

  /**
   * A sibling part id that repeats {@code id}'s label ({@code 5.g2} for {@code 5.g}) and is not yet
   * taken, for a label a transcript uses twice; null if none.
   */
  String untakenRepeat(String id, Set<String> taken) {
    for (String other : repeats.getOrDefault(id, List.of())) {
      if (!taken.contains(other)) {
        return other;
      }
    }
    return null;
  }

  /** "3" for a problem "p3" or "hw03", when no other problem has the number 3. */
  private static Map<String, String> prefixedNumbers(List<String> problems) {
    Map<String, String> byNumber = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (String problem : problems) {
      int k = problem.length();
      while (k > 0 && Character.isDigit(problem.charAt(k - 1))) {
        k--;
      }
      if (k == 0 || k == problem.length() || Character.isDigit(problem.charAt(0))) {
        continue; // no prefix, no number, or a number with a suffix ("2b")
      }
      String number = problem.substring(k).replaceFirst("^0+(?=.)", "");
      if (byNumber.putIfAbsent(number, problem) != null) {
        shared.add(number);
      }
    }
    byNumber.keySet().removeAll(shared);
    return byNumber;
  }

  private static Map<String, List<String>> repeatsOf(List<String> ids) {
    Map<String, List<String>> byParent = new HashMap<>();
    for (String id : ids) {
      byParent.computeIfAbsent(String.valueOf(parent(id)), k -> new ArrayList<>()).add(id);
    }
    Map<String, List<String>> repeats = new HashMap<>();
    for (List<String> siblings : byParent.values()) {
      for (String id : siblings) {
        String label = lastLabel(id);
        for (String other : siblings) {
          String otherLabel = lastLabel(other);
          if (!other.equals(id)
              && otherLabel.startsWith(label)
              && REPEAT_SUFFIX.matcher(otherLabel.substring(label.length())).matches()) {
            repeats.computeIfAbsent(id, k -> new ArrayList<>()).add(other);
          }
        }
      }
    }
    return repeats;
  }

  private static String lastLabel(String id) {
    return id.substring(id.lastIndexOf('.') + 1);
  }
}
