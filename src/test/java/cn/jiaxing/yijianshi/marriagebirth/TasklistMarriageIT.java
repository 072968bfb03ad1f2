package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.HeadlessChromium;
import cn.jiaxing.yijianshi.TasklistForms;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser smoke test of the marriage case in Camunda Tasklist, as the front desk and the registrar
 * work: qiantai starts 结婚登记及户口联办 with the Camunda Form {@code Form_MarriageApplication} (first
 * with a mistyped ID number, which the server refuses in Chinese, then corrected); minzheng opens
 * the filter 部门待办, claims 核实双方并准予登记 of that case, ticks the checks, chooses 准予登记 and
 * completes it; the case then runs to 已办结.
 *
 * <p>Runs once with an English and once with a Chinese browser (Tasklist picks its language from the
 * browser), so the selectors rely on the DOM (AngularJS attributes, form-js ids ending in the form
 * field id, the filter's, process's and task's names) and never on Tasklist's own texts. Needs
 * Debian's chromium and chromium-driver ({@code /usr/bin/chromedriver}); skipped without them.
 * Screenshots go to {@code target/tasklist-<lang>-*.png} (and {@code -failure.png} when a step fails).
 */
class TasklistMarriageIT extends FullStackTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FILTER_NAME = "部门待办";
  private static final String PROCESS_NAME = "结婚登记及户口联办";
  private static final String TASK_NAME = "核实双方并准予登记";

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.TaskService tasks;
  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;
  private String lang;

  @BeforeEach
  void checkBrowser() {
    HeadlessChromium.assumeAvailable();
  }

  private void startBrowser(String language) throws IOException {
    lang = language;
    chromium = HeadlessChromium.start(language);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @ParameterizedTest(name = "browser language {0}")
  @ValueSource(strings = {"en-US", "zh-CN"})
  void theFrontDeskStartsAMarriageCaseAndTheRegistrarApprovesItInTasklist(String language) throws Exception {
    startBrowser(language);
    try {
      frontDeskAndRegistrar();
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  @org.junit.jupiter.api.Test
  void theHouseholdOfficerReadsTheMoveDirectionInWordsNotCodes() throws Exception {
    startBrowser("zh-CN");
    try {
      Map<String, Object> application = new java.util.HashMap<>(Map.of(GROOM_NAME, "张伟",
          GROOM_ID_NUMBER, TestPeople.man(30), BRIDE_NAME, "王芳", BRIDE_ID_NUMBER, TestPeople.woman(28),
          DECLARATION_SIGNED, true, BOTH_PRESENT, true, HOUSEHOLD_MOVE_REQUESTED, true));
      application.put(HOUSEHOLD_MOVE_DIRECTION, "BRIDE_TO_GROOM");
      String caseNumber = submitStartForm(PROCESS_KEY, application).getBody().get("businessKey").asText();
      submitTask("minzheng", awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration"), Map.of(
          PARTIES_PRESENT, true, VOLUNTARY, true, NO_PROHIBITED_KINSHIP, true, MARRIAGE_APPROVED, true));
      String review = awaitTask("gongan", caseNumber, "Task_ReviewHouseholdMove");

      logIn("gongan");
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + review);
      WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(d -> caseNumber.equals(field(task, "caseNumber").getDomProperty("value")));
      WebElement form = browser.findElement(By.cssSelector("[cam-tasklist-task] .fjs-form"));
      wait.until(d -> form.getText().contains("女方户口迁入男方户"));
      assertThat(form.getText()).doesNotContain("男方户口迁入女方户").doesNotContain("BRIDE_TO_GROOM");
      screenshot("household-move");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  @org.junit.jupiter.api.Test
  void theRegistrarsListShowsCaseNumbersAndMaskedApplicantsSoonestDueFirst() throws Exception {
    startBrowser("zh-CN");
    try {
      // two couples with the same groom's name (a search pill narrows the list to them); the older case is due first
      String groom = "顾" + (char) (0x4E00 + (int) (System.nanoTime() % 5000)) + "明";
      String older = startMarriage(groom);
      String newer = startMarriage(groom);
      String olderTask = awaitTask("minzheng", older, "Task_ConfirmMarriageRegistration");
      String newerTask = awaitTask("minzheng", newer, "Task_ConfirmMarriageRegistration");
      setDue(olderTask, java.time.OffsetDateTime.now().plusDays(1));
      setDue(newerTask, java.time.OffsetDateTime.now().plusDays(10));

      logIn("minzheng");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,"
          + "'name')]/a[normalize-space(text())='" + FILTER_NAME + "']"))).click();
      wait.until(ExpectedConditions.urlContains("filter="));
      // the list opens in due-date order without the clerk choosing it (desk-plugin.js)
      wait.until(ExpectedConditions.urlContains("dueDate"));
      String search = "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + groom
          + "\",\"name\":\"" + GROOM_NAME + "\"}]";
      // Tasklist may have put an empty searchQuery in the address already: this one replaces it
      String url = browser.getCurrentUrl().replaceAll("([?&])searchQuery=[^&]*(&|$)", "$1");
      browser.get(url + (url.endsWith("?") || url.endsWith("&") ? "" : "&") + "searchQuery="
          + URLEncoder.encode(search, StandardCharsets.UTF_8));
      assertThat(browser.getCurrentUrl()).contains("dueDate");
      wait.until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task")).size() == 2
          && d.findElements(By.cssSelector("ol.tasks-list li.task")).get(1).getText().contains(newer));
      List<WebElement> listed = browser.findElements(By.cssSelector("ol.tasks-list li.task"));
      assertThat(listed.get(0).getText()).contains("办件编号", older, "申请人", "顾*明、王*").doesNotContain(groom);
      assertThat(listed.get(1).getText()).contains(newer, "顾*明、王*");
      screenshot("clerk-list");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  @org.junit.jupiter.api.Test
  void theStartFormSpeaksChineseAboutMissingFieldsAndDates() throws Exception {
    startBrowser("zh-CN");
    try {
      logIn("qiantai");
      WebElement dialog = TasklistForms.openStartForm(wait, "出生一件事联办");
      field(dialog, "childName");
      WebElement date = wait.until(d -> dialog.findElement(By.cssSelector(".fjs-form input.flatpickr-input")));
      // the date's hint and the picker's months in Chinese
      wait.until(d -> !date.getDomAttribute("placeholder").contains("mm"));
      assertThat(date.getDomAttribute("placeholder")).contains("年").contains("月").contains("日");
      date.click();
      WebElement month = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("div.modal .flatpickr-calendar .flatpickr-current-month")));
      assertThat(month.getText()).contains("月");
      assertThat(browser.findElement(By.cssSelector("div.modal .flatpickr-calendar .flatpickr-weekdays")).getText())
          .contains("一").contains("日");
      // started empty: every required field says so in Chinese
      dialog.findElement(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")).click();
      wait.until(d -> !dialog.findElements(By.cssSelector(".fjs-form-field-error li")).isEmpty()
          && dialog.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
              .noneMatch(e -> e.getText().startsWith("Field")));
      assertThat(dialog.findElements(By.cssSelector(".fjs-form-field-error li"))).extracting(WebElement::getText)
          .contains("此项为必填项");
      screenshot("start-form-chinese-messages");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  private String startMarriage(String groom) {
    var started = submitStartForm(PROCESS_KEY, new java.util.HashMap<>(Map.of(GROOM_NAME, groom,
        GROOM_ID_NUMBER, TestPeople.man(32), BRIDE_NAME, "王芳", BRIDE_ID_NUMBER, TestPeople.woman(30),
        DECLARATION_SIGNED, true, BOTH_PRESENT, true)));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    return started.getBody().get("businessKey").asText();
  }

  /** The due date moved as an administrator would in Tasklist (through the engine here). */
  private void setDue(String taskId, java.time.OffsetDateTime due) {
    var task = tasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(java.util.Date.from(due.toInstant()));
    tasks.saveTask(task);
  }

  private void frontDeskAndRegistrar() throws IOException {
    String groomId = TestPeople.man(30);
    String brideId = TestPeople.woman(28);
    String email = uniqueEmail("tasklist");
    char checkCharacter = groomId.charAt(17);
    String mistypedGroomId = groomId.substring(0, 17) + (checkCharacter == '0' ? '1' : '0');

    // 1. the front desk: Start process → 结婚登记及户口联办 → the start form
    logIn("qiantai");
    WebElement dialog = TasklistForms.openStartForm(wait, PROCESS_NAME);
    WebElement groomIdInput = field(dialog, "groomIdNumber");
    field(dialog, "groomName").sendKeys("张伟");
    groomIdInput.sendKeys(mistypedGroomId);
    field(dialog, "brideName").sendKeys("王芳");
    field(dialog, "brideIdNumber").sendKeys(brideId);
    field(dialog, "applicantEmail").sendKeys(email);
    tick(field(dialog, "declarationSigned"));
    tick(field(dialog, "bothPresent"));
    WebElement start = dialog.findElement(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));

    // the pattern accepts the mistyped number; the server's check digit test refuses it, in Chinese
    start.click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("div.modal .notifications .alert-danger")));
    assertThat(error.getText()).contains("结婚登记申请未受理：男方身份证号码校验位错误").doesNotContain("女方身份证号码")
        .doesNotContain("Cannot instantiate").doesNotContain("ENGINE-");
    assertThat(dialog.isDisplayed()).isTrue();
    screenshot("start-error");
    assertThat(history("groomIdNumber_eq_" + mistypedGroomId)).isEmpty();

    // corrected: the last character retyped, then started again
    groomIdInput.sendKeys(Keys.BACK_SPACE, String.valueOf(checkCharacter));
    assertThat(groomIdInput.getDomProperty("value")).isEqualTo(groomId);
    start.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
    // no "time to migrate to Camunda 8" banner for our staff (styles/user-styles.css)
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    screenshot("started");

    // 2. the case number (business key) of the instance just started, through REST
    JsonNode instance = await().atMost(WAIT).until(() -> history("groomIdNumber_eq_" + groomId), l -> l.size() == 1)
        .get(0);
    assertThat(instance.get("startUserId").asText()).isEqualTo("qiantai");
    String caseNumber = instance.get("businessKey").asText();
    assertThat(caseNumber).startsWith("JXJH");
    // the clerk reads the case number off the screen and opens its receipt from there
    WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("yijianshi-receipt-banner")));
    assertThat(banner.findElement(By.className("yijianshi-case-number")).getText()).isEqualTo(caseNumber);
    assertThat(banner.findElement(By.className("yijianshi-receipt-link")).getDomProperty("href"))
        .endsWith("/chuangkou/index.html?receipt=" + caseNumber);
    screenshot("started-banner");
    String taskId = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    // another couple's case waits at the same step, so the registrar has to pick this one out
    var other = submitStartForm(PROCESS_KEY, Map.of(GROOM_NAME, "李强", GROOM_ID_NUMBER, TestPeople.man(33),
        BRIDE_NAME, "刘洋", BRIDE_ID_NUMBER, TestPeople.woman(31), DECLARATION_SIGNED, true, BOTH_PRESENT, true));
    assertThat(other.getStatusCode().value()).isEqualTo(200);
    awaitTask("minzheng", other.getBody().get("businessKey").asText(), "Task_ConfirmMarriageRegistration");

    // 3. the registrar: 部门待办, narrowed to this case, the task, claimed, checked, approved, completed
    logOut();
    logIn("minzheng");
    WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='" + FILTER_NAME + "']")));
    filter.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[normalize-space(text())='" + FILTER_NAME + "']")));
    wait.until(ExpectedConditions.urlContains("filter="));
    wait.until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task")).size() >= 2);
    // the list holds other cases too: search it for this one, as a clerk given the case number would
    // (a process variable search; Tasklist keeps it in the URL's searchQuery, as in its shared links)
    String search = "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + caseNumber
        + "\",\"name\":\"" + CASE_NUMBER + "\"}]";
    String url = browser.getCurrentUrl().replaceAll("([?&])searchQuery=[^&]*(&|$)", "$1");
    browser.get(url + (url.endsWith("?") || url.endsWith("&") ? "" : "&") + "searchQuery="
        + URLEncoder.encode(search, StandardCharsets.UTF_8));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-search] [cam-widget-search-pill]")));
    assertThat(browser.getCurrentUrl()).contains("filter=");
    wait.until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task")).size() == 1
        && !d.findElements(By.cssSelector("ol.tasks-list a[href$='task=" + taskId + "']")).isEmpty());
    WebElement listed = browser.findElement(By.cssSelector("ol.tasks-list li.task"));
    assertThat(listed.findElement(By.cssSelector("h4.task")).getText().trim()).isEqualTo(TASK_NAME);
    assertThat(listed.findElement(By.cssSelector("h6.process-definition")).getText().trim()).isEqualTo(PROCESS_NAME);
    listed.findElement(By.cssSelector("a[href$='task=" + taskId + "']")).click();

    WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] section.task-card")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"), TASK_NAME));
    wait.until(d -> caseNumber.equals(field(task, "caseNumber").getDomProperty("value")));
    assertThat(field(task, "groomIdNumber").getDomProperty("value")).isEqualTo(groomId);
    assertThat(field(task, "brideIdNumber").getDomProperty("value")).isEqualTo(brideId);
    // offered to the group mz: the form is read-only until the clerk claims the task
    assertThat(task.findElements(By.cssSelector(".disabled-form"))).isNotEmpty();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task] button.unclaim")));
    wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty());
    assertThat(get("minzheng", "/engine-rest/task/{id}", taskId).getBody().get("assignee").asText()).isEqualTo("minzheng");

    WebElement form = browser.findElement(By.cssSelector("[cam-tasklist-task] .fjs-form"));
    // a first pass: no empty "综合窗口补正情况说明" box (it shows only after a 补正 round)
    field(form, "partiesPresent");
    assertThat(form.findElements(By.cssSelector("[id$='-Field_supplementRemark']"))).isEmpty();
    tick(field(form, "partiesPresent"));
    tick(field(form, "voluntary"));
    tick(field(form, "noProhibitedKinship"));
    WebElement approve = field(form, "marriageApproved-0"); // the first value of the radio: true
    assertThat(approve.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("准予登记");
    tick(approve);
    screenshot("task");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']"))).click();
    // the task leaves the list and the task pane
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("ol.tasks-list a[href$='task=" + taskId + "']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] section.task-card")));
    assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
    screenshot("completed");

    // the form sent booleans, and the case runs on to 已办结 (no follow-ups were asked for)
    String processInstanceId = instance.get("id").asText();
    for (String name : List.of(PARTIES_PRESENT, VOLUNTARY, NO_PROHIBITED_KINSHIP, MARRIAGE_APPROVED)) {
      JsonNode variable = get("admin", "/engine-rest/history/variable-instance?processInstanceId={p}&variableName={n}",
          processInstanceId, name).getBody();
      assertThat(variable).as(name).hasSize(1);
      assertThat(variable.get(0).get("type").asText()).as(name).isEqualTo("Boolean");
      assertThat(variable.get(0).get("value").asBoolean()).as(name).isTrue();
    }
    assertThat(tasks("minzheng", caseNumber, "Task_ConfirmMarriageRegistration")).isEmpty();
    JsonNode progress = awaitCaseStatus(caseNumber, "COMPLETED");
    assertThat(steps(progress)).contains("Task_CheckMarriageRecords:COMPLETED",
        "Task_ConfirmMarriageRegistration:COMPLETED", "Task_RegisterMarriage:COMPLETED",
        "Task_UpdateMaritalStatus:COMPLETED");
    assertThat(steps(progress)).noneMatch(s -> s.startsWith("Task_ReviewHouseholdMove")
        || s.startsWith("Task_RegisterBirthPlanning"));
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("【办结通知】").contains(caseNumber));
  }

  /** The instances of the marriage process with this variable filter ({@code name_eq_value}), as admin. */
  private List<JsonNode> history(String variableFilter) {
    JsonNode list = get("admin", "/engine-rest/history/process-instance?processDefinitionKey={k}&variables={v}",
        PROCESS_KEY, variableFilter).getBody();
    return StreamSupport.stream(list.spliterator(), false).toList();
  }

  /** A form-js input: its id is {@code fjs-form-<random>-<component id>}, the ids being {@code Field_<key>}. */
  private WebElement field(WebElement form, String key) {
    By input = By.cssSelector("input[id$='-Field_" + key + "']");
    wait.until(d -> !form.findElements(input).isEmpty() && form.findElement(input).isDisplayed());
    return form.findElement(input);
  }

  private void tick(WebElement checkbox) {
    wait.until(ExpectedConditions.elementToBeClickable(checkbox)).click();
    wait.until(ExpectedConditions.elementToBeSelected(checkbox));
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, wait, "http://localhost:" + PORT + "/camunda/app/tasklist/default/", user, PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
  }

  private void logOut() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a.dropdown-toggle"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
  }

  private static List<String> steps(JsonNode progress) {
    return StreamSupport.stream(progress.get("steps").spliterator(), false)
        .map(s -> s.get("stepId").asText() + ":" + s.get("state").asText()).toList();
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", "tasklist-" + lang + "-" + name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
