package dev.setpoint.it.console;

/** The sign-in screen ({@code #/sign-in}) and the header's sign-out button. */
final class SignInPage {

  private final Browser browser;

  SignInPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the console signed out: it shows the sign-in form. */
  SignInPage open() {
    browser.forgetSession();
    browser.load("#/sign-in");
    browser.test("sign-in-form");
    return this;
  }

  /** Signs in through the form and waits until the header names the person. */
  void signIn(Person person) {
    browser.type("username", person.username());
    browser.type("password", person.password());
    browser.click("sign-in");
    browser.textIn("signed-in-as", person.username());
  }

  /** Types credentials and submits, without expecting success. */
  void attempt(String username, String password) {
    browser.type("username", username);
    browser.type("password", password);
    browser.click("sign-in");
  }

  void signOut() {
    browser.click("sign-out");
    browser.test("sign-in-form");
  }
}
