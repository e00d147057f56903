package dev.hwgrade.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reply cache's key does not change between versions: a cache filled earlier still answers. */
class ReplyCacheKeyTest {
  @Test
  void theKeyOfAFixedRequestIsTheOneEarlierVersionsComputed() {
    ModelSpec spec =
        new ModelSpec(
            "m",
            Provider.OPENAI_COMPATIBLE,
            "fake-7b",
            "http://127.0.0.1:1/v1",
            null,
            0.7,
            512,
            null,
            7,
            null,
            null,
            4,
            Duration.ofSeconds(30));
    ModelRequest r =
        new ModelRequest(
            List.of(
                Turn.system("Solve — carefully"),
                Turn.user("Part 1(a):\nHow fast? \"quoted\" é"),
                Turn.assistant("Final answer: 5 m/s"),
                Turn.user("Part 1(b):\nAnd now?")),
            2);
    // computed by hwgrade 0.1.0 before the key was streamed into the digest
    assertThat(ReplyCache.key(spec, r))
        .isEqualTo("d15090160b901edb379096466662297cea17524af4c58cfb38e813725d5f5763");
  }
}
