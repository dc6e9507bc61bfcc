package dev.setpoint.it.support;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A console session as a browser holds it: the {@code setpoint_session} cookie and the CSRF token,
 * sent as the console's own scripts send them (same origin, token on every state-changing request).
 */
public final class BrowserSession {

  private final SetpointClient server;
  private final String cookie;
  private final String csrfToken;
  private final Reply signIn;

  private BrowserSession(SetpointClient server, String cookie, String csrfToken, Reply signIn) {
    this.server = server;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
    this.signIn = signIn;
  }

  /** Signs in on {@code server} with a password; fails the test unless a session starts. */
  public static BrowserSession signIn(SetpointClient server, String username, String password) {
    Reply reply = server.anonymous().post("/api/v1/session", body(username, password), SAME_SITE);
    if (reply.status() != 201) {
      throw new AssertionError("signing in as " + username + " failed: " + reply);
    }
    String setCookie = reply.header("Set-Cookie");
    String value = setCookie.substring(0, setCookie.indexOf(';'));
    return new BrowserSession(server, value, reply.json().getString("csrfToken"), reply);
  }

  /**
   * The session a browser holds as {@code setpoint_session=<id>} (from a sign-in through the
   * identity provider), with its CSRF token read as the console reads it; fails the test unless the
   * session lives.
   */
  public static BrowserSession ofCookie(SetpointClient server, String cookie) {
    Reply current =
        server.anonymous().get("/api/v1/session", "Cookie", cookie, SAME_SITE[0], SAME_SITE[1]);
    if (current.status() != 200) {
      throw new AssertionError(
          "the session " + cookie.substring(0, 17) + "… is not live: " + current);
    }
    return new BrowserSession(server, cookie, current.json().getString("csrfToken"), current);
  }

  /** The JSON body of a sign-in. */
  public static String body(String username, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .build()
        .toString();
  }

  private static final String[] SAME_SITE = {"Sec-Fetch-Site", "same-origin"};

  /** The same session presented to another server (on the same database). */
  public BrowserSession on(SetpointClient other) {
    return new BrowserSession(other, cookie, csrfToken, signIn);
  }

  /** The sign-in's answer. */
  public Reply signInReply() {
    return signIn;
  }

  /** {@code setpoint_session=<id>}, as the browser sends it back. */
  public String cookie() {
    return cookie;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  /** As the console sends it: same origin, with the CSRF token when the method changes state. */
  public Reply send(String method, String path, String json) {
    List<String> headers = new ArrayList<>(List.of(SAME_SITE));
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.add("X-CSRF-Token");
      headers.add(csrfToken);
    }
    return raw(method, path, json, json == null ? null : "application/json", headers);
  }

  /** Exactly these headers besides the cookie (no Sec-Fetch-Site, no token unless named). */
  public Reply raw(
      String method, String path, String body, String contentType, List<String> headers) {
    List<String> all = new ArrayList<>(headers);
    all.add("Cookie");
    all.add(cookie);
    return server.anonymous().send(method, path, body, contentType, all.toArray(String[]::new));
  }
}
