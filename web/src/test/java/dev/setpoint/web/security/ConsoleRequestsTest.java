package dev.setpoint.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which requests a session cookie may sign in: the console's own, by the browser's word. */
class ConsoleRequestsTest {

  @Test
  void fetchMetadataDecidesWhenTheBrowserSendsIt() {
    assertTrue(
        ConsoleRequests.consoleOriginated(
            request("GET", "/api/v1/whoami", "Sec-Fetch-Site", "same-origin")));
    for (String site : new String[] {"cross-site", "same-site", "none", ""}) {
      assertFalse(
          ConsoleRequests.consoleOriginated(
              request(
                  "GET",
                  "/api/v1/whoami",
                  "Sec-Fetch-Site",
                  site,
                  "Origin",
                  "http://localhost:9080")),
          site);
    }
  }

  @Test
  void withoutFetchMetadataAnOriginMustBeTheServersOwn() {
    assertTrue(ConsoleRequests.consoleOriginated(request("POST", "/api/v1/x")));
    assertTrue(
        ConsoleRequests.consoleOriginated(
            request("POST", "/api/v1/x", "Origin", "http://LOCALHOST:9080")));
    assertFalse(
        ConsoleRequests.consoleOriginated(
            request("POST", "/api/v1/x", "Origin", "http://localhost:9081")));
    assertFalse(
        ConsoleRequests.consoleOriginated(
            request("POST", "/api/v1/x", "Origin", "http://attacker.invalid")));
    assertFalse(ConsoleRequests.consoleOriginated(request("POST", "/api/v1/x", "Origin", "null")));
  }

  @Test
  void theCookieCountsOnApiRequestsOnlyAndNeverOnTheSignIn() {
    assertEquals(
        Optional.of("abc"),
        ConsoleRequests.sessionId(
            request("GET", "/api/v1/whoami", "Cookie", "setpoint_session=abc")));
    assertEquals(
        Optional.empty(),
        ConsoleRequests.sessionId(request("GET", "/console/", "Cookie", "setpoint_session=abc")));
    assertEquals(
        Optional.empty(),
        ConsoleRequests.sessionId(
            request("POST", "/api/v1/session", "Cookie", "setpoint_session=abc")));
    assertEquals(
        Optional.of("abc"),
        ConsoleRequests.sessionId(
            request("DELETE", "/api/v1/session", "Cookie", "setpoint_session=abc")));
    assertEquals(
        Optional.empty(),
        ConsoleRequests.sessionId(request("GET", "/api/v1/whoami", "Cookie", "other=abc")));
  }

  @Test
  void everyMethodButTheSafeOnesChangesState() {
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "PROPFIND"}) {
      assertTrue(ConsoleRequests.stateChanging(request(method, "/api/v1/x")), method);
    }
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertFalse(ConsoleRequests.stateChanging(request(method, "/api/v1/x")), method);
    }
  }

  /** A request to http://localhost:9080 with these headers (name, value, ...). */
  private static HttpServletRequest request(String method, String path, String... headers) {
    Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      named.put(headers[i], headers[i + 1]);
    }
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ConsoleRequestsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> path;
                  case "getContextPath" -> "";
                  case "getScheme" -> "http";
                  case "getServerName" -> "localhost";
                  case "getServerPort" -> 9080;
                  case "getHeader" -> named.get((String) args[0]);
                  case "getCookies" -> cookies(named.get("Cookie"));
                  case "getAttribute" -> null;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  private static Cookie[] cookies(String header) {
    if (header == null) {
      return null;
    }
    int eq = header.indexOf('=');
    return new Cookie[] {new Cookie(header.substring(0, eq), header.substring(eq + 1))};
  }
}
