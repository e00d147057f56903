package dev.hwgrade.web;

import dev.hwgrade.review.StoredResults;
import java.util.List;

/**
 * One part of one model as last graded, with what the pages show beside the core's {@link
 * StoredResults.StoredPart}.
 *
 * @param stored the part as {@code settle} and {@code pending} see it
 * @param problem the problem id
 * @param kind the key's kind
 * @param weight the part's weight
 * @param score the score in force; null while the part awaits review
 * @param confidence the graders' confidence
 * @param grader which grader (or "review") decided
 * @param evidence the grader's evidence
 * @param diagnosis the error analysis of a wrong number; may be empty
 * @param reviewer who settled it, when a review applied or is stale; else empty
 * @param reviewAt when, as stored; else empty
 * @param reviewComment the reviewer's comment; may be empty
 */
record ShownPart(
    StoredResults.StoredPart stored,
    String problem,
    String kind,
    double weight,
    Double score,
    Double confidence,
    String grader,
    List<String> evidence,
    String diagnosis,
    String reviewer,
    String reviewAt,
    String reviewComment) {
  String id() {
    return stored.id();
  }
}
