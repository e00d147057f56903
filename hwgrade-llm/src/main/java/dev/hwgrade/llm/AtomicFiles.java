package dev.hwgrade.llm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files written whole or not at all: a temporary file beside the target, then moved over it. A
 * reader never sees half a file, and a killed process leaves the old file or the new one.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes and forces the file to the disk before moving it into place. */
  static void write(Path target, String text) throws IOException {
    write(target, text, true);
  }

  /**
   * @param force whether to wait for the disk before the move; without it the file is complete in
   *     the file system at once (a killed process loses nothing) but may be empty or damaged after
   *     a power loss, so a reader must take a damaged file for a missing one
   */
  static void write(Path target, String text, boolean force) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        if (force) {
          ch.force(true);
        }
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
