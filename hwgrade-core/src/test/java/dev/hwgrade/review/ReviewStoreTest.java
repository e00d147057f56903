package dev.hwgrade.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reviews/<model-id>.yaml written atomically, its history kept, and no update ever lost. */
class ReviewStoreTest {
  @TempDir Path dir;

  private static Review review(String who, Verdict v) {
    return new Review(
        v,
        Review.defaultScore(v),
        who,
        Instant.parse("2026-01-15T09:30:00Z"),
        "",
        new Review.Overrides(Verdict.NEEDS_REVIEW, "a", "k"));
  }

  @Test
  void noFileMeansNoReview() throws Exception {
    ReviewStore.Snapshot s = ReviewStore.of(dir).read("model-a");
    assertThat(s.file().history()).isEmpty();
    assertThat(s.version()).isEmpty();
  }

  @Test
  void aReReviewAppendsAndTheLatestIsInForce() throws Exception {
    ReviewStore store = ReviewStore.of(dir);
    store.append("model-a", "1.a", review("alice", Verdict.INCORRECT));
    store.append("model-a", "1.a", review("bob", Verdict.CORRECT));
    ReviewFile f = store.read("model-a").file();
    assertThat(f.history().get("1.a")).extracting(Review::reviewer).containsExactly("alice", "bob");
    assertThat(f.latest("1.a").orElseThrow().verdict()).isEqualTo(Verdict.CORRECT);
    try (Stream<Path> left = Files.list(dir.resolve("reviews"))) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }

  @Test
  void twoWritersOnTwoThreadsLoseNoUpdate() throws Exception {
    ReviewStore store = ReviewStore.of(dir);
    int each = 15;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String who : new String[] {"alice", "bob"}) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    // Each writer through its own store, as two front ends would be.
                    ReviewStore.of(dir)
                        .append("model-a", who + "." + i, review(who, Verdict.CORRECT));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.read("model-a").file().history()).hasSize(2 * each);
  }

  @Test
  void aWriterWhoReadAnOlderVersionIsRefusedAndNothingIsWritten() throws Exception {
    ReviewStore store = ReviewStore.of(dir);
    store.append("model-a", "1.a", review("alice", Verdict.INCORRECT));
    String seen = store.read("model-a").version();
    store.append("model-a", "1.b", review("carol", Verdict.CORRECT));
    String before = Files.readString(store.file("model-a"));
    assertThatThrownBy(() -> store.append("model-a", "1.a", review("bob", Verdict.CORRECT), seen))
        .isInstanceOf(ReviewStore.ConcurrentChangeException.class)
        .hasMessageContaining("changed since it was read");
    assertThat(Files.readString(store.file("model-a"))).isEqualTo(before);
    String now = store.read("model-a").version();
    store.append("model-a", "1.a", review("bob", Verdict.CORRECT), now);
    assertThat(store.read("model-a").file().history().get("1.a")).hasSize(2);
  }

  @Test
  void aMalformedFileIsNotOverwritten() throws Exception {
    ReviewStore store = ReviewStore.of(dir);
    Files.createDirectories(dir.resolve("reviews"));
    Files.writeString(store.file("model-a"), "model: model-a\nparts: {\"1.a\": oops}\n");
    assertThatThrownBy(() -> store.append("model-a", "1.a", review("bob", Verdict.CORRECT)))
        .isInstanceOf(InputException.class);
    assertThat(Files.readString(store.file("model-a"))).contains("oops");
  }
}
