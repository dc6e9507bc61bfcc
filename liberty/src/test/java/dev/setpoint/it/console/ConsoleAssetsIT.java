package dev.setpoint.it.console;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's files over plain HTTP (no browser needed): where it lives, the types its files go
 * out with, that nothing in it needs an inline script or style, and that unknown files are 404.
 */
class ConsoleAssetsIT {

  private final SetpointClient anonymous = SetpointClient.forServerUnderTest().anonymous();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void theConsoleFolderRedirectsToItsIndex() {
    Reply folder = anonymous.get("/console");
    assertTrue(
        folder.status() == 301
            || folder.status() == 302
            || folder.status() == 307
            || folder.status() == 308,
        folder::toString);
    assertTrue(folder.header("Location").endsWith("/console/"), folder.header("Location"));

    Reply index = anonymous.get("/console/");
    assertEquals(200, index.status(), index::toString);
    assertTrue(index.contentType().startsWith("text/html"), index.contentType());
    assertTrue(index.body().contains("<script type=\"module\" src=\"js/main.js\">"), index.body());
    assertEquals("nosniff", index.header("X-Content-Type-Options"));
  }

  @Test
  void theIndexLoadsOnlyFilesOfItsOwnAndNothingInline() {
    String index = anonymous.get("/console/").body();
    assertFalse(
        Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(index).find(),
        "no inline script");
    assertFalse(
        Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE)
            .matcher(index)
            .find(),
        "no inline style or handler");
    assertFalse(index.contains("http://") || index.contains("https://"), "no CDN");
    Matcher refs = Pattern.compile("(?:src|href)=\"((?!data:)[^\"#]+)\"").matcher(index);
    int files = 0;
    while (refs.find()) {
      Reply file = anonymous.get("/console/" + refs.group(1));
      assertEquals(200, file.status(), refs.group(1) + ": " + file);
      files++;
    }
    assertEquals(2, files, "the stylesheet and the main module");
  }

  @Test
  void modulesAndStylesGoOutWithTheirTypes() {
    Reply module = anonymous.get("/console/js/main.js");
    assertEquals(200, module.status(), module::toString);
    assertTrue(module.contentType().startsWith("text/javascript"), module.contentType());
    assertFalse(module.body().contains("eval("), "no eval");
    Reply css = anonymous.get("/console/console.css");
    assertEquals(200, css.status(), css::toString);
    assertTrue(css.contentType().startsWith("text/css"), css.contentType());
    Matcher imports = Pattern.compile("from '\\./([a-z/]+\\.js)'").matcher(module.body());
    int found = 0;
    while (imports.find()) {
      assertEquals(
          200, anonymous.get("/console/js/" + imports.group(1)).status(), imports.group(1));
      found++;
    }
    assertTrue(found >= 10, "every screen module is served: " + found);
  }

  @Test
  void anUnknownConsoleFileIsNotFoundAsAProblem() {
    Reply missing = anonymous.get("/console/js/no-such-module.js");
    assertProblem(missing, 404, "not-found");
    assertNotNull(missing.header("X-Request-Id"));
    assertProblem(anonymous.get("/console/WEB-INF/web.xml"), 404, "not-found");
  }
}
