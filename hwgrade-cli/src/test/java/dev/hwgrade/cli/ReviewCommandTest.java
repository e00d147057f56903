package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwgrade review} through the real entry point. */
class ReviewCommandTest {
  @TempDir Path tmp;

  private Path graded() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isZero();
    return dir;
  }

  @Test
  void aTakenPortIsAClearErrorWithExitCode2() throws IOException {
    Path dir = graded();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Cli.Run r = Cli.run("review", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(Main.USAGE);
      assertThat(r.err())
          .contains(
              "hwgrade: error: port " + taken.getLocalPort() + " is already in use on 127.0.0.1")
          .contains("--port");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void anInvalidFolderGivesTheLocatedErrorsOfValidate() {
    Path bad = Path.of("src/test/resources/bad/many-errors");
    Cli.Run validate = Cli.run("validate", bad.toString());
    Cli.Run review = Cli.run("review", bad.toString());
    assertThat(review.code()).isEqualTo(Main.USAGE);
    assertThat(review.err()).isEqualTo(validate.err()).contains("error:");
    assertThat(review.out()).isEmpty();
  }

  @Test
  void aPortOutOfRangeIsAUsageError() throws IOException {
    Cli.Run r = Cli.run("review", graded().toString(), "--port", "70000");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--port");
  }

  @Test
  @Timeout(60)
  void itPrintsTheAddressServesUntilInterruptedAndExitsCleanly() throws Exception {
    Path dir = graded();
    PipedLines out = new PipedLines();
    AtomicInteger code = new AtomicInteger(-1);
    Thread t =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new Env(
                            new ByteArrayInputStream(new byte[0]),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(OutputStream.nullOutputStream()),
                            Cli.CLOCK),
                        "review",
                        dir.toString(),
                        "--reviewer",
                        "alice")));
    t.start();
    String url = out.awaitMatch(Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)"));
    assertThat(out.text()).startsWith("Reviewing " + dir + " as alice at http://127.0.0.1:");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303); // sets the session's cookie
    HttpResponse<String> withCookie =
        http.send(
            HttpRequest.newBuilder(URI.create(url.replaceFirst("/\\?token=.*", "/")))
                .header(
                    "Cookie",
                    "hwgrade_review_"
                        + URI.create(url).getPort()
                        + "="
                        + url.substring(url.indexOf("token=") + 6))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withCookie.statusCode()).isEqualTo(200);
    assertThat(withCookie.body()).contains("A tiny assignment").contains("data-part=\"1.c\"");
    t.interrupt();
    t.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(t.isAlive()).isFalse();
    assertThat(code.get()).isEqualTo(Main.OK);
    assertThat(Files.exists(dir.resolve("reviews"))).isFalse();
  }

  /** Collects what a command prints, so a test can wait for a line. */
  private static final class PipedLines extends OutputStream {
    private final StringBuffer sb = new StringBuffer();

    @Override
    public synchronized void write(int b) {
      sb.append((char) b);
      notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      sb.append(new String(b, off, len, StandardCharsets.UTF_8));
      notifyAll();
    }

    String text() {
      return sb.toString();
    }

    synchronized String awaitMatch(Pattern p) throws InterruptedException {
      while (true) {
        Matcher m = p.matcher(sb);
        if (m.find()) {
          return m.group(1);
        }
        wait(100);
      }
    }
  }
}
