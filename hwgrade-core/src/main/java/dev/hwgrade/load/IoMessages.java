package dev.hwgrade.load;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words an exception for a message: the file it names and the operating system's reason. A file
 * system exception's own message is often only the path ("/x/reports"), which says nothing of what
 * went wrong.
 */
public final class IoMessages {
  private IoMessages() {}

  /** The exception as "path: reason" (or its message, or its class when it has none). */
  public static String describe(Throwable t) {
    if (t instanceof FileSystemException f) {
      String reason = reason(f);
      String file = f.getFile();
      String other = f.getOtherFile();
      StringBuilder b = new StringBuilder();
      if (file != null) {
        b.append(file);
        if (other != null) {
          b.append(" -> ").append(other);
        }
        b.append(": ");
      }
      return b.append(reason).toString();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  private static String reason(FileSystemException f) {
    if (f.getReason() != null && !f.getReason().isBlank()) {
      return f.getReason();
    }
    if (f instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (f instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (f instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    return f.getClass().getSimpleName();
  }
}
