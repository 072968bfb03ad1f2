package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.HeadlessChromium;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 身后一件事 as its people see it in Tasklist (headless Chromium, zh-CN; skipped without it): the front desk's
 * start form in Chinese, and the funeral home's task showing the 惠民殡葬 decision but not the family's ID
 * numbers. Screenshots: {@code target/tasklist-afterdeath-*.png}.
 */
class TasklistAfterDeathIT extends FullStackTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    HeadlessChromium.assumeAvailable();
    chromium = HeadlessChromium.start("zh-CN");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theFrontDeskSeesTheApplicationInChineseAndTheFuneralHomeItsDecision() throws Exception {
    try {
      // the front desk: Start process → 身后一件事联办 shows its form, labels in Chinese
      logIn("qiantai");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a"))).click();
      WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.modal")));
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space()='身后一件事联办']"))).click();
      field(dialog, "deceasedIdNumber");
      WebElement form = dialog.findElement(By.cssSelector(".fjs-form"));
      assertThat(form.getText()).contains("身后一件事联办申请", "逝者姓名", "逝者身份证号码", "死亡日期", "死亡类型",
          "死亡医学证明编号", "申请人与逝者关系", "身后一件事联办承诺书");
      screenshot("start-form");
      browser.manage().deleteAllCookies(); // the next clerk, on the same browser

      // a case started over REST reaches the funeral home
      String deceased = TestPeople.man(81);
      String applicant = TestPeople.woman(52);
      String caseNumber = submitStartForm(PROCESS_KEY, TestApplications.afterDeath(deceased, applicant,
          uniqueEmail("browser"))).getBody().get("businessKey").asText();
      String taskId = awaitTask("binzang", caseNumber, "Task_ArrangeFuneral");

      logIn("binzang");
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + taskId);
      WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"),
          "办理遗体接运和火化"));
      wait.until(d -> "张建国".equals(field(task, "deceasedName").getDomProperty("value")));
      WebElement free = task.findElement(By.cssSelector("textarea[id$='-Field_freeFuneralItems']"));
      assertThat(free.getDomProperty("value")).contains("遗体火化", "骨灰盒");
      assertThat(task.getText()).doesNotContain(deceased).doesNotContain(applicant);
      assertThat(browser.getPageSource()).doesNotContain(deceased).doesNotContain(applicant);
      screenshot("funeral-task");

      // completed as the funeral home would (the date picker is form-js's own), the case goes on
      assertThat(submitTask("binzang", taskId, Map.of(CREMATION_DATE, TestPeople.today().toString(),
          CREMATION_CERTIFICATE_NUMBER, "HH330400-7777")).getStatusCode().value()).isEqualTo(204);
      awaitCaseStatus(caseNumber, "COMPLETED");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  /** A form-js input: its id is {@code fjs-form-<random>-<component id>}, the ids being {@code Field_<key>}. */
  private WebElement field(WebElement form, String key) {
    By input = By.cssSelector("input[id$='-Field_" + key + "']");
    wait.until(d -> !form.findElements(input).isEmpty() && form.findElement(input).isDisplayed());
    return form.findElement(input);
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, wait, "http://localhost:" + PORT + "/camunda/app/tasklist/default/", user, PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", "tasklist-afterdeath-" + name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
