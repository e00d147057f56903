package dev.hwgrade.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * langchain4j's HTTP client for hwgrade: one shared JDK client, and every reply body kept for the
 * calling thread ({@link #lastBody()}) so that the raw reply is stored and a refusal, an empty or a
 * malformed reply is read from what the provider really sent. A status other than 2xx is thrown as
 * {@link StatusException} with the provider's body and its Retry-After.
 */
final class HttpTransport implements HttpClient {
  private static final java.net.http.HttpClient JDK =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final ThreadLocal<String> LAST_BODY = new ThreadLocal<>();
  private static final ThreadLocal<long[]> SENDING = ThreadLocal.withInitial(() -> new long[1]);

  private final Duration timeout;

  HttpTransport(Duration timeout) {
    this.timeout = timeout;
  }

  /** The body of the last reply this thread received, or null; cleared by {@link #reset()}. */
  static String lastBody() {
    return LAST_BODY.get();
  }

  static void reset() {
    LAST_BODY.remove();
  }

  /**
   * Nanoseconds this thread has spent so far in the JDK client's {@code send}: from the request
   * handed to the client to the whole reply body read. What a caller spends around it is its own.
   */
  static long threadSendNanos() {
    return SENDING.get()[0];
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        b.header(h.getKey(), v);
      }
    }
    String body = request.body();
    b.method(
        request.method().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> r;
    java.net.http.HttpRequest built = b.build();
    long t0 = System.nanoTime();
    try {
      r = JDK.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TransportException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(new IOException("interrupted", e));
    } finally {
      SENDING.get()[0] += System.nanoTime() - t0;
    }
    LAST_BODY.set(r.body());
    if (r.statusCode() < 200 || r.statusCode() > 299) {
      throw new StatusException(
          r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(r.statusCode())
        .headers(r.headers().map())
        .body(r.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("hwgrade does not stream replies");
  }

  /** A reply with a status other than 2xx. */
  static final class StatusException extends HttpException {
    private static final long serialVersionUID = 1L;
    private final String retryAfter;
    private final String body;

    StatusException(int status, String body, String retryAfter) {
      super(status, body);
      this.body = body;
      this.retryAfter = retryAfter;
    }

    String retryAfter() {
      return retryAfter;
    }

    String body() {
      return body;
    }
  }

  /** No reply at all: a timeout, a refused or reset connection. */
  static final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransportException(IOException cause) {
      super(cause);
    }
  }

  /** Builds this transport for langchain4j's model builders. */
  static final class Builder implements HttpClientBuilder {
    private Duration connect = Duration.ofSeconds(30);
    private Duration read;

    Builder(Duration timeout) {
      this.read = timeout;
    }

    @Override
    public Duration connectTimeout() {
      return connect;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration d) {
      if (d != null) {
        connect = d;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return read;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration d) {
      if (d != null) {
        read = d;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new HttpTransport(read);
    }
  }
}
