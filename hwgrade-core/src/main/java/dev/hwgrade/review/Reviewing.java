package dev.hwgrade.review;

import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settling parts and listing those that wait, from an assignment's stored results: the operations
 * behind {@code hwgrade settle} and {@code hwgrade pending}, for any front end.
 */
public final class Reviewing {
  private final Path assignmentDir;
  private final Clock clock;

  public Reviewing(Path assignmentDir, Clock clock) {
    this.assignmentDir = assignmentDir;
    this.clock = clock;
  }

  /**
   * A part awaiting review.
   *
   * @param modelId the model
   * @param part the part as last graded
   */
  public record Pending(String modelId, StoredResults.StoredPart part) {
    /** Why it waits: the graders' reason, or why its review is stale. */
    public String reason() {
      return part.staleReason() != null
          ? "stale review: " + part.staleReason()
          : part.explanation();
    }
  }

  /**
   * The parts awaiting review, in model then part order.
   *
   * @param models the models to list; empty means every model with stored results
   */
  public List<Pending> pending(List<String> models) throws IOException, ReviewException {
    List<String> ms = models.isEmpty() ? StoredResults.models(assignmentDir) : models;
    List<Pending> out = new ArrayList<>();
    for (String m : ms) {
      for (StoredResults.StoredPart p : StoredResults.read(assignmentDir, m)) {
        if (p.awaitsReview()) {
          out.add(new Pending(m, p));
        }
      }
    }
    return out;
  }

  /**
   * Settles one part of one model: appends a review to {@code reviews/<model-id>.yaml}. It takes
   * effect at the next {@code grade}, which checks that the answer and the key are still those the
   * reviewer saw.
   *
   * @param score the score for partially correct; null takes the verdict's (1 or 0)
   * @param expectedVersion the reviews file version the caller decided on, or null
   * @return the review written
   * @throws ReviewException when the part or the verdict is not one that can be settled
   * @throws InputException when the existing reviews file is malformed
   * @throws ReviewStore.ConcurrentChangeException when the file changed under the caller
   */
  public Review settle(
      String modelId,
      String partId,
      Verdict verdict,
      Double score,
      String reviewer,
      String comment,
      String expectedVersion)
      throws IOException, ReviewException, InputException {
    List<StoredResults.StoredPart> parts = StoredResults.read(assignmentDir, modelId);
    StoredResults.StoredPart part =
        parts.stream()
            .filter(p -> p.id().equals(partId))
            .findFirst()
            .orElseThrow(
                () ->
                    new ReviewException(
                        "model '"
                            + modelId
                            + "' has no part '"
                            + partId
                            + "'; its parts are "
                            + parts.stream()
                                .map(StoredResults.StoredPart::id)
                                .collect(Collectors.joining(", "))));
    if (reviewer == null || reviewer.isBlank()) {
      throw new ReviewException("a review needs a reviewer's name");
    }
    double s = score != null ? score : Review.defaultScore(verdict);
    String problem = Review.scoreProblem(verdict, s);
    if (problem != null) {
      throw new ReviewException(problem);
    }
    Review review =
        new Review(
            verdict,
            s,
            reviewer.strip(),
            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            comment,
            new Review.Overrides(
                part.automatic(), part.answerFingerprint(), part.keyFingerprint()));
    ReviewStore.of(assignmentDir).append(modelId, partId, review, expectedVersion);
    return review;
  }
}
