package dev.setpoint.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One setting: its definition form and its per-environment overrides. */
final class SettingPage {

  private final Browser browser;

  SettingPage(Browser browser) {
    this.browser = browser;
  }

  SettingPage open(String app, String key) {
    browser.go("#/apps/" + app + "/settings/" + key);
    browser.screen("Setting " + key);
    return this;
  }

  boolean editable() {
    return browser.present("definition-form");
  }

  void setDefault(String text) {
    browser.type("setting-value", text);
  }

  void saveDefinition() {
    browser.click("save-definition");
  }

  /** The error shown next to the field the API named in {@code form}. */
  String fieldError(String form, String field) {
    WebElement error =
        browser.test(form).findElement(By.cssSelector("[data-test='error-" + field + "']"));
    browser.visible(By.id(error.getAttribute("id")));
    return error.getText();
  }

  /** Whether the input the API named is marked invalid (aria-invalid) in {@code form}. */
  boolean invalid(String form, String field) {
    return "true"
        .equals(
            browser
                .test(form)
                .findElement(By.cssSelector("[data-field='" + field + "']"))
                .getAttribute("aria-invalid"));
  }

  void override(String env, String text) {
    browser.type("override-value-" + env, text);
    browser.click("save-override-" + env);
  }

  String overrideState(String env) {
    return browser.test("override-state-" + env).getText();
  }
}
