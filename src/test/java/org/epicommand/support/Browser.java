package org.epicommand.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 * One browser per test JVM; tests skip with a message where no Chromium is installed (.ci/run installs it).
 */
public final class Browser {

  public static final Path CHROMIUM = Path.of(System.getProperty("epicommand.chromium", "/usr/bin/chromium"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static Playwright playwright;
  private static com.microsoft.playwright.Browser browser;

  private Browser() {}

  public static synchronized com.microsoft.playwright.Browser get() {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM
        + " (install Debian's chromium; .ci/run does)");
    if (browser == null) {
      playwright = Playwright.create();
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
          .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        browser.close();
        playwright.close();
      }));
    }
    return browser;
  }

  /** A fresh context (own cookies) with a desktop or a 375-px phone viewport. */
  /** A context of the given viewport, phone (touch, mobile) or not, in {@code locale}. */
  public static BrowserContext context(int width, int height, boolean phone, String locale) {
    return get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale)
        .setViewportSize(width, height).setIsMobile(phone).setHasTouch(phone));
  }

  /** A phone of 390 × 844 CSS pixels (touch, Chinese, sharp screenshots). */
  public static BrowserContext phone() {
    return get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
  }

  public static BrowserContext context(boolean phone) {
    var options = new com.microsoft.playwright.Browser.NewContextOptions()
        .setLocale("zh-CN");
    options = phone ? options.setViewportSize(375, 740).setIsMobile(true).setHasTouch(true)
        : options.setViewportSize(1366, 860);
    return get().newContext(options);
  }

  /** The page's full width in CSS pixels: at most the viewport's when nothing scrolls sideways. */
  public static int scrollWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }

  /** Asserts that nothing on the page scrolls sideways on a 390-px phone. */
  public static void fitsThePhone(Page page) {
    org.assertj.core.api.Assertions.assertThat(scrollWidth(page)).as("no sideways scrolling on the phone")
        .isLessThanOrEqualTo(390);
  }

  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Chooses a division in the division picker of the form field {@code field}: types its name into
   * the picker's search and clicks the hit with its code (names repeat; the hit carries the chain).
   */
  public static void chooseDivision(Page page, String field, String code, String name) {
    com.microsoft.playwright.Locator picker = page.locator(".division-picker:has(input[name='" + field + "'])");
    picker.locator(".division-search").fill(name);
    picker.locator(".division-results button[data-code='" + code + "']").click();
    page.waitForFunction("([f, c]) => document.querySelector(\"input[name='\" + f + \"']\").value === c",
        new Object[] {field, code});
  }

  /**
   * Adds a division to the several-divisions field {@code field} (fragments/division :: pickerList):
   * chooses it in the list's picker by name and presses "add".
   */
  public static void addDivision(Page page, String field, String code, String name) {
    com.microsoft.playwright.Locator list = page.locator(".division-list:has(input[name='" + field + "'])");
    list.locator(".division-search").fill(name);
    list.locator(".division-results button[data-code='" + code + "']").click();
    page.waitForFunction("([f, c]) => document.querySelector(\"input[name='\" + f + \"Pick']\").value === c",
        new Object[] {field, code});
    list.locator(".division-add").click();
    page.waitForFunction("([f, c]) => document.querySelector(\"input[name='\" + f + \"']\").value.split(',')"
        + ".includes(c)", new Object[] {field, code});
  }

  /** Signs in through the login form as a demo user. */
  public static void login(Page page, String baseUrl, String username) {
    login(page, baseUrl, username, Api.DEMO_PASSWORD);
  }

  /** Signs in through the login form. */
  public static void login(Page page, String baseUrl, String username, String password) {
    page.navigate(baseUrl + "/login");
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
  }
}
