package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/search}: across every application the caller may see, applications by slug and
 * name, settings by key and value, secrets by key name only; nothing of a hidden application, and
 * no secret value ever matched.
 */
class SearchIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsUp() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  /** Every hit for {@code q}, following the cursor with pages of {@code limit}. */
  private static List<JsonObject> search(SetpointClient caller, String q, int limit) {
    List<JsonObject> hits = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          caller.get(
              "/api/v1/search?q="
                  + URLEncoder.encode(q, StandardCharsets.UTF_8)
                  + "&limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page::toString);
      hits.addAll(page.items().getValuesAs(JsonObject.class));
      cursor = page.json().getString("nextCursor", null);
    } while (cursor != null);
    return hits;
  }

  private static String describe(JsonObject hit) {
    return hit.getString("kind")
        + " "
        + hit.getString("application")
        + " "
        + hit.getString("key", "-")
        + " "
        + hit.getString("environment", "-")
        + " "
        + hit.getString("matched");
  }

  @Test
  void aViewerOfOneApplicationFindsOnlyItsKeysValuesAndSecretKeyNames() {
    String token = "zq" + UUID.randomUUID().toString().substring(0, 8);
    String mine = admin.newApplication("srch-" + token);
    String hidden = admin.newApplication("srch-" + token);
    for (String app : List.of(mine, hidden)) {
      assertEquals(2, admin.define(app, token + ".url", "string", "\"plain\"").status() / 100);
      assertEquals(
          2, admin.define(app, "greeting", "string", "\"hello " + token + "\"").status() / 100);
      Reply overridden = admin.override(app, "staging", "greeting", "\"staged " + token + "\"");
      assertEquals(2, overridden.status() / 100, overridden::toString);
      admin.writeSecret(app, "staging", "DB_" + token.toUpperCase(), "canary-" + UUID.randomUUID());
      // a secret whose value holds the text: never found by it
      admin.writeSecret(app, "staging", "API_KEY", "value-with-" + token);
    }
    SetpointClient viewer = admin.newPerson("srch-viewer", "viewer", mine);

    List<JsonObject> hits = search(viewer, token.toUpperCase(), 2);
    List<String> found = hits.stream().map(SearchIT::describe).toList();
    assertEquals(
        List.of(
            "application " + mine + " - - slug",
            "setting " + mine + " greeting - value",
            "setting " + mine + " greeting staging value",
            "setting " + mine + " " + token + ".url - key",
            "secret " + mine + " DB_" + token.toUpperCase() + " staging key"),
        found,
        "case-insensitive, ordered, in pages of two; nothing of " + hidden);
    JsonObject staged = hits.get(2);
    assertEquals("staged " + token, staged.getString("value"));
    assertEquals("string", staged.getString("type"));
    assertFalse(hits.get(4).containsKey("value"), "a secret hit carries no value");

    List<String> everything = search(admin, token, 500).stream().map(SearchIT::describe).toList();
    assertEquals(10, everything.size(), everything::toString);
    assertTrue(everything.stream().anyMatch(h -> h.contains(hidden)), "an admin sees both");
    assertTrue(
        everything.stream().noneMatch(h -> h.contains("API_KEY")),
        "secret values are never searched: " + everything);
  }

  @Test
  void aHiddenApplicationGivesNothingAwayNotEvenToAnExactSlug() {
    String hidden = admin.newApplication("srch-hidden");
    String other = admin.newApplication("srch-other");
    SetpointClient viewer = admin.newPerson("srch-nosy", "viewer", other);
    Reply page = viewer.get("/api/v1/search?q=" + hidden);
    assertEquals(200, page.status(), page::toString);
    assertEquals(0, page.items().size(), page::toString);
    assertFalse(page.json().containsKey("nextCursor"));
    // wildcards are text, not patterns
    assertEquals(0, search(viewer, "%_", 500).size());
  }

  @Test
  void searchesAreRefusedWithoutAPersonOrAFittingText() {
    assertProblem(admin.anonymous().get("/api/v1/search?q=abc"), 401, "unauthenticated");
    String app = admin.newApplication("srch-token");
    SetpointClient token = admin.withToken(admin.issueToken(app, "staging"));
    assertProblem(token.get("/api/v1/search?q=abc"), 403, "forbidden");
    assertFieldErrors(admin.get("/api/v1/search"), "q");
    assertFieldErrors(admin.get("/api/v1/search?q=a"), "q");
    assertFieldErrors(admin.get("/api/v1/search?q=" + "a".repeat(129)), "q");
    assertFieldErrors(admin.get("/api/v1/search?q=abc&limit=0"), "limit");
    assertFieldErrors(admin.get("/api/v1/search?q=abc&cursor=nope"), "cursor");
  }
}
