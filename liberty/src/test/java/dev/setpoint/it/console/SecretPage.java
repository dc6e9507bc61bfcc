package dev.setpoint.it.console;

/** One secret of one environment: metadata, versions, reveal, rotate, delete and recover. */
final class SecretPage {

  private final Browser browser;

  SecretPage(Browser browser) {
    this.browser = browser;
  }

  SecretPage open(String app, String env, String key) {
    browser.go("#/apps/" + app + "/envs/" + env + "/secrets/" + key);
    browser.screen("Secret " + key);
    return this;
  }

  boolean canReveal() {
    return browser.present("reveal");
  }

  /** Clicks Reveal and returns the value shown. */
  String reveal() {
    browser.click("reveal");
    return browser.test("revealed-value").getText();
  }

  String countdown() {
    return browser.test("reveal-countdown").getText();
  }

  void hide() {
    browser.click("hide-value");
  }

  boolean valueShown() {
    return browser.present("revealed-value");
  }
}
