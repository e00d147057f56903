package dev.hwgrade.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files forced to the disk in the background, and the journal that uses it. */
class DiskSyncTest {
  @TempDir Path tmp;

  @Test
  void aFileRemovedBeforeItsTurnIsSkippedAndCloseStopsTheThread() throws Exception {
    DiskSync sync = new DiskSync(Duration.ofHours(1));
    Path kept = tmp.resolve("a.json");
    Path gone = tmp.resolve("b.json");
    Files.writeString(kept, "{}");
    Files.writeString(gone, "{}");
    sync.written(kept);
    sync.written(gone);
    assertThat(sync.running()).isTrue();
    Files.delete(gone);
    sync.flush();
    sync.close();
    assertThat(sync.running()).isFalse();
    // written after close: no thread is started again, and a flush still forces it
    sync.written(kept);
    assertThat(sync.running()).isFalse();
    sync.flush();
  }

  @Test
  void theJournalReadsBackWhatItWroteAfterClose() throws Exception {
    Path dir = tmp.resolve("replies/m");
    try (Journal j = new Journal(dir)) {
      j.put(
          new Journal.Entry(
              "1.a",
              0,
              "k1",
              Journal.Status.ANSWERED,
              null,
              new ModelReply(
                  "Final answer: 5", new Usage(3, 4), 12, "stop", null, "{}", 1, false)));
      j.put(new Journal.Entry("1.b", 1, "k2", Journal.Status.FAILED, "HTTP 500", null));
    }
    Journal again = new Journal(dir);
    assertThat(again.get("1.a", 0).reply().text()).isEqualTo("Final answer: 5");
    assertThat(again.get("1.a", 0).reply().usage()).isEqualTo(new Usage(3, 4));
    assertThat(again.get("1.b", 1).status()).isEqualTo(Journal.Status.FAILED);
    assertThat(again.get("1.b", 1).reason()).isEqualTo("HTTP 500");
    // nothing half-written is left beside the entries
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
    }
    again.close();
  }
}
