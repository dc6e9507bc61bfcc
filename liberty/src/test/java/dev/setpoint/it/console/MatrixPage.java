package dev.setpoint.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The application page: the environment matrix ({@code #/apps/{app}}). */
final class MatrixPage {

  private final Browser browser;

  MatrixPage(Browser browser) {
    this.browser = browser;
  }

  MatrixPage open(String app) {
    browser.go("#/apps/" + app);
    awaitPainted();
    return this;
  }

  /** Waits until the matrix has been painted (the console marks it two frames after attaching). */
  WebElement awaitPainted() {
    return browser.visible(By.cssSelector("[data-test='matrix'][data-state='painted']"));
  }

  WebElement row(String key) {
    return browser.test("row-" + key);
  }

  /** The cells of a key's row, one per environment, in column order. */
  List<String> cells(String key) {
    return row(key).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  List<String> environments() {
    return browser.test("matrix").findElements(By.cssSelector("thead th[data-env]")).stream()
        .map(th -> th.getAttribute("data-env"))
        .toList();
  }

  boolean drifts(String key) {
    return row(key).getAttribute("class").contains("drift");
  }

  boolean missingIn(String key, int column) {
    return row(key)
        .findElements(By.tagName("td"))
        .get(column)
        .getAttribute("class")
        .contains("missing");
  }

  void search(String term) {
    browser.type("matrix-search", term);
  }

  /** The keys of the rows shown now. */
  List<String> shownKeys() {
    return browser.test("matrix").findElements(By.cssSelector("tbody tr")).stream()
        .filter(WebElement::isDisplayed)
        .map(r -> r.getAttribute("data-test").substring("row-".length()))
        .toList();
  }

  String summary() {
    return browser.test("matrix-summary").getText();
  }
}
