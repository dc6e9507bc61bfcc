package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.SetpointClient.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApplicationsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void createRegistersTheApplicationWithItsStandardEnvironments() {
    String slug = SetpointClient.uniqueSlug("billing");
    Reply created = client.createApplication(slug, "Billing");

    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Location").endsWith("/api/v1/applications/" + slug));
    assertEquals("\"0\"", created.etag());
    JsonObject body = created.json();
    assertEquals(slug, body.getString("slug"));
    assertEquals("Billing", body.getString("name"));
    assertEquals("team-it", body.getString("owner"));

    Reply environments = client.get(app(slug) + "/environments");
    assertEquals(200, environments.status());
    List<String> slugs = new ArrayList<>();
    environments.items().getValuesAs(JsonObject.class).forEach(e -> slugs.add(e.getString("slug")));
    assertEquals(List.of("dev", "production", "staging"), slugs);
    JsonObject production = client.get(app(slug) + "/environments/production").json();
    assertTrue(production.getBoolean("production"));
    assertFalse(client.get(app(slug) + "/environments/staging").json().getBoolean("production"));
  }

  @Test
  void creatingAnExistingSlugIsAConflictAndChangesNothing() {
    String slug = client.newApplication("dup");
    Reply again = client.createApplication(slug, "Someone else");
    assertProblem(again, 409, "conflict");
    assertEquals("Application " + slug, client.get(app(slug)).json().getString("name"));
  }

  @Test
  void invalidFieldsAreNamedWithTheirRule() {
    Reply reply = client.post("/api/v1/applications", "{\"slug\":\"Not_A_Slug\",\"name\":\"\"}");
    JsonObject problem = assertFieldErrors(reply, "name", "slug");
    assertTrue(problem.toString().contains("^[a-z][a-z0-9-]{1,62}$"));

    assertFieldErrors(client.post("/api/v1/applications", "{\"name\":\"No slug\"}"), "slug");
    assertFieldErrors(
        client.post("/api/v1/applications", "{\"slug\":\"x\",\"name\":\"One letter\"}"), "slug");
    String longName = "n".repeat(201);
    assertFieldErrors(
        client.post(
            "/api/v1/applications",
            "{\"slug\":\""
                + SetpointClient.uniqueSlug("long")
                + "\",\"name\":\""
                + longName
                + "\"}"),
        "name");
  }

  @Test
  void readingAnUnknownApplicationIsNotFound() {
    assertProblem(client.get(app(SetpointClient.uniqueSlug("ghost"))), 404, "not-found");
  }

  @Test
  void updateHonoursIfMatchAndBumpsTheVersion() {
    String slug = client.newApplication("upd");
    String etag = client.get(app(slug)).etag();

    Reply updated =
        client.put(app(slug), "{\"name\":\"Renamed\",\"description\":\"Pays\"}", "If-Match", etag);
    assertEquals(200, updated.status(), updated::toString);
    assertEquals("Renamed", updated.json().getString("name"));
    assertNotEquals(etag, updated.etag());

    Reply stale = client.put(app(slug), "{\"name\":\"Lost update\"}", "If-Match", etag);
    assertProblem(stale, 412, "precondition-failed");
    Reply weak = client.put(app(slug), "{\"name\":\"Weak\"}", "If-Match", "W/" + updated.etag());
    assertProblem(weak, 412, "precondition-failed");
    assertEquals("Renamed", client.get(app(slug)).json().getString("name"));

    Reply wildcard = client.put(app(slug), "{\"name\":\"Any\"}", "If-Match", "*");
    assertEquals(200, wildcard.status());
  }

  @Test
  void getWithMatchingIfNoneMatchIsNotModified() {
    String slug = client.newApplication("cond");
    String etag = client.get(app(slug)).etag();
    Reply reply = client.get(app(slug), "If-None-Match", etag);
    assertEquals(304, reply.status());
    assertTrue(reply.body().isEmpty());
  }

  @Test
  void slugsCannotBeRenamed() {
    String slug = client.newApplication("fixed");
    Reply reply = client.put(app(slug), "{\"slug\":\"another-slug\",\"name\":\"X\"}");
    assertFieldErrors(reply, "slug");
    assertEquals(200, client.put(app(slug), "{\"slug\":\"" + slug + "\",\"name\":\"X\"}").status());
  }

  @Test
  void deleteRemovesTheApplicationWithItsEnvironmentsAndSettings() {
    String slug = client.newApplication("gone");
    assertEquals(201, client.define(slug, "PORT", "integer", "8080").status());
    assertEquals(201, client.override(slug, "production", "PORT", "443").status());

    assertProblem(client.delete(app(slug), "If-Match", "\"99\""), 412, "precondition-failed");
    assertEquals(200, client.get(SetpointClient.setting(slug, "PORT")).status());

    Reply deleted = client.delete(app(slug), "If-Match", client.get(app(slug)).etag());
    assertEquals(204, deleted.status());
    assertProblem(client.get(app(slug)), 404, "not-found");
    assertProblem(client.get(app(slug) + "/environments/dev"), 404, "not-found");

    // the slug is free again, and nothing of the old settings comes back with it
    assertEquals(201, client.createApplication(slug, "Again").status());
    assertEquals(0, client.get(app(slug) + "/settings").items().size());
  }

  @Test
  void listPagesWithLimitAndCursor() {
    String prefix = "pg" + SetpointClient.uniqueSlug("p").substring(2, 8);
    for (int i = 0; i < 5; i++) {
      assertEquals(201, client.createApplication(prefix + "-" + i, "Paged " + i).status());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String query = "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      Reply page = client.get("/api/v1/applications" + query);
      assertEquals(200, page.status(), page::toString);
      assertTrue(page.items().size() <= 2);
      page.items().getValuesAs(JsonObject.class).forEach(a -> seen.add(a.getString("slug")));
      JsonObject body = page.json();
      cursor = body.containsKey("nextCursor") ? body.getString("nextCursor") : null;
      pages++;
    } while (cursor != null && pages < 1000);

    List<String> ours = seen.stream().filter(s -> s.startsWith(prefix)).toList();
    assertEquals(
        List.of(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), ours);
    assertEquals(seen.stream().sorted().toList(), seen, "pages are ordered by slug");
    assertEquals(seen.stream().distinct().count(), seen.size(), "no item twice");
  }

  @Test
  void lastPageHasNoCursor() {
    String slug = client.newApplication("last");
    Reply all = client.get(app(slug) + "/environments?limit=3");
    assertEquals(3, all.items().size());
    assertNull(all.json().get("nextCursor"));
    Reply first = client.get(app(slug) + "/environments?limit=2");
    assertEquals(2, first.items().size());
    Reply rest =
        client.get(
            app(slug) + "/environments?limit=2&cursor=" + first.json().getString("nextCursor"));
    assertEquals(1, rest.items().size());
    assertEquals("staging", rest.items().getJsonObject(0).getString("slug"));
    assertNull(rest.json().get("nextCursor"));
  }

  @Test
  void badPagingParametersAreRefused() {
    assertFieldErrors(client.get("/api/v1/applications?limit=abc"), "limit");
    assertFieldErrors(client.get("/api/v1/applications?limit=0"), "limit");
    assertFieldErrors(client.get("/api/v1/applications?limit=501"), "limit");
    assertFieldErrors(client.get("/api/v1/applications?cursor=not-a-cursor!"), "cursor");
  }
}
