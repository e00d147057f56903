package dev.hwgrade.review;

import dev.hwgrade.model.Verdict;

/**
 * How a person's review bears on one part after grading.
 *
 * @param partId the part
 * @param review the review in force (the latest of the part's history)
 * @param applied true when the review decided the part; false when it is stale
 * @param automatic the verdict the graders gave this time
 * @param staleReason why the review no longer applies (the answer or the key changed since); null
 *     when applied
 * @param historySize how many reviews the part has had
 */
public record ReviewStatus(
    String partId,
    Review review,
    boolean applied,
    Verdict automatic,
    String staleReason,
    int historySize) {
  public boolean stale() {
    return !applied;
  }
}
