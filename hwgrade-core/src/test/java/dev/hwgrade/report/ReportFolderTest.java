package dev.hwgrade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {
  @TempDir Path dir;

  private static Map<String, String> files(String tag) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("report.md", "report " + tag);
    m.put("results.json", "{\"run\":\"" + tag + "\"}");
    return m;
  }

  @Test
  void aSecondRunCannotTakeTheFolderWhileTheFirstHoldsIt() throws Exception {
    try (ReportFolder first = ReportFolder.open(dir)) {
      assertThatThrownBy(() -> ReportFolder.open(dir))
          .isInstanceOf(ReportFolder.ReportFolderException.class)
          .hasMessageContaining("another hwgrade run is writing");
      first.writeModel("m", files("1"));
    }
    try (ReportFolder again = ReportFolder.open(dir)) {
      again.writeModel("m", files("2"));
    }
    assertThat(Files.readString(dir.resolve("reports/m/report.md"))).isEqualTo("report 2");
  }

  @Test
  void anAssignmentFolderNamedWithDotsIsTheFolderItself() throws Exception {
    // `hwgrade grade .` names the folder as "."; `grade sub/..` with a step back
    Files.createDirectories(dir.resolve("sub"));
    for (Path named : new Path[] {dir.resolve("."), dir.resolve("sub/..")}) {
      try (ReportFolder f = ReportFolder.open(named)) {
        f.writeModel("m", files(named.getFileName().toString()));
      }
      assertThat(Files.readString(dir.resolve("reports/m/report.md")))
          .isEqualTo("report " + named.getFileName());
    }
  }

  @Test
  void aModelsFilesAreReplacedAsOneSet() throws Exception {
    try (ReportFolder f = ReportFolder.open(dir)) {
      f.writeModel("m", files("1"));
      Files.writeString(dir.resolve("reports/m/stale.csv"), "old");
      f.writeModel("m", files("2"));
    }
    try (var s = Files.list(dir.resolve("reports/m"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.md", "results.json");
    }
    assertThat(Files.readString(dir.resolve("reports/m/results.json"))).contains("\"2\"");
  }

  @Test
  void whatAKilledRunLeftIsCleanedOrRestored() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    // Killed after writing a fresh set: the fresh set is dropped.
    Files.createDirectories(reports.resolve(".new-a-1234abcd"));
    Files.writeString(reports.resolve(".new-a-1234abcd/report.md"), "half");
    // Killed between moving the old set away and the new one in: the old set comes back.
    Files.createDirectories(reports.resolve(".old-b-1234abcd"));
    Files.writeString(reports.resolve(".old-b-1234abcd/report.md"), "last complete");
    // Temporary files of atomic writes.
    Files.createDirectories(reports.resolve("c"));
    Files.writeString(reports.resolve("c/.results.json.99.tmp"), "x");
    Files.writeString(reports.resolve(".comparison.md.99.tmp"), "x");
    try (ReportFolder f = ReportFolder.open(dir)) {
      assertThat(f.path()).isEqualTo(reports.toAbsolutePath());
    }
    try (var s = Files.list(reports)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".hwgrade.lock", "b", "c");
    }
    assertThat(Files.readString(reports.resolve("b/report.md"))).isEqualTo("last complete");
    assertThat(reports.resolve("c/.results.json.99.tmp")).doesNotExist();
  }

  @Test
  void nothingIsWrittenThroughALinkOutOfTheFolder(@TempDir Path elsewhere) throws Exception {
    Files.createSymbolicLink(dir.resolve("reports"), elsewhere);
    assertThatThrownBy(() -> ReportFolder.open(dir))
        .hasMessageContaining("outside the assignment folder");
  }

  @Test
  void aModelFolderThatIsALinkOrAFileIsRefused(@TempDir Path elsewhere) throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.createSymbolicLink(reports.resolve("linked"), elsewhere);
    Files.writeString(reports.resolve("plain"), "a user's file");
    try (ReportFolder f = ReportFolder.open(dir)) {
      assertThatThrownBy(() -> f.writeModel("linked", files("1")))
          .hasMessageContaining("symbolic link");
      assertThatThrownBy(() -> f.writeModel("plain", files("1"))).hasMessageContaining("is a file");
      assertThatThrownBy(() -> f.writeModel("comparison.md", files("1")))
          .hasMessageContaining("reserved");
      f.writeModel("fine", files("1"));
    }
    try (var s = Files.list(elsewhere)) {
      assertThat(s).isEmpty();
    }
    assertThat(Files.readString(reports.resolve("plain"))).isEqualTo("a user's file");
    assertThat(reports.resolve("fine/report.md")).exists();
  }

  @Test
  void filesHonourTheUmaskLikeAnyNewFile() throws Exception {
    Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
    try (ReportFolder f = ReportFolder.open(dir)) {
      f.writeModel("m", files("1"));
      f.writeFile("comparison.md", "c");
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("reports/m/report.md")))
        .isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(dir.resolve("reports/comparison.md")))
        .isEqualTo(expected);
  }

  @Test
  void aModelsSetMayHoldFilesInASubfolderButNothingOutsideItsFolder() throws Exception {
    try (ReportFolder f = ReportFolder.open(dir)) {
      Map<String, String> m = files("1");
      m.put("judge/2.a.json", "{}");
      f.writeModel("m", m);
      Map<String, String> escaping = files("2");
      escaping.put("../other/x.json", "{}");
      assertThatThrownBy(() -> f.writeModel("m", escaping))
          .isInstanceOf(ReportFolder.ReportFolderException.class)
          .hasMessageContaining("leads out of the model's folder");
    }
    assertThat(dir.resolve("reports/m/judge/2.a.json")).hasContent("{}");
    assertThat(dir.resolve("reports/m/report.md")).hasContent("report 1");
    assertThat(dir.resolve("reports/other")).doesNotExist();
  }
}
