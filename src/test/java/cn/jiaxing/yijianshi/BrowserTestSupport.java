package cn.jiaxing.yijianshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A full-stack test with headless Chromium (zh-CN unless {@link #browserLanguage} says otherwise) started before each test and closed after it; skipped where
 * Debian's chromium and chromium-driver are missing. Screenshots go to {@code target/}.
 */
public abstract class BrowserTestSupport extends FullStackTestSupport {

  protected static final Duration WAIT = Duration.ofSeconds(30);

  protected HeadlessChromium chromium;
  protected WebDriver browser;
  protected WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    HeadlessChromium.assumeAvailable();
    chromium = HeadlessChromium.start(browserLanguage());
    browser = chromium.driver();
    wait = new WebDriverWait(browser, WAIT);
    browserStarted();
  }

  /** The browser's language (Tasklist and Cockpit follow it). */
  protected String browserLanguage() {
    return "zh-CN";
  }

  /** What a test class sets up with the browser (helpers bound to it). */
  protected void browserStarted() {
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The page as it is now, in {@code target/<fileName>}. */
  protected void saveScreenshot(String fileName) throws IOException {
    Path target = Path.of("target", fileName);
    Files.createDirectories(target.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
