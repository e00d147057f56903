package dev.hwgrade.load;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Response;
import dev.hwgrade.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
    Assignment assignment =
        text == null ? null : AssignmentReader.read(file.toString(), text, diagnostics);
    List<Response> responses = new ArrayList<>();
    if (assignment != null) {
      responses = loadResponses(dir, assignment, models, diagnostics);
    }
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty() || assignment == null) {
      throw new InputException(diagnostics);
    }
    List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
    return new LoadedAssignment(dir, assignment, responses, warnings);
  }

  private static List<Response> loadResponses(
      Path dir, Assignment assignment, Collection<String> models, List<Diagnostic> diagnostics) {
    Path rdir = dir.resolve("responses");
    List<Response> out = new ArrayList<>();
    if (!Files.isDirectory(rdir)) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(rdir.toString(), 0, 0),
              "missing: put one response file per model here (<model-id>.yaml or <model-id>.md)"));
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(rdir)) {
      files =
          s.filter(Files::isRegularFile).filter(AssignmentLoader::isResponseFile).sorted().toList();
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
              : ResponseReader.read(f.toString(), modelId, text, assignment, diagnostics);
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
    try {
      if (Files.size(f) > YamlReader.MAX_CHARS * 2L) {
        diagnostics.add(
            Diagnostic.error(new SourceLocation(f.toString(), 0, 0), "file is too large to read"));
        return null;
      }
      byte[] bytes = Files.readAllBytes(f);
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      diagnostics.add(Diagnostic.error(new SourceLocation(f.toString(), 0, 0), "not UTF-8 text"));
      return null;
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(f.toString(), 0, 0), "cannot read: " + e.getMessage()));
      return null;
    }
  }
}
