package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.HeadlessChromium;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 未成年人保护 as its people see it in Tasklist (headless Chromium, zh-CN; skipped without it): the front desk
 * records a mandatory report (强制报告) on the start form in Chinese and can read the case no more — neither its
 * progress nor the police's task; the police clerk sees the child, what was observed and who reported in
 * 受案登记并研判危险, claims it, registers the case and judges an immediate danger, and the case goes to
 * 现场处置和临时安置. Screenshots: {@code target/tasklist-childprotection-*.png}.
 */
class TasklistChildProtectionIT extends FullStackTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PROCESS_NAME = "未成年人保护五位一体";
  private static final String TASK_NAME = "受案登记并研判危险";
  private static final String FILTER_NAME = "部门待办";
  private static final String REPORTER = "南湖区某小学 李老师";
  private static final String OBSERVED_TEXT = "学生手臂多处淤青，自述被父亲殴打";

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
  void theFrontDeskRecordsAReportAndThePoliceAcceptIt() throws Exception {
    try {
      // the front desk: Start process → 未成年人保护五位一体 shows the report form, labels in Chinese
      logIn("qiantai");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a"))).click();
      WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.modal")));
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space()='" + PROCESS_NAME
              + "']"))).click();
      String child = TestPeople.man(9);
      String childName = "小明" + Long.toString(System.nanoTime() % 1_000_000, 36);
      WebElement school = field(dialog, "reporterKind-0");
      WebElement form = dialog.findElement(By.cssSelector(".fjs-form"));
      assertThat(form.getText()).contains("未成年人保护强制报告", "《未成年人保护法》第十一条", "报告人类别", "学校、幼儿园",
          "医疗机构", "村（居）儿童主任", "热线（12345、12355）", "其他个人", "报告单位和报告人", "联系电话",
          "联系邮箱（接收受理回执）", "报告人要求对儿童家庭保密", "发现的情况（时间、经过、伤情等）", "儿童现在所在地点",
          "儿童姓名（如知道）", "儿童身份证号码（如知道）", "儿童年龄（周岁，可估计）")
          .doesNotContain("SCHOOL").doesNotContain("HOSPITAL").doesNotContain("CHILD_DIRECTOR")
          .doesNotContain("HOTLINE").doesNotContain("PUBLIC");
      assertThat(school.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("学校、幼儿园");
      tick(school);
      fill(field(dialog, "reporterName"), REPORTER);
      fill(field(dialog, "reporterPhone"), "0573-82000000");
      fill(field(dialog, "reporterEmail"), uniqueEmail("browser-childprotection"));
      tick(field(dialog, "anonymousToFamily"));
      fill(textarea(dialog, "observed"), OBSERVED_TEXT);
      fill(field(dialog, "childLocation"), "南湖区某小学");
      fill(field(dialog, "childName"), childName);
      fill(field(dialog, "childIdNumber"), child);
      fill(field(dialog, "childAge"), "9");
      screenshot("report-form");
      dialog.findElement(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal")));
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();

      // the case recorded from the browser: its number, and what intake made of the form
      JsonNode started = await().atMost(WAIT).until(() -> get("admin",
          "/engine-rest/history/process-instance?processDefinitionKey={k}&variables=childName_eq_{name}",
          PROCESS_KEY, childName).getBody(), l -> l.size() == 1).get(0);
      assertThat(started.get("startUserId").asText()).isEqualTo("qiantai");
      String caseNumber = started.get("businessKey").asText();
      String processInstanceId = started.get("id").asText();
      assertThat(variable(processInstanceId, REPORTER_KIND).asText()).isEqualTo("SCHOOL");
      assertThat(variable(processInstanceId, REPORTER_NAME).asText()).isEqualTo(REPORTER);
      assertThat(variable(processInstanceId, ANONYMOUS_TO_FAMILY).asBoolean()).isTrue();
      assertThat(variable(processInstanceId, CHILD_ID_NUMBER).asText()).isEqualTo(child);
      assertThat(variable(processInstanceId, CHILD_AGE).asInt()).isEqualTo(9);
      String taskId = awaitTask("minjing", caseNumber, "Task_AcceptReport");

      // the front desk recorded the report and cannot read the case afterwards: not its progress, not the task
      assertThat(get("qiantai", "/api/cases/{n}", caseNumber).getStatusCode().value()).isEqualTo(403);
      assertThat(tasks("qiantai", caseNumber, "Task_AcceptReport")).isEmpty();
      openFilter();
      assertThat(browser.findElements(By.cssSelector("ol.tasks-list a[href$='task=" + taskId + "']"))).isEmpty();
      assertThat(browser.findElements(By.cssSelector("ol.tasks-list h4.task")))
          .noneMatch(t -> t.getText().trim().equals(TASK_NAME));
      // nor by the task's address: Tasklist cannot load it (它说该任务已不存在)
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + taskId);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page-notifications .alert-danger")));
      assertThat(browser.findElements(By.cssSelector("[cam-tasklist-task] h2.task")))
          .noneMatch(h -> h.getText().contains(TASK_NAME));
      assertThat(browser.getPageSource()).doesNotContain(childName).doesNotContain(child).doesNotContain(OBSERVED_TEXT);
      screenshot("frontdesk-cannot-see");
      browser.manage().deleteAllCookies(); // the next clerk, on the same browser

      // the police clerk: the report as recorded, claimed, accepted with an immediate danger
      logIn("minjing");
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + taskId);
      WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"),
          TASK_NAME));
      wait.until(d -> childName.equals(field(task, "childName").getDomProperty("value")));
      assertThat(textarea(task, "observed").getDomProperty("value")).isEqualTo(OBSERVED_TEXT);
      assertThat(field(task, "reporterName").getDomProperty("value")).isEqualTo(REPORTER);
      assertThat(field(task, "reporterPhone").getDomProperty("value")).isEqualTo("0573-82000000");
      assertThat(field(task, "childLocation").getDomProperty("value")).isEqualTo("南湖区某小学");
      assertThat(field(task, "childIdNumber").getDomProperty("value")).isEqualTo(child);
      assertThat(field(task, "anonymousToFamily").isSelected()).isTrue();
      // offered to the group gawc: the form is read-only until the clerk claims the task
      assertThat(task.findElements(By.cssSelector(".disabled-form"))).isNotEmpty();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task] button.unclaim")));
      wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty());
      assertThat(get("minjing", "/engine-rest/task/{id}", taskId).getBody().get("assignee").asText()).isEqualTo("minjing");
      WebElement acceptance = browser.findElement(By.cssSelector("[cam-tasklist-task] .fjs-form"));
      field(acceptance, "policeCaseNumber");
      assertThat(acceptance.getText()).contains("受案登记并研判危险（1小时内）", "报告人类别", "学校、幼儿园", "报告单位和报告人",
          "报告人联系电话", "报告人要求对儿童家庭保密", "发现的情况", "儿童所在地点", "儿童姓名", "儿童身份证号码",
          "年龄（周岁）", "受案登记号", "紧迫危险研判", "存在紧迫危险，立即出警处置", "无紧迫危险，转评估帮扶", "受案情况")
          .doesNotContain("SCHOOL").doesNotContain("DANGER");
      fill(field(acceptance, "policeCaseNumber"), "A3304020000001");
      WebElement danger = field(acceptance, "dangerAssessment-0");
      assertThat(danger.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("存在紧迫危险，立即出警处置");
      tick(danger);
      fill(textarea(acceptance, "acceptanceNote"), "已受案，学校报告学生遭父亲殴打，立即出警");
      scrollTo(browser.findElement(By.cssSelector("[cam-tasklist-task] h2.task")));
      screenshot("police-form"); // the whole form fits the task pane
      wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] section.task-card")));
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();

      // 现场处置和临时安置 is the police's next step
      await().atMost(WAIT).until(() -> tasks("minjing", caseNumber, "Task_AcceptReport").isEmpty());
      awaitTask("minjing", caseNumber, "Task_RespondOnSite");
      assertThat(variable(processInstanceId, POLICE_CASE_NUMBER).asText()).isEqualTo("A3304020000001");
      assertThat(variable(processInstanceId, DANGER).asText()).isEqualTo("DANGER");
      assertThat(variable(processInstanceId, ACCEPTANCE_NOTE).asText()).isEqualTo("已受案，学校报告学生遭父亲殴打，立即出警");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  /** qiantai's 部门待办, loaded: its tasks, or the notice that there are none. */
  private void openFilter() {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='" + FILTER_NAME
            + "']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[normalize-space(text())='"
            + FILTER_NAME + "']")));
    wait.until(ExpectedConditions.urlContains("filter="));
    wait.until(d -> !d.findElements(By.cssSelector("ol.tasks-list li.task")).isEmpty()
        || d.findElements(By.cssSelector("div.well span.glyphicon-info-sign")).stream().anyMatch(WebElement::isDisplayed));
  }

  /** A variable of the running instance, as admin. */
  private JsonNode variable(String processInstanceId, String name) {
    return get("admin", "/engine-rest/process-instance/{id}/variables/{name}", processInstanceId, name).getBody()
        .get("value");
  }

  /** A form-js input: its id is {@code fjs-form-<random>-<component id>}, the ids being {@code Field_<key>}. */
  private WebElement field(WebElement form, String key) {
    By input = By.cssSelector("input[id$='-Field_" + key + "']");
    wait.until(d -> !form.findElements(input).isEmpty() && form.findElement(input).isDisplayed());
    return form.findElement(input);
  }

  /** A form-js text area, found as {@link #field} finds inputs. */
  private WebElement textarea(WebElement form, String key) {
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
  private void fill(WebElement input, String text) {
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

  private void tick(WebElement checkbox) {
    wait.until(ExpectedConditions.elementToBeClickable(checkbox)).click();
    wait.until(ExpectedConditions.elementToBeSelected(checkbox));
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, wait, "http://localhost:" + PORT + "/camunda/app/tasklist/default/", user, PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", "tasklist-childprotection-" + name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
