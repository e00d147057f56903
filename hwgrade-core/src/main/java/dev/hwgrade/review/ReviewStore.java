package dev.hwgrade.review;

import dev.hwgrade.load.InputException;
import dev.hwgrade.report.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code reviews/} folder of an assignment: one file per model. Writes are atomic (a temporary
 * file in the same folder, moved into place, with the user's umask) and serialised — between
 * threads by a lock per file, between processes by a lock file — so two writers never lose an
 * update. A writer that read a version of the file and finds another in its place refuses rather
 * than overwrite it.
 */
public final class ReviewStore {
  /** The folder of an assignment that holds the reviews files. */
  public static final String FOLDER = "reviews";

  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;

  private ReviewStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The reviews of the assignment in {@code assignmentDir}. */
  public static ReviewStore of(Path assignmentDir) {
    return new ReviewStore(assignmentDir);
  }

  /** A reviews file changed under a writer; nothing was written. */
  public static final class ConcurrentChangeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
      super(message);
    }
  }

  /**
   * A model's reviews as read, with the version read.
   *
   * @param file the reviews
   * @param version a fingerprint of the file's bytes; empty when there is no file
   */
  public record Snapshot(ReviewFile file, String version) {}

  /** Where a model's reviews are kept. */
  public Path file(String modelId) {
    if (modelId.isEmpty()
        || modelId.startsWith(".")
        || modelId.contains("/")
        || modelId.contains("\\")) {
      throw new IllegalArgumentException("'" + modelId + "' cannot name a reviews file");
    }
    return dir.resolve(FOLDER).resolve(modelId + ".yaml");
  }

  /**
   * Reads a model's reviews; no file means no review yet.
   *
   * @throws InputException when the file is malformed, with every problem located
   */
  public Snapshot read(String modelId) throws IOException, InputException {
    Path f = file(modelId);
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Snapshot(ReviewFile.empty(modelId), "");
    }
    return new Snapshot(ReviewFileFormat.parse(display(f), text, modelId), Fingerprint.exact(text));
  }

  /** As {@link #append(String, String, Review, String)} without a version to check. */
  public ReviewFile append(String modelId, String partId, Review review)
      throws IOException, InputException {
    return append(modelId, partId, review, null);
  }

  /**
   * Appends a review of a part to a model's history and writes the file.
   *
   * @param expectedVersion the {@link Snapshot#version()} the caller decided on, or null to take
   *     whatever the file holds now
   * @return the file as written
   * @throws ConcurrentChangeException when the file is not the version expected, or changed while
   *     this write was under way
   */
  public ReviewFile append(String modelId, String partId, Review review, String expectedVersion)
      throws IOException, InputException {
    Path f = file(modelId);
    Files.createDirectories(f.getParent());
    if (Files.isSymbolicLink(f)) {
      throw new IOException(f + " is a symbolic link; not writing through it");
    }
    ReentrantLock local = LOCKS.computeIfAbsent(f, k -> new ReentrantLock());
    local.lock();
    try (FileChannel ch =
            FileChannel.open(
                f.resolveSibling("." + f.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      assert held.isValid();
      Snapshot now = read(modelId);
      if (expectedVersion != null && !expectedVersion.equals(now.version())) {
        throw new ConcurrentChangeException(
            display(f)
                + " changed since it was read (someone else settled a part); "
                + "nothing was written — read it again and settle again");
      }
      ReviewFile updated = now.file().with(partId, review);
      String text = ReviewFileFormat.render(updated);
      // A writer that does not take the lock (an editor) may still have changed the file.
      if (!now.version().equals(currentVersion(f))) {
        throw new ConcurrentChangeException(
            display(f) + " was changed by another program while being written; settle again");
      }
      AtomicFiles.write(f, text);
      return updated;
    } finally {
      local.unlock();
    }
  }

  private static String currentVersion(Path f) throws IOException {
    if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    return Fingerprint.exact(Files.readString(f, StandardCharsets.UTF_8));
  }

  private String display(Path f) {
    Path cwd = Path.of("").toAbsolutePath();
    return f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
  }
}
