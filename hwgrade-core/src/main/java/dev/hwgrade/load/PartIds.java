package dev.hwgrade.load;

import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Part;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a part id named by a response exists, and says what would be right if not. */
final class PartIds {
  private final Set<String> ids;
  private final List<String> ordered;

  PartIds(Assignment assignment) {
    this.ordered = assignment.parts().stream().map(Part::id).toList();
    this.ids = Set.copyOf(ordered);
  }

  /** Null when the id names a gradable part; otherwise what is wrong with it. */
  String problemWith(String rawId) {
    String id = rawId.strip();
    if (ids.contains(id)) {
      return null;
    }
    List<String> children = ordered.stream().filter(p -> p.startsWith(id + ".")).toList();
    if (!children.isEmpty()) {
      return "part "
          + id
          + " has sub-parts; answer them one by one: "
          + String.join(", ", children);
    }
    return "a response for a part that does not exist: '"
        + id
        + "'; the assignment's parts are "
        + summary();
  }

  private String summary() {
    if (ordered.size() <= 12) {
      return String.join(", ", ordered);
    }
    return ordered.stream().limit(10).collect(Collectors.joining(", "))
        + ", … ("
        + ordered.size()
        + " in all)";
  }
}
