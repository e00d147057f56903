package dev.hwgrade.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * langchain4j's HTTP client for hwgrade: the JDK's pooled HttpURLConnection, and every reply body
 * kept for the calling thread ({@link #lastBody()}) so that the raw reply is stored and a refusal,
 * an empty or a malformed reply is read from what the provider really sent. A status other than 2xx
 * is thrown as {@link StatusException} with the provider's body and its Retry-After.
 */
final class HttpTransport implements HttpClient {
  private static final Duration CONNECT = Duration.ofSeconds(30);
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final ThreadLocal<String> LAST_BODY = new ThreadLocal<>();

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

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    // HttpURLConnection sends a small request's headers and body in one write, and so avoids the
    // 40 ms stall of a body held back by Nagle's algorithm until the headers are acknowledged.
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
      c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, CONNECT.toMillis()));
      c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
      c.setRequestMethod(request.method().name());
      for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
        if (RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
          continue;
        }
        for (String v : h.getValue()) {
          c.addRequestProperty(h.getKey(), v);
        }
      }
      String body = request.body();
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream o = c.getOutputStream()) {
          o.write(bytes);
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = "";
      if (in != null) {
        try (InputStream i = in) {
          text = new String(i.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      LAST_BODY.set(text);
      if (status < 200 || status > 299) {
        throw new StatusException(status, text, c.getHeaderField("Retry-After"));
      }
      Map<String, List<String>> headers = new java.util.HashMap<>();
      c.getHeaderFields()
          .forEach(
              (k, v) -> {
                if (k != null) {
                  headers.put(k, v);
                }
              });
      return SuccessfulHttpResponse.builder()
          .statusCode(status)
          .headers(headers)
          .body(text)
          .build();
    } catch (SocketTimeoutException e) {
      throw new TransportException(new HttpTimeoutException("the request timed out"));
    } catch (IOException e) {
      if (c != null) {
        c.disconnect();
      }
      throw new TransportException(e);
    }
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
