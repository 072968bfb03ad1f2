package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.BrowserTestSupport;
import cn.jiaxing.yijianshi.TasklistForms;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 未成年人保护 as its people see it in Tasklist (headless Chromium, zh-CN; skipped without it): the front desk
 * records a mandatory report (强制报告) on the start form in Chinese and can read the case no more — neither its
 * progress nor the police's task; the police clerk sees the child, what was observed and who reported in
 * 受案登记并研判危险, claims it, registers the case and judges an immediate danger, and the case goes to
 * 现场处置和临时安置. Screenshots: {@code target/tasklist-childprotection-*.png}.
 */
class TasklistChildProtectionIT extends BrowserTestSupport {

  private static final String PROCESS_NAME = "未成年人保护五位一体";
  private static final String TASK_NAME = "受案登记并研判危险";
  private static final String FILTER_NAME = "部门待办";
  private static final String REPORTER = "南湖区某小学 李老师";
  private static final String OBSERVED_TEXT = "学生手臂多处淤青，自述被父亲殴打";

  private TasklistForms forms;

  @Override
  protected void browserStarted() {
    forms = new TasklistForms(browser, wait, "tasklist-childprotection");
  }

  @Test
  void theFrontDeskRecordsAReportAndThePoliceAcceptIt() throws Exception {
    try {
      // the front desk: Start process → 未成年人保护五位一体 shows the report form, labels in Chinese
      forms.logIn(PORT, "qiantai", PASSWORD);
      WebElement dialog = TasklistForms.openStartForm(wait, PROCESS_NAME);
      String child = TestPeople.man(9);
      String childName = "小明" + Long.toString(System.nanoTime() % 1_000_000, 36);
      WebElement school = forms.field(dialog, "reporterKind-0");
      WebElement form = dialog.findElement(By.cssSelector(".fjs-form"));
      assertThat(form.getText()).contains("未成年人保护强制报告", "《未成年人保护法》第十一条", "报告人类别", "学校、幼儿园",
          "医疗机构", "村（居）儿童主任", "热线（12345、12355）", "其他个人", "报告单位和报告人", "联系电话",
          "联系邮箱（接收受理回执）", "报告人要求对儿童家庭保密", "发现的情况（时间、经过、伤情等）", "儿童现在所在地点",
          "儿童姓名（如知道）", "儿童身份证号码（如知道）", "儿童年龄（周岁，可估计）")
          .doesNotContain("SCHOOL").doesNotContain("HOSPITAL").doesNotContain("CHILD_DIRECTOR")
          .doesNotContain("HOTLINE").doesNotContain("PUBLIC");
      assertThat(school.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("学校、幼儿园");
      forms.tick(school);
      forms.fill(forms.field(dialog, "reporterName"), REPORTER);
      forms.fill(forms.field(dialog, "reporterPhone"), "0573-82000000");
      forms.fill(forms.field(dialog, "reporterEmail"), uniqueEmail("browser-childprotection"));
      forms.tick(forms.field(dialog, "anonymousToFamily"));
      forms.fill(forms.textarea(dialog, "observed"), OBSERVED_TEXT);
      forms.fill(forms.field(dialog, "childLocation"), "南湖区某小学");
      forms.fill(forms.field(dialog, "childName"), childName);
      forms.fill(forms.field(dialog, "childIdNumber"), child);
      forms.fill(forms.field(dialog, "childAge"), "9");
      forms.screenshot("report-form");
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
      forms.screenshot("frontdesk-cannot-see");
      browser.manage().deleteAllCookies(); // the next clerk, on the same browser

      // the police clerk: the report as recorded, claimed, accepted with an immediate danger
      forms.logIn(PORT, "minjing", PASSWORD);
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + taskId);
      WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"),
          TASK_NAME));
      wait.until(d -> childName.equals(forms.field(task, "childName").getDomProperty("value")));
      assertThat(forms.textarea(task, "observed").getDomProperty("value")).isEqualTo(OBSERVED_TEXT);
      assertThat(forms.field(task, "reporterName").getDomProperty("value")).isEqualTo(REPORTER);
      assertThat(forms.field(task, "reporterPhone").getDomProperty("value")).isEqualTo("0573-82000000");
      assertThat(forms.field(task, "childLocation").getDomProperty("value")).isEqualTo("南湖区某小学");
      assertThat(forms.field(task, "childIdNumber").getDomProperty("value")).isEqualTo(child);
      assertThat(forms.field(task, "anonymousToFamily").isSelected()).isTrue();
      // offered to the group gawc: the form is read-only until the clerk claims the task
      assertThat(task.findElements(By.cssSelector(".disabled-form"))).isNotEmpty();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task] button.unclaim")));
      wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty());
      assertThat(get("minjing", "/engine-rest/task/{id}", taskId).getBody().get("assignee").asText()).isEqualTo("minjing");
      WebElement acceptance = browser.findElement(By.cssSelector("[cam-tasklist-task] .fjs-form"));
      forms.field(acceptance, "policeCaseNumber");
      assertThat(acceptance.getText()).contains("受案登记并研判危险（1小时内）", "报告人类别", "学校、幼儿园", "报告单位和报告人",
          "报告人联系电话", "报告人要求对儿童家庭保密", "发现的情况", "儿童所在地点", "儿童姓名", "儿童身份证号码",
          "年龄（周岁）", "受案登记号", "紧迫危险研判", "存在紧迫危险，立即出警处置", "无紧迫危险，转评估帮扶", "受案情况")
          .doesNotContain("SCHOOL").doesNotContain("DANGER");
      forms.fill(forms.field(acceptance, "policeCaseNumber"), "A3304020000001");
      WebElement danger = forms.field(acceptance, "dangerAssessment-0");
      assertThat(danger.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("存在紧迫危险，立即出警处置");
      forms.tick(danger);
      forms.fill(forms.textarea(acceptance, "acceptanceNote"), "已受案，学校报告学生遭父亲殴打，立即出警");
      forms.scrollTo(browser.findElement(By.cssSelector("[cam-tasklist-task] h2.task")));
      forms.screenshot("police-form"); // the whole form fits the task pane
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
      forms.screenshot("failure");
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







}
