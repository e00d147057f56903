package dev.hwgrade.analyze;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Derives findings and the conclusion from the tallies; every figure in them is computed. */
final class Findings {
  private Findings() {}

  static List<Finding> of(
      Assignment assignment,
      List<PartResult> results,
      Tally overall,
      List<GroupStats> byProblem,
      List<GroupStats> byCategory,
      List<ErrorEntry> errors,
      List<PartResult> reviews) {
    List<Finding> out = new ArrayList<>();
    if (overall.total() == 0) {
      return out;
    }
    strengths(byCategory, byProblem, overall, out);
    if (!errors.isEmpty()) {
      clusters(errors, byProblem, byCategory, out);
      errorKinds(errors, out);
    }
    weakest(byCategory, overall, out);
    if (!reviews.isEmpty()) {
      out.add(
          new Finding(
              "For a person to settle",
              count(reviews.size(), "part")
                  + " could not be graded automatically and "
                  + (reviews.size() == 1 ? "needs" : "need")
                  + " review: "
                  + reviews.stream()
                      .map(r -> r.part().displayId())
                      .collect(Collectors.joining(", "))
                  + ". They are left out of the score until settled: "
                  + ScoreWords.of(overall)
                  + "."));
    }
    return out;
  }

  private static void strengths(
      List<GroupStats> byCategory, List<GroupStats> byProblem, Tally overall, List<Finding> out) {
    if (overall.count(Verdict.CORRECT) == overall.total()) {
      out.add(
          new Finding(
              "Every part correct",
              "All "
                  + overall.total()
                  + " parts match the key, across "
                  + count(byProblem.size(), "problem")
                  + " and "
                  + count(byCategory.size(), "kind")
                  + " of question."));
      return;
    }
    List<String> perfect = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (GroupStats c : byCategory) {
      Tally t = c.tally();
      if (t.total() >= 2 && t.count(Verdict.CORRECT) == t.total()) {
        perfect.add(c.key());
        parts.addAll(c.partIds());
      }
    }
    if (!perfect.isEmpty()) {
      out.add(
          new Finding(
              "Strong on " + joinAnd(perfect),
              (parts.size() == 2 ? "Both" : "All " + parts.size())
                  + " "
                  + joinAnd(perfect)
                  + " parts correct ("
                  + problemsOf(parts, byProblem)
                  + ")."));
    }
  }

  private static void clusters(
      List<ErrorEntry> errors,
      List<GroupStats> byProblem,
      List<GroupStats> byCategory,
      List<Finding> out) {
    Map<String, Integer> perProblem = new LinkedHashMap<>();
    Map<String, Integer> perCategory = new LinkedHashMap<>();
    for (ErrorEntry e : errors) {
      perProblem.merge(e.result().part().problemId(), 1, Integer::sum);
      perCategory.merge(e.result().part().category(), 1, Integer::sum);
    }
    String n =
        errors.size() == 1
            ? "The only error is"
            : (errors.size() == 2 ? "Both errors are" : "All " + errors.size() + " errors are");
    if (perProblem.size() == 1) {
      String pid = perProblem.keySet().iterator().next();
      GroupStats p = find(byProblem, pid);
      String text =
          n
              + " in problem "
              + pid
              + (p.title().equals("Problem " + pid) ? "" : " (" + p.title() + ")")
              + ", where "
              + p.tally().count(Verdict.CORRECT)
              + " of "
              + p.tally().total()
              + " parts are correct";
      if (perCategory.size() == 1) {
        text +=
            "; "
                + (errors.size() == 1
                    ? "it is a " + perCategory.keySet().iterator().next() + " question"
                    : (errors.size() == 2 ? "both are " : "all are ")
                        + perCategory.keySet().iterator().next()
                        + " questions");
      }
      out.add(new Finding("Errors cluster in problem " + pid, text + "."));
    } else {
      String spread = counted(perProblem(errors, byProblem), "problem ");
      Map.Entry<String, Integer> top =
          perCategory.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      GroupStats c = find(byCategory, top.getKey());
      String where =
          perProblem.size() == byProblem.size()
              ? "Errors are spread across all " + byProblem.size() + " problems: " + spread
              : "Errors are in " + spread + "; " + errorFree(byProblem);
      out.add(
          new Finding(
              "Where the errors are",
              where
                  + "; the category with most is "
                  + top.getKey()
                  + " ("
                  + top.getValue()
                  + " of its "
                  + c.tally().total()
                  + " parts not correct)."));
    }
  }

  private static void errorKinds(List<ErrorEntry> errors, List<Finding> out) {
    Map<Kind, List<ErrorEntry>> byKind = new EnumMap<>(Kind.class);
    List<ErrorEntry> unanswered = new ArrayList<>();
    for (ErrorEntry e : errors) {
      if (e.result().grade().verdict() == Verdict.UNANSWERED) {
        unanswered.add(e);
      } else {
        byKind.computeIfAbsent(e.result().part().key().kind(), k -> new ArrayList<>()).add(e);
      }
    }
    List<String> kinds = new ArrayList<>();
    byKind.forEach((k, es) -> kinds.add(describe(k, es)));
    if (!unanswered.isEmpty()) {
      kinds.add(count(unanswered.size(), "part") + " left unanswered (" + ids(unanswered) + ")");
    }
    out.add(new Finding("Kinds of error", capitalize(String.join("; ", kinds)) + "."));
  }

  private static String describe(Kind k, List<ErrorEntry> es) {
    long partial =
        es.stream().filter(e -> e.result().grade().verdict() == Verdict.PARTIALLY_CORRECT).count();
    String how =
        partial == es.size()
            ? "partially correct"
            : partial == 0 ? "wrong" : "wrong or partially correct";
    return switch (k) {
      case NUMERIC ->
          count(es.size(), "numeric answer")
              + " "
              + how
              + ", off from the key by a factor ("
              + ids(es)
              + ")";
      case TEXT ->
          count(es.size(), "explanation")
              + " "
              + how
              + ", missing or contradicting key points ("
              + ids(es)
              + ")";
      case EXPRESSION -> count(es.size(), "expression") + " " + how + " (" + ids(es) + ")";
      case BOOLEAN -> count(es.size(), "true/false answer") + " wrong (" + ids(es) + ")";
      case CHOICE -> count(es.size(), "choice") + " wrong (" + ids(es) + ")";
    };
  }

  private static void weakest(List<GroupStats> byCategory, Tally overall, List<Finding> out) {
    if (byCategory.size() < 2 || overall.errors() == 0) {
      return;
    }
    GroupStats worst = null;
    for (GroupStats c : byCategory) {
      if (!Double.isNaN(c.tally().score())
          && (worst == null || c.tally().score() < worst.tally().score())) {
        worst = c;
      }
    }
    if (worst != null && worst.tally().score() < overall.score()) {
      out.add(
          new Finding(
              "Weakest kind of question",
              worst.key()
                  + ": score "
                  + Percent.of(worst.tally().score())
                  + " against "
                  + Percent.of(overall.score())
                  + " overall ("
                  + worst.tally().count(Verdict.CORRECT)
                  + " of "
                  + worst.tally().total()
                  + " correct)."));
    }
  }

  static String conclusion(
      Response response,
      Tally t,
      List<GroupStats> byProblem,
      List<GroupStats> byCategory,
      List<ErrorEntry> errors,
      List<PartResult> reviews) {
    if (t.total() == 0) {
      return "The assignment has no gradable parts.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(response.modelName())
        .append(" answered ")
        .append(t.count(Verdict.CORRECT))
        .append(" of ")
        .append(t.total())
        .append(" parts correctly (")
        .append(Percent.of(t.share(Verdict.CORRECT)))
        .append(")");
    List<String> rest = new ArrayList<>();
    if (t.count(Verdict.PARTIALLY_CORRECT) > 0) {
      rest.add(t.count(Verdict.PARTIALLY_CORRECT) + " partially");
    }
    if (t.count(Verdict.INCORRECT) > 0) {
      rest.add(t.count(Verdict.INCORRECT) + " incorrectly");
    }
    if (t.count(Verdict.UNANSWERED) > 0) {
      rest.add(t.count(Verdict.UNANSWERED) + " not at all");
    }
    if (!rest.isEmpty()) {
      sb.append(", ").append(joinAnd(rest));
    }
    sb.append("; its weighted score is ").append(ScoreWords.of(t)).append(". ");
    if (errors.isEmpty()) {
      sb.append("It made no errors the graders could find");
    } else {
      sb.append(errorsWhere(errors, byProblem, byCategory));
    }
    sb.append(".");
    if (!reviews.isEmpty()) {
      sb.append(" ")
          .append(count(reviews.size(), "part"))
          .append(reviews.size() == 1 ? " still needs" : " still need")
          .append(" a person's review before the score is final.");
    }
    return sb.toString();
  }

  /**
   * Where the errors are, said truthfully: "confined to" only a strict subset of the problems or
   * kinds of question, "spread across all" when every one has some, with counts, and which problems
   * are error-free.
   */
  private static String errorsWhere(
      List<ErrorEntry> errors, List<GroupStats> byProblem, List<GroupStats> byCategory) {
    Map<String, Integer> perProblem = perProblem(errors, byProblem);
    Map<String, Integer> perCategory = new LinkedHashMap<>();
    for (GroupStats c : byCategory) {
      int n =
          (int) errors.stream().filter(e -> e.result().part().category().equals(c.key())).count();
      if (n > 0) {
        perCategory.put(c.key(), n);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size() == 1 ? "Its one error is" : "Its " + errors.size() + " errors are");
    if (byProblem.size() > 1) {
      if (perProblem.size() == 1) {
        String pid = perProblem.keySet().iterator().next();
        sb.append(errors.size() == 1 ? " in problem " : " confined to problem ").append(pid);
      } else if (perProblem.size() == byProblem.size()) {
        sb.append(" spread across all ")
            .append(byProblem.size())
            .append(" problems (")
            .append(
                joinAnd(
                    perProblem.entrySet().stream()
                        .map(e -> e.getValue() + " in problem " + e.getKey())
                        .toList()))
            .append(")");
      } else {
        sb.append(" in ").append(counted(perProblem, "problem "));
      }
      sb.append(',');
    }
    if (perCategory.size() == 1) {
      sb.append(errors.size() == 1 ? (byProblem.size() > 1 ? " a " : " on a ") : " all ")
          .append(perCategory.keySet().iterator().next())
          .append(errors.size() == 1 ? " question" : " questions");
    } else if (perCategory.size() == byCategory.size()) {
      sb.append(" in every kind of question: ").append(counted(perCategory, ""));
    } else {
      sb.append(" in ").append(counted(perCategory, "")).append(" questions");
    }
    List<String> clean =
        byCategory.stream()
            .filter(c -> c.tally().errors() == 0 && c.tally().count(Verdict.NEEDS_REVIEW) == 0)
            .map(GroupStats::key)
            .toList();
    if (!clean.isEmpty() && clean.size() < byCategory.size()) {
      sb.append(", while its ").append(joinAnd(clean)).append(" answers are all correct");
    }
    if (byProblem.size() > 1 && perProblem.size() < byProblem.size()) {
      sb.append(". ").append(capitalize(errorFree(byProblem)));
    }
    return sb.toString();
  }

  /** Errors per problem, in the assignment's order. */
  private static Map<String, Integer> perProblem(
      List<ErrorEntry> errors, List<GroupStats> byProblem) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (GroupStats p : byProblem) {
      int n =
          (int) errors.stream().filter(e -> e.result().part().problemId().equals(p.key())).count();
      if (n > 0) {
        out.put(p.key(), n);
      }
    }
    return out;
  }

  /** {@code problem 1 (2), problem 3 (1) and problem 4 (1)}. */
  private static String counted(Map<String, Integer> counts, String prefix) {
    return joinAnd(
        counts.entrySet().stream()
            .map(e -> prefix + e.getKey() + " (" + e.getValue() + ")")
            .toList());
  }

  /**
   * The problems without errors: "problem 5 is error-free", and those whose decided parts are all
   * correct but some still await review.
   */
  private static String errorFree(List<GroupStats> byProblem) {
    List<String> free = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    for (GroupStats p : byProblem) {
      if (p.tally().errors() == 0) {
        (p.tally().awaiting() == 0 ? free : undecided).add(p.key());
      }
    }
    List<String> said = new ArrayList<>();
    if (!free.isEmpty()) {
      said.add(
          (free.size() == 1
                  ? "problem " + free.get(0) + " is"
                  : "problems " + joinAnd(free) + " are")
              + " error-free");
    }
    if (!undecided.isEmpty()) {
      said.add(
          (undecided.size() == 1
                  ? "problem " + undecided.get(0) + " has"
                  : "problems " + joinAnd(undecided) + " have")
              + " no error among the parts decided so far");
    }
    return String.join("; ", said);
  }

  private static GroupStats find(List<GroupStats> groups, String key) {
    return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
  }

  private static String problemsOf(List<String> partIds, List<GroupStats> byProblem) {
    java.util.Set<String> named = new java.util.HashSet<>();
    partIds.forEach(id -> named.add(id.split("\\.")[0]));
    List<String> problems =
        byProblem.stream().map(GroupStats::key).filter(named::contains).toList();
    return (problems.size() == 1 ? "problem " : "problems ") + joinAnd(problems);
  }

  private static String ids(List<ErrorEntry> es) {
    return es.stream().map(e -> e.result().part().displayId()).collect(Collectors.joining(", "));
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
