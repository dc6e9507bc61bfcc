package dev.setpoint.it.console;

/** Change requests of one environment: the list, one request, and its review buttons. */
final class ChangesPage {

  private final Browser browser;

  ChangesPage(Browser browser) {
    this.browser = browser;
  }

  ChangesPage open(String app, String env) {
    browser.go("#/apps/" + app + "/envs/" + env + "/changes");
    browser.screen("Change requests of " + app + " in " + env);
    return this;
  }

  String policy() {
    return browser.test("review-policy").getText();
  }

  /** Follows the list's link to request {@code number}. */
  ChangesPage request(int number) {
    browser.click("change-" + number);
    browser.screen("Change request " + number);
    return this;
  }

  String status() {
    return browser.test("change-status").getText();
  }

  String diff() {
    return browser.test("change-diff").getText();
  }

  String readiness() {
    return browser.test("change-readiness").getText();
  }

  boolean canReview() {
    return browser.present("change-approve");
  }

  /** Presses a step's button (approve, reject, apply, withdraw) and waits for its status. */
  void step(String action, String status) {
    browser.click("change-" + action);
    browser.textIn("change-status", status);
  }
}
