/**
 * Browser tests of the console at {@code /console/}: headless Chromium driven by Selenium through
 * Debian's chromedriver, page objects per screen, axe-core on every screen, and screenshots saved
 * under {@code target/console-screenshots/}. Without a browser they are skipped with the reason.
 */
package dev.setpoint.it.console;
