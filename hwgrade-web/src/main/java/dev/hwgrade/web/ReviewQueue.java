package dev.hwgrade.web;

import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.Review;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every part of every model, in the order a reviewer works through them: the parts awaiting review
 * first (the graders could not decide, or a review went stale), then the parts where the models'
 * decided verdicts differ, then everything else; within a group, in the assignment's order.
 */
final class ReviewQueue {
  /** Why a part is where it is in the queue. */
  enum Group {
    AWAITING("awaits review"),
    DISAGREEMENT("models disagree"),
    OTHER("");

    final String label;

    Group(String label) {
      this.label = label;
    }
  }

  /** Where a part stands with its reviewer. */
  enum Status {
    /** No review. */
    NONE(""),
    /** A review decided it at the last {@code grade}. */
    REVIEWED("reviewed"),
    /** Settled here since the last {@code grade}, which has yet to apply it. */
    SETTLED("settled — applies at the next grade"),
    /** Its review no longer matches the answer or the key. */
    STALE("stale review");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /**
   * One part of one model in the queue.
   *
   * @param modelId the model
   * @param part the part as last graded
   * @param group why it is where it is
   * @param status where it stands with its reviewer
   * @param latest the review in force in the reviews file now, if any
   * @param order its place in the assignment
   */
  record Entry(
      String modelId,
      ShownPart part,
      Group group,
      Status status,
      Optional<Review> latest,
      int order) {
    /** Whether a person has a say on it: it awaited review, or a review decided it. */
    boolean forReview() {
      return part.stored().awaitsReview() || part.stored().reviewed() || status == Status.SETTLED;
    }

    boolean settled() {
      return status == Status.REVIEWED || status == Status.SETTLED;
    }
  }

  private final List<ModelState> models;
  private final List<Entry> entries;
  private final Map<String, List<String>> disagreements;

  ReviewQueue(List<ModelState> models) {
    this.models = List.copyOf(models);
    this.disagreements = disagreements(models);
    List<Entry> all = new ArrayList<>();
    Map<String, Integer> order = new HashMap<>();
    for (ModelState m : models) {
      for (ShownPart p : m.parts()) {
        order.putIfAbsent(p.id(), order.size());
      }
    }
    for (ModelState m : models) {
      for (ShownPart p : m.parts()) {
        Optional<Review> latest = m.reviews().file().latest(p.id());
        Group g =
            p.stored().awaitsReview()
                ? Group.AWAITING
                : disagreements.containsKey(p.id()) ? Group.DISAGREEMENT : Group.OTHER;
        all.add(new Entry(m.modelId(), p, g, status(p, latest), latest, order.get(p.id())));
      }
    }
    Comparator<Entry> byGroup = Comparator.comparing(Entry::group);
    all.sort(byGroup.thenComparingInt(Entry::order));
    this.entries = List.copyOf(all);
  }

  List<ModelState> models() {
    return models;
  }

  List<Entry> entries(Filter f) {
    return entries.stream().filter(f::accepts).toList();
  }

  Optional<Entry> find(String modelId, String partId) {
    return entries.stream()
        .filter(e -> e.modelId().equals(modelId) && e.part().id().equals(partId))
        .findFirst();
  }

  Optional<ModelState> model(String modelId) {
    return models.stream().filter(m -> m.modelId().equals(modelId)).findFirst();
  }

  /** For a part where the models disagree, "model: verdict" for each model; else empty. */
  List<String> disagreement(String partId) {
    return disagreements.getOrDefault(partId, List.of());
  }

  /** How many of the parts a person has a say on are settled, and of how many. */
  int[] progress() {
    int of = 0;
    int settled = 0;
    for (Entry e : entries) {
      if (e.forReview()) {
        of++;
        if (e.settled()) {
          settled++;
        }
      }
    }
    return new int[] {settled, of};
  }

  /** The distinct values of a field over every entry, in queue order. */
  Set<String> values(java.util.function.Function<Entry, String> field) {
    Set<String> out = new LinkedHashSet<>();
    entries.stream()
        .sorted(Comparator.comparingInt(Entry::order))
        .forEach(e -> out.add(field.apply(e)));
    return out;
  }

  /**
   * Where a part stands: a review in the file that matches the answer and the key last graded is in
   * force (applied by the last grade, or to be applied by the next); one that does not is stale.
   */
  static Status status(ShownPart p, Optional<Review> latest) {
    if (latest.isEmpty()) {
      return Status.NONE;
    }
    Review r = latest.get();
    boolean matches =
        r.overrides().answer().equals(p.stored().answerFingerprint())
            && r.overrides().key().equals(p.stored().keyFingerprint());
    if (!matches) {
      return Status.STALE;
    }
    if (p.stored().reviewed() && r.at().toString().equals(p.reviewAt())) {
      return Status.REVIEWED;
    }
    return Status.SETTLED;
  }

  private static Map<String, List<String>> disagreements(List<ModelState> models) {
    Map<String, Map<String, Verdict>> byPart = new LinkedHashMap<>();
    for (ModelState m : models) {
      for (ShownPart p : m.parts()) {
        Verdict v = p.stored().verdict();
        if (v != Verdict.NEEDS_REVIEW) {
          byPart.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).put(m.modelId(), v);
        }
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    byPart.forEach(
        (id, vs) -> {
          if (new LinkedHashSet<>(vs.values()).size() > 1) {
            List<String> desc = new ArrayList<>();
            vs.forEach((m, v) -> desc.add(m + ": " + v.id()));
            out.put(id, desc);
          }
        });
    return out;
  }
}
