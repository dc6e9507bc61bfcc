package dev.setpoint.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Releases of one environment: pending changes, publish, history, compare and rollback. */
final class ReleasesPage {

  private final Browser browser;

  ReleasesPage(Browser browser) {
    this.browser = browser;
  }

  ReleasesPage open(String app, String env) {
    browser.go("#/apps/" + app + "/envs/" + env + "/releases");
    browser.screen("Releases of " + app + " in " + env);
    return this;
  }

  boolean canPublish() {
    return browser.present("publish-form");
  }

  String findings() {
    return browser.test("publish-findings").getText();
  }

  /** Whether the override reason field is shown, once the readiness findings have loaded. */
  boolean overrideReasonShown() {
    browser.test("publish-findings");
    return browser.driver().findElement(Browser.byTest("override-reason")).isDisplayed();
  }

  void publish(String message) {
    browser.type("release-message", message);
    browser.click("publish");
  }

  void giveOverrideReason(String reason) {
    browser.type("override-reason", reason);
  }

  void submit() {
    browser.click("publish");
  }

  /** The form's error: the problem's detail and the field errors the API listed. */
  String publishError() {
    return browser
        .visible(By.cssSelector("[data-test='publish-form'] [data-test='error']"))
        .getText();
  }

  /** Waits for the message the console shows after a change. */
  String flash(String containing) {
    return browser.textIn("flash", containing).getText();
  }

  /** The keys listed under Added, Removed or Changed (lower case) in a diff view. */
  List<String> diff(String view, String group) {
    return browser
        .test(view)
        .findElements(By.cssSelector("[data-test='" + view + "-" + group + "'] li"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  void compare(int number, int against) {
    browser
        .test("compare-from")
        .findElement(By.cssSelector("option[value='" + number + "']"))
        .click();
    browser
        .test("compare-against")
        .findElement(By.cssSelector("option[value='" + against + "']"))
        .click();
    browser.click("compare");
    browser.test("release-diff");
  }

  /** Clicks Roll back twice (the second click confirms). */
  void rollback(int number) {
    browser.click("rollback-" + number);
    browser.textIn("rollback-" + number, "Confirm");
    browser.click("rollback-" + number);
  }
}
