package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.BrowserTestSupport;
import cn.jiaxing.yijianshi.TasklistForms;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 社会救助一件事 as its people see it in Tasklist (headless Chromium, zh-CN; skipped without it): the front desk
 * fills the 社会救助申请 start form in Chinese; the township clerk sees the 家庭经济状况核对报告 in the 入户调查
 * task (not the household's ID numbers), fills the investigation in the form, and the case goes to 公示.
 * Screenshots: {@code target/tasklist-assistance-*.png}.
 */
class TasklistSocialAssistanceIT extends BrowserTestSupport {


  private TasklistForms forms;

  @Override
  protected void browserStarted() {
    forms = new TasklistForms(browser, wait, "tasklist-assistance");
  }

  @Test
  void theFrontDeskAppliesAndTheTownshipClerkInvestigatesTheHousehold() throws Exception {
    try {
      // the front desk: Start process → 社会救助一件事联办 shows its form, labels in Chinese
      forms.logIn(PORT, "qiantai", PASSWORD);
      WebElement dialog = TasklistForms.openStartForm(wait, "社会救助一件事联办");
      String applicant = TestPeople.woman(44);
      String son = TestPeople.man(12);
      forms.fill(forms.field(dialog, "applicantName"), "王秀英");
      forms.fill(forms.field(dialog, "applicantIdNumber"), applicant);
      WebElement form = dialog.findElement(By.cssSelector(".fjs-form"));
      assertThat(form.getText()).contains("社会救助申请（浙江省社会救助申请表）", "申请人姓名", "申请人身份证号码", "联系电话",
          "联系邮箱（接收办理进度）", "居住地址", "申请方式", "本人（家庭）到窗口申请", "网格员主动发现，代为申请",
          "其他共同生活的家庭成员身份证号码", "每行一个；申请人本人不必再填", "申请理由（家庭困难情况）",
          "家庭特殊困难（决定需要哪些专项救助）", "家庭成员患重特大疾病", "住房困难", "因自然灾害等生活困难", "持证残疾人数",
          "在学子女人数", "有劳动能力但未就业人数", "急难情形（需先行救助）", "《家庭经济状况核对授权书》", "申请人已签署承诺书")
          .doesNotContain("WINDOW").doesNotContain("GRID_WORKER");
      // 网格员姓名 and 急难情形说明 show only when they apply
      assertThat(form.getText()).doesNotContain("网格员姓名").doesNotContain("急难情形说明");
      forms.fill(forms.field(dialog, "applicantEmail"), uniqueEmail("browser-assistance"));
      forms.fill(forms.field(dialog, "residenceAddress"), "嘉兴市南湖区新兴街道某小区1幢101室");
      WebElement window = forms.field(dialog, "applicationChannel-0");
      assertThat(window.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("本人（家庭）到窗口申请");
      forms.tick(window);
      forms.fill(forms.textarea(dialog, "householdMemberIds"), son);
      forms.fill(forms.textarea(dialog, "applicationReason"), "丈夫去世，本人无固定工作，独自抚养在学子女");
      forms.fill(forms.field(dialog, "disabledMembers"), "0");
      forms.fill(forms.field(dialog, "schoolChildren"), "1");
      forms.fill(forms.field(dialog, "unemployedMembers"), "0");
      forms.tick(forms.field(dialog, "authorizationSigned"));
      forms.tick(forms.field(dialog, "declarationSigned"));
      forms.screenshot("start-form");
      dialog.findElement(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal")));
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
      browser.manage().deleteAllCookies(); // the next clerk, on the same browser

      // the case started from the browser: its number, and what intake made of the form
      JsonNode started = await().atMost(WAIT).until(() -> get("admin",
          "/engine-rest/history/process-instance?processDefinitionKey={k}&variables=applicantIdNumber_eq_{id}",
          PROCESS_KEY, applicant).getBody(), l -> l.size() == 1).get(0);
      assertThat(started.get("startUserId").asText()).isEqualTo("qiantai");
      String caseNumber = started.get("businessKey").asText();
      String processInstanceId = started.get("id").asText();
      assertThat(variable(processInstanceId, CHANNEL).asText()).isEqualTo("WINDOW");
      assertThat(variable(processInstanceId, HOUSEHOLD_SIZE).asInt()).isEqualTo(2);
      assertThat(variable(processInstanceId, SCHOOL_CHILDREN).asInt()).isEqualTo(1);
      assertThat(variable(processInstanceId, AUTHORIZATION_SIGNED).asBoolean()).isTrue();
      // the economic check runs on the job executor before the township's task appears
      String taskId = awaitTask("xiangzhen", caseNumber, "Task_InvestigateHousehold");

      // the township clerk: the check report, not the ID numbers; claims, investigates, proposes approval
      forms.logIn(PORT, "xiangzhen", PASSWORD);
      browser.get("http://localhost:" + PORT + "/camunda/app/tasklist/default/#/?task=" + taskId);
      WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[cam-tasklist-task] section.task-card")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2.task"),
          "入户调查和民主评议"));
      wait.until(d -> "王秀英".equals(forms.field(task, "applicantName").getDomProperty("value")));
      WebElement report = forms.textarea(task, "checkReport");
      wait.until(d -> report.getDomProperty("value").contains("人社（工资、养老金）"));
      assertThat(report.getDomProperty("value")).contains("公安（户籍、车辆）", "银行（存款）");
      assertThat(browser.getPageSource()).doesNotContain(applicant).doesNotContain(son);
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task] button.unclaim")));
      wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty());
      WebElement investigation = browser.findElement(By.cssSelector("[cam-tasklist-task] .fjs-form"));
      assertThat(investigation.getText()).contains("入户调查和民主评议", "申请人", "申请家庭人口", "居住地址", "申请理由",
          "家庭经济状况核对报告（只核对不认定）", "入户调查日期", "核实的家庭人口", "核实的家庭月收入（元）",
          "核实的家庭金融资产（元）", "有劳动能力的成员人数", "有履行能力的法定赡养、抚养、扶养义务人", "入户调查情况",
          "民主评议结果", "乡镇（街道）初审意见", "符合条件，拟同意", "不符合条件，拟不同意")
          .doesNotContain("APPROVE").doesNotContain("REFUSE");
      // a first investigation: no empty 公示期异议 box
      assertThat(investigation.findElements(By.cssSelector("[id$='-Field_noticeObjection']"))).isEmpty();
      // form-js's date picker takes mm/dd/yyyy typed in
      WebElement date = investigation.findElement(By.cssSelector("input[id$='-Field_investigationDate-date']"));
      date.sendKeys(TestPeople.today().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
      forms.fill(forms.field(investigation, "verifiedHouseholdSize"), "2");
      forms.fill(forms.field(investigation, "verifiedMonthlyIncome"), "600");
      forms.fill(forms.field(investigation, "verifiedAssets"), "5000");
      forms.fill(forms.field(investigation, "membersAbleToWork"), "1");
      forms.fill(forms.textarea(investigation, "investigationFindings"), "入户核实：母子二人，住自有房一套，无车辆");
      forms.fill(forms.textarea(investigation, "democraticReview"), "村（居）民代表11人参加，一致同意");
      WebElement approve = forms.field(investigation, "townshipOpinion-0");
      assertThat(approve.findElement(By.xpath("./parent::label")).getText().trim()).isEqualTo("符合条件，拟同意");
      forms.tick(approve);
      // the form is taller than the task pane: its top, then its end
      forms.scrollTo(browser.findElement(By.cssSelector("[cam-tasklist-task] h2.task")));
      forms.screenshot("investigation-form");
      forms.scrollTo(approve);
      forms.screenshot("investigation-form-end");
      wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] section.task-card")));
      assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
      await().atMost(WAIT).until(() -> tasks("xiangzhen", caseNumber, "Task_InvestigateHousehold").isEmpty());

      // 公示: the township records objections, if any, for seven days
      awaitTask("xiangzhen", caseNumber, "Task_RecordNoticeObjection");
      assertThat(variable(processInstanceId, INVESTIGATION_DATE).asText()).isEqualTo(TestPeople.today().toString());
      assertThat(variable(processInstanceId, VERIFIED_SIZE).asInt()).isEqualTo(2);
      assertThat(variable(processInstanceId, VERIFIED_INCOME).asDouble()).isEqualTo(600.0);
      assertThat(variable(processInstanceId, VERIFIED_ASSETS).asDouble()).isEqualTo(5000.0);
      assertThat(variable(processInstanceId, ABLE_TO_WORK).asInt()).isEqualTo(1);
      assertThat(variable(processInstanceId, CAPABLE_SUPPORTER).asBoolean()).isFalse();
      assertThat(variable(processInstanceId, TOWNSHIP_OPINION).asText()).isEqualTo("APPROVE");
    } catch (Throwable t) {
      forms.screenshot("failure");
      throw t;
    }
  }

  /** A variable of the running instance, as admin. */
  private JsonNode variable(String processInstanceId, String name) {
    return get("admin", "/engine-rest/process-instance/{id}/variables/{name}", processInstanceId, name).getBody()
        .get("value");
  }







}
