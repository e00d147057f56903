package dev.hwgrade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies an assignment folder (without its reports) so a test can grade it in a temporary folder.
 */
public final class TestFiles {
  private TestFiles() {}

  public static Path copyAssignment(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = from.relativize(p);
        if (rel.startsWith("reports")) {
          continue;
        }
        Path t = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
