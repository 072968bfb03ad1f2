package cn.jiaxing.yijianshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Filling Camunda Forms (form-js) in Tasklist from a browser test, as a clerk does; screenshots {@code target/<prefix>-<name>.png}. */
public final class TasklistForms {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String screenshotPrefix;

  public TasklistForms(WebDriver browser, WebDriverWait wait, String screenshotPrefix) {
    this.browser = browser;
    this.wait = wait;
    this.screenshotPrefix = screenshotPrefix;
  }

  /** A form-js input: its id is {@code fjs-form-<random>-<component id>}, the ids being {@code Field_<key>}. */
  public WebElement field(WebElement form, String key) {
    By input = By.cssSelector("input[id$='-Field_" + key + "']");
    wait.until(d -> !form.findElements(input).isEmpty() && form.findElement(input).isDisplayed());
    return form.findElement(input);
  }

  /** A form-js text area, found as {@link #field} finds inputs. */
  public WebElement textarea(WebElement form, String key) {
    By area = By.cssSelector("textarea[id$='-Field_" + key + "']");
    wait.until(d -> !form.findElements(area).isEmpty() && form.findElement(area).isDisplayed());
    return form.findElement(area);
  }

  /**
   * Types into a form-js input until the text stays. form-js takes typed text into the form's data 300 ms later
   * (debounced), and a re-render in between (another field's debounced change landing) resets the field to the
   * data, so text typed right after another field can vanish: the text is typed again until it is there 500 ms
   * (the wait's poll) after typing, by when its own change has landed.
   */
  public void fill(WebElement input, String text) {
    wait.until(ExpectedConditions.elementToBeClickable(input));
    wait.until(d -> {
      if (text.equals(input.getDomProperty("value"))) {
        return true;
      }
      input.clear();
      input.sendKeys(text);
      return false;
    });
  }

  /** Ticks a checkbox or radio, scrolled to the middle first: Tasklist's fixed footer covers the bottom of the form. */
  public void tick(WebElement checkbox) {
    wait.until(ExpectedConditions.elementToBeClickable(checkbox));
    wait.until(d -> {
      if (checkbox.isSelected()) {
        return true;
      }
      scrollTo(checkbox);
      try {
        checkbox.click();
      } catch (ElementClickInterceptedException covered) {
        return false; // the footer or a toast was over it: scroll and try again
      }
      return checkbox.isSelected();
    });
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Tasklist's Start process → the named process: the dialog with its start form. */
  public static WebElement openStartForm(WebDriverWait wait, String processName) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a"))).click();
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.modal")));
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space()='" + processName + "']")))
        .click();
    return dialog;
  }

  /** Logs in to Tasklist and waits for the account menu. */
  public void logIn(int port, String user, String password) {
    HeadlessChromium.logIn(browser, wait, "http://localhost:" + port + "/camunda/app/tasklist/default/", user, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
  }

  public void screenshot(String name) throws IOException {
    Path target = Path.of("target", screenshotPrefix + "-" + name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
