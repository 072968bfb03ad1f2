package cn.jiaxing.yijianshi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, for the browser smoke tests; never a
 * browser or driver downloaded by Selenium Manager. A fresh profile per browser, deleted on close.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final WebDriver driver;
  private final Path profile;

  private HeadlessChromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test (call it per test, so the report counts it as skipped) without chromedriver. */
  public static void assumeAvailable() {
    assumeTrue(Files.isExecutable(CHROMEDRIVER),
        "no /usr/bin/chromedriver (apt-get install -y chromium chromium-driver): browser test skipped");
  }

  /** A browser whose language (Accept-Language) is {@code language}, e.g. zh-CN. */
  public static HeadlessChromium start(String language) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("yijianshi-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1500", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Logs in to a Camunda webapp at {@code appUrl}. Types only once AngularJS has bound the sign-in form
   * (its inputs carry {@code ng-pristine}): text typed earlier is overwritten by the empty model and the
   * login fails with no error on the server (seen once in a full run).
   */
  public static void logIn(WebDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait, String appUrl,
      String user, String password) {
    browser.get(appUrl);
    org.openqa.selenium.By username = org.openqa.selenium.By.cssSelector(
        "form[name='signinForm'] input[ng-model='username'].ng-pristine");
    org.openqa.selenium.By secret = org.openqa.selenium.By.cssSelector(
        "form[name='signinForm'] input[ng-model='password'].ng-pristine");
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(username)).sendKeys(user);
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(secret)).sendKeys(password);
    wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector(
        "form[name='signinForm'] input[ng-model='username']")).getAttribute("class").contains("ng-dirty"));
    browser.findElement(org.openqa.selenium.By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
        org.openqa.selenium.By.cssSelector("form[name='signinForm']")));
  }
}
