package dev.hwgrade.grade.judge;

import dev.hwgrade.grade.text.PointOutcome;
import dev.hwgrade.grade.text.PointOutcome.Status;
import dev.hwgrade.model.KeyPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns votes (each a list of verified statuses, one per key point, or nothing for a vote whose
 * reply could not be read) into one outcome per point. A status needs more than half of all the
 * votes asked for, unread ones included. A point that counts for the verdict (a required point, or
 * any point when none is required — as in {@link dev.hwgrade.grade.text.VerdictRule}) without such
 * a majority leaves the part undecided; an optional point without one counts as missed.
 */
final class VoteTally {
  /** One vote's verified view of one point. */
  record Ballot(Status status, String quote, String note) {}

  /** The tally: outcomes for every point, or the points that have no majority. */
  record Result(List<PointOutcome> outcomes, List<KeyPoint> undecided, double agreement) {
    boolean decided() {
      return undecided.isEmpty();
    }
  }

  private VoteTally() {}

  /**
   * @param points the key points
   * @param votes per vote, its ballots in the points' order; null for a vote not read
   */
  static Result tally(List<KeyPoint> points, List<List<Ballot>> votes) {
    int n = votes.size();
    boolean anyRequired = points.stream().anyMatch(KeyPoint::required);
    List<PointOutcome> outcomes = new ArrayList<>();
    List<KeyPoint> undecided = new ArrayList<>();
    double agreement = 1;
    for (int i = 0; i < points.size(); i++) {
      KeyPoint p = points.get(i);
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (List<Ballot> vote : votes) {
        if (vote != null) {
          counts.merge(vote.get(i).status(), 1, Integer::sum);
        }
      }
      Status majority = null;
      int top = 0;
      for (Map.Entry<Status, Integer> e : counts.entrySet()) {
        if (2 * e.getValue() > n) {
          majority = e.getKey();
        }
        top = Math.max(top, e.getValue());
      }
      boolean decisive = !anyRequired || p.required();
      if (decisive) {
        agreement = Math.min(agreement, n == 0 ? 0 : (double) top / n);
      }
      if (majority == null && decisive) {
        undecided.add(p);
      }
      Status status = majority == null ? Status.MISSED : majority;
      double made = n == 0 ? 0 : (double) counts.getOrDefault(Status.MADE, 0) / n;
      double against = n == 0 ? 0 : (double) counts.getOrDefault(Status.CONTRADICTED, 0) / n;
      outcomes.add(
          new PointOutcome(
              p, status, made, made, against, quoteOf(votes, i, status), detail(votes, i, counts)));
    }
    return new Result(List.copyOf(outcomes), List.copyOf(undecided), agreement);
  }

  /** The first verified quote among the votes for this status. */
  private static String quoteOf(List<List<Ballot>> votes, int i, Status status) {
    for (List<Ballot> vote : votes) {
      if (vote != null && vote.get(i).status() == status && !vote.get(i).quote().isEmpty()) {
        return vote.get(i).quote();
      }
    }
    return "";
  }

  private static String detail(List<List<Ballot>> votes, int i, Map<Status, Integer> counts) {
    List<String> parts = new ArrayList<>();
    if (votes.size() > 1) {
      List<String> tally = new ArrayList<>();
      counts.forEach((s, c) -> tally.add(c + " " + s.label()));
      int unread = (int) votes.stream().filter(v -> v == null).count();
      if (unread > 0) {
        tally.add(unread + " unread");
      }
      parts.add(String.format(Locale.ROOT, "votes: %s", String.join(", ", tally)));
    }
    for (List<Ballot> vote : votes) {
      if (vote != null && !vote.get(i).note().isEmpty() && !parts.contains(vote.get(i).note())) {
        parts.add(vote.get(i).note());
      }
    }
    return String.join("; ", parts);
  }
}
