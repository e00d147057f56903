package dev.hwgrade.grade.text;

import java.util.HashSet;
import java.util.Set;

/**
 * The word-overlap baseline the text grader is measured against: the share of the reference's
 * content words (Lucene's English stems, stop words removed) that the answer uses, leaving out the
 * words the question already gives (all of the reference's words when the question gives them all).
 * With one threshold tuned on training rows, an answer at or above it is correct.
 */
public final class WordOverlap {
  private WordOverlap() {}

  /** The share of the reference's content words, beyond the question's, found in the answer. */
  public static double referenceRecall(String question, String reference, String answer) {
    Set<String> wanted = new HashSet<>(ContentWords.stems(reference));
    Set<String> fresh = new HashSet<>(wanted);
    fresh.removeAll(ContentWords.stems(question));
    return ContentWords.coverage(fresh.isEmpty() ? wanted : fresh, ContentWords.stems(answer));
  }
}
