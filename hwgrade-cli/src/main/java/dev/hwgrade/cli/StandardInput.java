package dev.hwgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input, or an empty input when it was closed. When a program starts with
 * descriptor 0 closed, the JVM's first opened file (its own jar, a module image) takes that number,
 * and reading "standard input" would read that file; hwgrade treats a closed input as empty.
 */
final class StandardInput {
  private StandardInput() {}

  static InputStream open() {
    return isClosed() ? InputStream.nullInputStream() : System.in;
  }

  private static boolean isClosed() {
    Path fd0 = Path.of("/proc/self/fd/0");
    try {
      if (!Files.isSymbolicLink(fd0)) {
        return false;
      }
      Path target = Files.readSymbolicLink(fd0);
      if (!target.isAbsolute()) {
        return false; // a pipe or socket: "pipe:[123]"
      }
      String home = System.getProperty("java.home", "");
      if (!home.isEmpty() && target.startsWith(Path.of(home).toRealPath())) {
        return true;
      }
      Path jar = ownJar();
      return jar != null && Files.exists(target) && Files.isSameFile(target, jar);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Path ownJar() {
    try {
      var source = Main.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
