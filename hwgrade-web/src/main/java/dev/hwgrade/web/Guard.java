package dev.hwgrade.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * What keeps the app to the person who started it. The server listens on 127.0.0.1 only; every
 * request must name that address (or localhost) with the app's port in its Host header, which
 * defeats DNS rebinding; pages need the session's token, given once in the printed URL and then
 * kept in a same-site cookie; and every write must carry the token itself (a form field or the
 * {@value #HEADER} header) and come from the app's own origin, so another site cannot write.
 */
final class Guard {
  static final String HEADER = "X-Hwgrade-Token";
  static final String FIELD = "token";

  private final String token;
  private volatile int port = -1;

  Guard(String token) {
    this.token = token;
  }

  /** A fresh, unguessable session token (256 random bits, URL-safe). */
  static String newToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String token() {
    return token;
  }

  void port(int p) {
    this.port = p;
  }

  /** The cookie is per port: cookies on 127.0.0.1 are shared by every port of it. */
  String cookieName() {
    return "hwgrade_review_" + port;
  }

  /**
   * Checks one request; throws a {@link Refusal} when it may not go on. A page asked with the
   * session's token in its address is redirected to itself without it.
   */
  void check(Context ctx) {
    checkHost(ctx.header("Host"));
    String path = ctx.path();
    if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
      return; // the app's own scripts and MathJax: nothing of the assignment's
    }
    if (ctx.method() == HandlerType.POST) {
      checkOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
      String given = ctx.header(HEADER);
      if (given == null) {
        given = ctx.formParam(FIELD);
      }
      if (!same(given)) {
        throw new Refusal(
            403,
            "This change was refused: it did not carry this review session's token. "
                + "Settle parts from the pages of this session (open the URL hwgrade review printed).");
      }
      return;
    }
    String inUrl = ctx.queryParam(FIELD);
    if (inUrl != null && same(inUrl)) {
      ctx.header(
          "Set-Cookie",
          cookieName() + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400");
      String rest = withoutToken(ctx.queryString());
      // The token leaves the address bar (and the history) once the cookie holds it.
      ctx.redirect(path + (rest.isEmpty() ? "" : "?" + rest), io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    if (!same(ctx.cookie(cookieName()))) {
      throw new Refusal(
          403,
          "This review session needs its token: open the URL that hwgrade review printed "
              + "(it ends in ?token=…).");
    }
  }

  void checkHost(String host) {
    int p = port;
    if (host == null || p < 0 || !Set.of("127.0.0.1:" + p, "localhost:" + p).contains(host)) {
      throw new Refusal(
          403, "Refused: this app answers only requests addressed to 127.0.0.1:" + p + ".");
    }
  }

  void checkOrigin(String origin, String fetchSite) {
    int p = port;
    if (origin != null
        && !origin.equals("http://127.0.0.1:" + p)
        && !origin.equals("http://localhost:" + p)) {
      throw new Refusal(403, "Refused: a change sent from another site (" + origin + ").");
    }
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      throw new Refusal(403, "Refused: a change sent from another site (" + fetchSite + ").");
    }
  }

  private boolean same(String given) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private static String withoutToken(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String kv : query.split("&")) {
      if (kv.equals(FIELD) || kv.startsWith(FIELD + "=")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(kv);
    }
    return sb.toString();
  }
}
