package dev.hwgrade.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Reads a grader's case table: a YAML list of mappings under src/test/resources. */
public final class CaseTable {
  private CaseTable() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> read(String resource) {
    try (InputStream in = CaseTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no case table " + resource);
      }
      return new ObjectMapper(new YAMLFactory()).readValue(in, List.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
