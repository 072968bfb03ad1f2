package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.BrowserTestSupport;
import cn.jiaxing.yijianshi.HeadlessChromium;
import cn.jiaxing.yijianshi.TasklistForms;
import cn.jiaxing.yijianshi.TestPeople;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 身后一件事 as its people see it in Tasklist (headless Chromium, zh-CN; skipped without it): the front desk
 * fills the start form in Chinese, property matters ticked on its checklist; the funeral home's task shows the
 * 惠民殡葬 decision but not the family's ID numbers; the registry clerk registers the inheritance in its form.
 * Screenshots: {@code target/tasklist-afterdeath-*.png}.
 */
class TasklistAfterDeathIT extends BrowserTestSupport {



  @Test
  void theFrontDeskAppliesWithPropertyMattersAndEachClerkDoesTheirPart() throws Exception {
    try {
      // the front desk: Start process → 身后一件事联办 shows its form, labels in Chinese
      logIn("qiantai");
      WebElement dialog = TasklistForms.openStartForm(wait, "身后一件事联办");
      String deceased = TestPeople.man(81);
      String applicant = TestPeople.woman(52);
      field(dialog, "deceasedName").sendKeys("张建国");
      field(dialog, "deceasedIdNumber").sendKeys(deceased);
      WebElement form = dialog.findElement(By.cssSelector(".fjs-form"));
      assertThat(form.getText()).contains("身后一件事联办申请", "逝者姓名", "逝者身份证号码", "死亡日期", "死亡类型",
          "死亡医学证明编号", "申请人与逝者关系", "身后一件事联办承诺书", "申请办理的涉财事项", "查询存款的银行");
      // form-js's date picker takes mm/dd/yyyy typed in
      WebElement date = dialog.findElement(By.cssSelector("input[id$='-Field_dateOfDeath-date']"));
      date.sendKeys(TestPeople.today().minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")),
          org.openqa.selenium.Keys.ENTER);
      choose(dialog, "deathKind", "医疗机构内死亡");
      field(dialog, "deathProofNumber").sendKeys("SZ330400-2026-0777");
      field(dialog, "applicantName").sendKeys("张丽");
      field(dialog, "applicantIdNumber").sendKeys(applicant);
      choose(dialog, "relationship", "子女");
      field(dialog, "applicantEmail").sendKeys(uniqueEmail("browser"));
      // the property matters: 不动产 and 保险, with the household register as the relationship proof
      tick(field(dialog, "propertyMatters-1"));
      tick(field(dialog, "propertyMatters-4"));
      choose(dialog, "relationshipProof", "户口簿");
      tick(field(dialog, "declarationSigned"));
      screenshot("start-form");
      dialog.findElement(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal")));
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
      browser.manage().deleteAllCookies(); // the next clerk, on the same browser

      // the case started from the browser carries the matters as the intake understood them
      JsonNode started = await().atMost(WAIT).until(() -> get("admin",
          "/engine-rest/history/process-instance?processDefinitionKey={k}&variables=deceasedIdNumber_eq_{id}",
          PROCESS_KEY, deceased).getBody(), l -> l.size() == 1).get(0);
      String caseNumber = started.get("businessKey").asText();
      assertThat(get("admin", "/engine-rest/process-instance/{id}/variables/{name}", started.get("id").asText(),
          PROPERTY_MATTERS).getBody().get("value").asText()).isEqualTo("REAL_ESTATE,INSURANCE");
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

      // the registry clerk: the holdings and the heir, not the ID numbers; registers the inheritance in the form
      browser.manage().deleteAllCookies();
      String estateTask = awaitTask("budongchan", caseNumber, "Task_RegisterRealEstateInheritance");
      logIn("budongchan");
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + estateTask);
      WebElement estate = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"),
          "办理不动产继承登记"));
      WebElement holdings = wait.until(d -> estate.findElement(By.cssSelector("textarea[id$='-Field_realEstateHoldings']")));
      wait.until(d -> holdings.getDomProperty("value").contains("不动产权"));
      assertThat(browser.getPageSource()).doesNotContain(deceased).doesNotContain(applicant);
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim"))).click();
      tick(field(estate, "realEstateOutcome-0"));
      field(estate, "realEstateCertificateNumber").sendKeys("浙(2026)嘉兴市不动产权第0007777号");
      screenshot("real-estate-task");
      wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']"))).click();
      await().atMost(WAIT).until(() -> tasks("budongchan", caseNumber, "Task_RegisterRealEstateInheritance").isEmpty());

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

  /** A form-js select: its display opens the list, the option is clicked by its label. */
  private void choose(WebElement form, String key, String label) {
    wait.until(ExpectedConditions.elementToBeClickable(form.findElement(
        By.cssSelector("[id$='-Field_" + key + "-display']")))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))).click();
    wait.until(d -> form.findElement(By.cssSelector("[id$='-Field_" + key + "-display']")).getText().equals(label));
  }

  private void tick(WebElement checkbox) {
    wait.until(ExpectedConditions.elementToBeClickable(checkbox)).click();
    wait.until(ExpectedConditions.elementToBeSelected(checkbox));
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, wait, "http://localhost:" + PORT + "/camunda/app/tasklist/default/", user, PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
  }

  private void screenshot(String name) throws IOException {
    saveScreenshot("tasklist-afterdeath-" + name + ".png");
  }
}
