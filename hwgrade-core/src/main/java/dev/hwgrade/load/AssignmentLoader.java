package dev.hwgrade.load;

import dev.hwgrade.extract.TranscriptSplitter;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads an assignment folder: {@code assignment.yaml} and {@code responses/*.yaml|*.md}. Reads
 * every file before failing, so one run reports every problem of every file.
 */
public final class AssignmentLoader {
  private AssignmentLoader() {}

  /**
   * Loads the folder.
   *
   * @param models the model ids to load; empty means all
   * @throws InputException with every error found, in file order
   */
  public static LoadedAssignment load(Path dir, Collection<String> models) throws InputException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Path file = dir.resolve("assignment.yaml");
    if (!Files.isDirectory(dir)) {
      throw new InputException(
          List.of(
              Diagnostic.error(
                  new SourceLocation(dir.toString(), 0, 0),
                  "not a folder; give the folder that holds assignment.yaml")));
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          List.of(
              Diagnostic.error(
                  new SourceLocation(file.toString(), 0, 0),
                  "missing: an assignment folder holds assignment.yaml and responses/")));
    }
    String text = readText(file, diagnostics);
    Set<String> rejected = new HashSet<>();
    Assignment assignment =
        text == null ? null : AssignmentReader.read(file.toString(), text, diagnostics, rejected);
    List<Response> responses = new ArrayList<>();
    if (assignment != null) {
      responses = loadResponses(dir, assignment, models, rejected, diagnostics);
    }
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty() || assignment == null) {
      throw new InputException(diagnostics, assignment);
    }
    List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
    return new LoadedAssignment(dir, assignment, responses, warnings);
  }

  private static List<Response> loadResponses(
      Path dir,
      Assignment assignment,
      Collection<String> models,
      Set<String> rejected,
      List<Diagnostic> diagnostics) {
    Path rdir = dir.resolve("responses");
    List<Response> out = new ArrayList<>();
    if (!Files.isDirectory(rdir)) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(rdir.toString(), 0, 0),
              "missing: put one response file per model here (<model-id>.yaml or <model-id>.md)"));
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(rdir)) {
      for (Path f : s.sorted().toList()) {
        if (readable(f, diagnostics)) {
          files.add(f);
        }
      }
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(rdir.toString(), 0, 0), "cannot list: " + e.getMessage()));
      return out;
    }
    Set<String> found = new TreeSet<>();
    for (Path f : files) {
      String modelId = modelId(f);
      if (!found.add(modelId)) {
        diagnostics.add(
            Diagnostic.error(
                new SourceLocation(f.toString(), 0, 0),
                "a second response file for model '" + modelId + "'; keep one file per model"));
        continue;
      }
      if (!models.isEmpty() && !models.contains(modelId)) {
        continue;
      }
      String text = readText(f, diagnostics);
      if (text == null) {
        continue;
      }
      Response r =
          f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
              ? TranscriptReader.read(f.toString(), modelId, text, assignment, diagnostics)
              : ResponseReader.read(f.toString(), modelId, text, assignment, rejected, diagnostics);
      if (r != null) {
        out.add(r);
      }
    }
    if (files.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(rdir.toString(), 0, 0),
              "no response files (<model-id>.yaml or <model-id>.md)"));
    }
    for (String m : models) {
      if (!found.contains(m)) {
        diagnostics.add(
            Diagnostic.error(
                new SourceLocation(rdir.toString(), 0, 0),
                "no response file for model '"
                    + m
                    + "'; models here: "
                    + String.join(", ", found)));
      }
    }
    return out;
  }

  /**
   * Whether {@code f} in responses/ is a response file to read; a file that looks like one but
   * cannot be read (a link to a folder, a dangling link, a pipe) or one in another format is
   * reported, never skipped silently, and a pipe is never opened.
   */
  private static boolean readable(Path f, List<Diagnostic> diagnostics) {
    String n = f.getFileName().toString();
    String lower = n.toLowerCase(Locale.ROOT);
    if (n.startsWith(".")) {
      return false;
    }
    SourceLocation at = new SourceLocation(f.toString(), 0, 0);
    boolean link = Files.isSymbolicLink(f);
    if (isResponseFile(f)) {
      if (Files.isRegularFile(f)) {
        return true;
      }
      if (link && !Files.exists(f)) {
        diagnostics.add(
            Diagnostic.error(at, "a link to a file that does not exist; not read as a response"));
      } else if (Files.isDirectory(f)) {
        diagnostics.add(
            Diagnostic.warning(
                at,
                (link ? "a link to a folder" : "a folder") + ", not a response file; not read"));
      } else {
        diagnostics.add(
            Diagnostic.error(
                at, "not a regular file (a pipe, socket or device); not read as a response"));
      }
      return false;
    }
    if (lower.endsWith(".txt") || lower.endsWith(".json") || lower.endsWith(".markdown")) {
      diagnostics.add(
          Diagnostic.warning(
              at, "not read: a response file is <model-id>.yaml, <model-id>.yml or <model-id>.md"));
    }
    return false;
  }

  static boolean isResponseFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".md"));
  }

  /** The model id a response file stands for: its name without the extension. */
  public static String modelId(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** Reads a file as strict UTF-8; a problem becomes a diagnostic and null. */
  static String readText(Path f, List<Diagnostic> diagnostics) {
    boolean transcript = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    long maxChars = transcript ? TranscriptSplitter.MAX_CHARS : YamlReader.MAX_CHARS;
    try {
      long size = Files.size(f);
      // A UTF-8 character takes at most 4 bytes, so a larger file holds too many characters.
      if (size > maxChars * 4L) {
        diagnostics.add(
            Diagnostic.error(
                new SourceLocation(f.toString(), 1, 1),
                "file is too large: "
                    + size
                    + " bytes, above the "
                    + maxChars
                    + " characters that hwgrade reads"));
        return null;
      }
      byte[] bytes = Files.readAllBytes(f);
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      CoderResult result = decoder.decode(in, out, true);
      if (!result.isError()) {
        result = decoder.flush(out);
      }
      if (result.isError()) {
        diagnostics.add(notUtf8(f.toString(), bytes, in.position()));
        return null;
      }
      String s = out.flip().toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(f.toString(), 0, 0), "cannot read: " + IoMessages.describe(e)));
      return null;
    }
  }

  /** The error for a byte that is not UTF-8, located by line, column and byte offset. */
  static Diagnostic notUtf8(String file, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // The column counts characters, so count the bytes that start one on this line.
    int col = 1;
    for (int i = lineStart; i < offset && i < bytes.length; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    String b =
        offset < bytes.length ? String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF) : "end";
    return Diagnostic.error(
        new SourceLocation(file, line, col),
        "byte "
            + b
            + " at byte offset "
            + offset
            + " is not UTF-8: the file is not UTF-8 (save it as UTF-8)");
  }
}
