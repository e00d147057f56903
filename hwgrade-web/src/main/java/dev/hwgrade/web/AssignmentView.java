package dev.hwgrade.web;

import dev.hwgrade.load.AssignmentLoader;
import dev.hwgrade.load.InputException;
import dev.hwgrade.load.LoadedAssignment;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The assignment's questions, keys and the models' answers, for the part pages. Loaded once, and
 * again only when {@code assignment.yaml} or a response file changes; if the changed files no
 * longer load, the last good version stays and the problems are shown.
 */
final class AssignmentView {
  private final Path dir;
  private final List<String> models;
  private LoadedAssignment loaded;
  private String signature;
  private List<String> problems = List.of();

  private AssignmentView(Path dir, List<String> models, LoadedAssignment loaded, String signature) {
    this.dir = dir;
    this.models = List.copyOf(models);
    this.loaded = loaded;
    this.signature = signature;
  }

  /**
   * Loads the folder.
   *
   * @throws InputException with every located problem, as {@code validate} reports them
   */
  static AssignmentView load(Path dir, List<String> models) throws InputException {
    String sig = signature(dir);
    return new AssignmentView(dir, models, AssignmentLoader.load(dir, models), sig);
  }

  /** The assignment as loaded now, reloaded first when its files changed. */
  synchronized LoadedAssignment current() {
    String sig = signature(dir);
    if (!sig.equals(signature)) {
      signature = sig;
      try {
        loaded = AssignmentLoader.load(dir, models);
        problems = List.of();
      } catch (InputException e) {
        problems = e.diagnostics().stream().map(Object::toString).toList();
      }
    }
    return loaded;
  }

  /** The problems of the files as they are now, when they no longer load; else empty. */
  synchronized List<String> problems() {
    return problems;
  }

  /** The models of the folder (or those asked for), in name order. */
  List<String> modelIds() {
    return current().responses().stream().map(Response::modelId).sorted().toList();
  }

  Optional<Part> part(String partId) {
    return current().assignment().parts().stream().filter(p -> p.id().equals(partId)).findFirst();
  }

  Optional<Answer> answer(String modelId, String partId) {
    return current().responses().stream()
        .filter(r -> r.modelId().equals(modelId))
        .findFirst()
        .map(r -> r.answers().get(partId));
  }

  String title() {
    LoadedAssignment l = current();
    String t = l.assignment().title();
    return t == null || t.isBlank() ? l.assignment().id() : t;
  }

  /** The names, sizes and times of the files that make the assignment: what a change shows in. */
  private static String signature(Path dir) {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve("assignment.yaml"));
    Path responses = dir.resolve("responses");
    if (Files.isDirectory(responses)) {
      try (Stream<Path> s = Files.list(responses)) {
        s.sorted().forEach(files::add);
      } catch (IOException e) {
        files.add(responses);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      sb.append(f.getFileName()).append('|');
      try {
        sb.append(Files.size(f)).append('|').append(Files.getLastModifiedTime(f).toMillis());
      } catch (IOException e) {
        sb.append('-');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
