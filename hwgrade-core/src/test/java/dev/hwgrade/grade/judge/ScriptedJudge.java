package dev.hwgrade.grade.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A judge model that answers from a script and keeps the requests it was sent. */
final class ScriptedJudge implements JudgeModel {
  private final String id;
  private final Function<JudgeRequest, String> script;
  final List<JudgeRequest> requests = new ArrayList<>();

  private ScriptedJudge(String id, Function<JudgeRequest, String> script) {
    this.id = id;
    this.script = script;
  }

  /** Replies with these texts in turn; a null entry stands for an unreachable model. */
  static ScriptedJudge replying(String id, String... replies) {
    int[] next = {0};
    return new ScriptedJudge(
        id,
        r -> {
          if (next[0] >= replies.length) {
            throw new IllegalStateException("the script has no reply left");
          }
          return replies[next[0]++];
        });
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized JudgeReply ask(JudgeRequest request) throws JudgeUnavailableException {
    requests.add(request);
    String text = script.apply(request);
    if (text == null) {
      throw new JudgeUnavailableException("connection refused");
    }
    return new JudgeReply(text, 1200, 80, Duration.ofMillis(350), 0.00042);
  }

  /** A reply giving these decisions and quotes to p1, p2, …: "made|quote", "missed". */
  static String reply(String... points) {
    StringBuilder sb = new StringBuilder("{\"points\": [");
    for (int i = 0; i < points.length; i++) {
      String[] dq = points[i].split("\\|", 2);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append("{\"id\": \"p")
          .append(i + 1)
          .append("\", \"decision\": \"")
          .append(dq[0])
          .append("\", \"quote\": \"")
          .append(dq.length > 1 ? dq[1].replace("\"", "\\\"") : "")
          .append("\"}");
    }
    return sb.append("]}").toString();
  }
}
