package dev.setpoint.it.console;

import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One browser for a test class, once the server is ready; closed after its last test. Without a
 * browser every test of the class is skipped with the reason ({@link Browser#start()}).
 */
final class OpenBrowser implements BeforeAllCallback, AfterAllCallback {

  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
    browser = Browser.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
  }

  Browser browser() {
    return browser;
  }
}
