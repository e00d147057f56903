package dev.hwgrade.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assignment's {@code reports/} folder, held by one run at a time. A model's files are written
 * into a fresh hidden folder and swapped in whole, so a reader — or a run killed half-way — never
 * sees a new {@code results.json} beside an old {@code report.md}. Leftovers of a killed run are
 * cleaned when the folder is next opened. Nothing is written through a symbolic link.
 */
public final class ReportFolder implements AutoCloseable {
  /** Names in {@code reports/} that are not a model's folder. */
  public static final String COMPARISON = "comparison.md";

  /** The HTML index of the assignment's models. */
  public static final String INDEX = "index.html";

  /** The folder of the files the HTML reports load (scripts, fonts). */
  public static final String ASSETS = "assets";

  private static final String LOCK = ".hwgrade.lock";
  private static final String NEW = ".new-";
  private static final String OLD = ".old-";

  private final Path reports;
  private final FileChannel channel;
  private final FileLock lock;

  private ReportFolder(Path reports, FileChannel channel, FileLock lock) {
    this.reports = reports;
    this.channel = channel;
    this.lock = lock;
  }

  /** The folder could not be taken or written as asked; the message says why and what to do. */
  public static final class ReportFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReportFolderException(String message) {
      super(message);
    }
  }

  /**
   * Opens (creating if needed) {@code <assignmentDir>/reports}, takes its lock and cleans what a
   * killed run left.
   *
   * @throws ReportFolderException when another run holds the folder, or {@code reports} is a link
   *     that leads out of the assignment folder
   */
  public static ReportFolder open(Path assignmentDir) throws IOException {
    Path root = assignmentDir.toAbsolutePath().normalize();
    Path reports = root.resolve("reports");
    if (Files.isSymbolicLink(reports)) {
      Path real = reports.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        throw new ReportFolderException(
            reports
                + " is a link to "
                + real
                + ", outside the assignment folder; not writing there");
      }
    }
    Files.createDirectories(reports);
    FileChannel channel =
        FileChannel.open(
            reports.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new ReportFolderException(
          "another hwgrade run is writing " + reports + "; try again when it has finished");
    }
    ReportFolder folder = new ReportFolder(reports, channel, lock);
    folder.cleanLeftovers();
    return folder;
  }

  public Path path() {
    return reports;
  }

  /**
   * Writes one model's files (name → content) as one set: all of them appear at once, replacing the
   * model's previous set. A name may hold a subfolder ({@code judge/2.a.json}) inside the model's
   * folder.
   *
   * @return the files written, in the order given
   */
  public List<Path> writeModel(String modelId, Map<String, String> files) throws IOException {
    if (modelId.equals(COMPARISON)
        || modelId.equals(INDEX)
        || modelId.equals(ASSETS)
        || modelId.startsWith(".")
        || modelId.contains("/")) {
      throw new ReportFolderException(
          "the model id '"
              + modelId
              + "' cannot name a reports folder (it is reserved or hidden); rename its response file");
    }
    Path target = reports.resolve(modelId);
    if (Files.isSymbolicLink(target)) {
      throw new ReportFolderException(
          target + " is a symbolic link; not writing through it (remove it and grade again)");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new ReportFolderException(
          target + " is a file where the model's reports folder belongs; move it away");
    }
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Path fresh = reports.resolve(NEW + modelId + "-" + tag);
    Files.createDirectory(fresh);
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = fresh.resolve(f.getKey()).normalize();
        if (!file.startsWith(fresh) || file.equals(fresh)) {
          throw new ReportFolderException(
              "the report file name '" + f.getKey() + "' leads out of the model's folder");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            f.getValue(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        written.add(target.resolve(f.getKey()));
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Path old = reports.resolve(OLD + modelId + "-" + tag);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(fresh);
      }
    }
    return written;
  }

  /** Writes one file directly in {@code reports/}, atomically. */
  public Path writeFile(String name, String content) throws IOException {
    Path target = reports.resolve(name);
    if (Files.isSymbolicLink(target)) {
      throw new ReportFolderException(
          target + " is a symbolic link; not writing through it (remove it and grade again)");
    }
    AtomicFiles.write(target, content);
    return target;
  }

  /**
   * The assets folder in {@code reports/}, created when missing.
   *
   * @throws ReportFolderException when it is a symbolic link or a file
   */
  public Path assets() throws IOException {
    Path target = reports.resolve(ASSETS);
    if (Files.isSymbolicLink(target)) {
      throw new ReportFolderException(
          target + " is a symbolic link; not writing through it (remove it and grade again)");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new ReportFolderException(target + " is a file where the assets folder belongs");
    }
    Files.createDirectories(target);
    return target;
  }

  private void cleanLeftovers() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(reports)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(NEW)) {
          deleteTree(p);
        } else if (name.startsWith(OLD)) {
          // Killed between the two moves: the old set is the last complete one.
          String model = name.substring(OLD.length(), name.length() - 9);
          Path target = reports.resolve(model);
          if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
          } else {
            deleteTree(p);
          }
        } else if (name.startsWith(".") && name.endsWith(".tmp")) {
          Files.deleteIfExists(p);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          try (DirectoryStream<Path> inner = Files.newDirectoryStream(p, ".*.tmp")) {
            for (Path q : inner) {
              Files.deleteIfExists(q);
            }
          }
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
