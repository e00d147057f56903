package dev.hwgrade.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An assignment: its problems, and every gradable part in order. */
public record Assignment(String id, String title, List<Problem> problems) {
  public Assignment {
    problems = List.copyOf(problems);
  }

  /** Every gradable part, in the order of the file. */
  public List<Part> parts() {
    return problems.stream().flatMap(p -> p.parts().stream()).toList();
  }

  public Optional<Part> part(String id) {
    return parts().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Parts by id, in order. */
  public Map<String, Part> partsById() {
    Map<String, Part> map = new LinkedHashMap<>();
    for (Part p : parts()) {
      map.put(p.id(), p);
    }
    return map;
  }
}
