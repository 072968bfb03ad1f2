package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.BrowserTestSupport;
import cn.jiaxing.yijianshi.HeadlessChromium;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import cn.jiaxing.yijianshi.marriagebirth.MarriageVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Browser smoke test of the 时限督办 (SLA) Cockpit plugins
 * ({@code webjars/camunda/app/cockpit/scripts/sla/sla-plugin.js}): a supervisor logs in to Cockpit
 * in headless Chromium and sees the dashboard card with the same figures as the SLA API, and a
 * case's 时限轨迹 tab. Needs Debian's chromium and chromium-driver ({@code /usr/bin/chromedriver});
 * skipped without them. Cockpit loads the plugin only when {@code app/cockpit/scripts/config.js}
 * lists it in {@code customScripts} ({@code 'scripts/sla/sla-plugin.js'}).
 */
class CockpitSlaCardIT extends BrowserTestSupport {

  @Override
  protected String browserLanguage() {
    return "en-US";
  }

  @Test
  void aSupervisorSeesTheSlaCardAndACaseTimelineInCockpit() throws IOException {
    List<String> instances = new ArrayList<>();
    String definitionId = null;
    for (int i = 0; i < 2; i++) {
      var started = submitStartForm(BirthVariables.PROCESS_KEY,
          TestApplications.birth(TestPeople.woman(29), TestPeople.man(31), uniqueEmail("x")));
      assertThat(started.getStatusCode().value()).isEqualTo(200);
      awaitTask("weijian", started.getBody().get("businessKey").asText(), "Task_VerifyBirthRecord");
      instances.add(started.getBody().get("id").asText());
      definitionId = started.getBody().get("definitionId").asText();
    }

    JsonNode dashboard = get("dubang", "/api/sla/dashboard?days=30").getBody();
    JsonNode wj = row(dashboard, BirthVariables.PROCESS_KEY, "wj");
    JsonNode wholeCase = row(dashboard, BirthVariables.PROCESS_KEY, "case");
    assertThat(wj.get("open").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(wholeCase.get("open").asInt()).isGreaterThanOrEqualTo(2);

    logIn("dubang");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-dashboard-table")));
    // the card and the API read the same records; on a database other tests' cases still move in (MySQL
    // suite), a step may close between the two reads: then both are read again
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode now = get("dubang", "/api/sla/dashboard?days=30").getBody();
      try {
        assertRowMatches(row(now, BirthVariables.PROCESS_KEY, "wj"));
        assertRowMatches(row(now, BirthVariables.PROCESS_KEY, "case"));
      } catch (AssertionError moved) {
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-dashboard-table")));
        throw moved;
      }
    });
    assertThat(browser.findElement(By.cssSelector("#sla-dashboard h3")).getText()).isEqualTo("时限督办 (SLA)");
    WebElement card = browser.findElement(By.id("sla-dashboard"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    saveScreenshot("cockpit-sla.png");

    // one case's 时限轨迹: the case-level promise and the open wj step
    browser.get(cockpit() + "#/process-instance/" + instances.get(0) + "/runtime");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='时限轨迹']"))).click();
    WebElement records = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-records-table")));
    JsonNode timeline = get("dubang", "/api/sla/process-instances/{id}", instances.get(0)).getBody();
    assertThat(timeline.get("records").size()).isGreaterThanOrEqualTo(2);
    assertThat(records.findElements(By.cssSelector("tbody tr"))).hasSize(timeline.get("records").size());
    for (JsonNode expected : timeline.get("records")) {
      WebElement row = records.findElement(By.cssSelector("tr[data-step='" + expected.get("stepId").asText() + "']"));
      assertThat(row.findElement(By.className("sla-step")).getText()).isEqualTo(expected.get("stepName").asText());
      assertThat(row.findElement(By.className("sla-department")).getText())
          .isEqualTo(expected.get("departmentName").asText());
      assertThat(row.findElement(By.className("sla-policy")).getDomAttribute("title"))
          .isEqualTo(expected.get("policy").asText());
      assertThat(row.getDomAttribute("data-state")).isEqualTo(expected.get("state").asText());
    }
    assertThat(records.findElement(By.cssSelector("tr[data-step='case'] .sla-department")).getText())
        .isEqualTo("全案承诺时限");
    assertThat(records.findElements(By.cssSelector("tr[data-step='Task_VerifyBirthRecord']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#sla-instance .alert-danger"))).isEmpty();
    saveScreenshot("cockpit-sla-instance.png");

    // the definition's 超期与即将超期 list: fresh cases are on track, so an empty list (not an error)
    browser.get(cockpit() + "#/process-definition/" + definitionId + "/runtime");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='超期与即将超期']"))).click();
    WebElement list = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sla-definition .sla-body")));
    wait.until(d -> !list.getText().contains("正在加载"));
    assertThat(browser.findElements(By.cssSelector("#sla-definition .alert-danger"))).isEmpty();
    assertThat(list.findElements(By.id("sla-steps-table")).isEmpty() ? list.getText() : "table")
        .isIn("table", "暂无即将超期或已超期的环节。");
  }

  /**
   * The 督办 view on the dashboard: a finished case (which Cockpit CE will not open) found by its number with its
   * 时限轨迹; the report over the period as the API counts it, with its chart; the spreadsheet the button downloads
   * holds the same figures.
   */
  @Test
  void aSupervisorFindsAFinishedCasesTimelineAndTakesTheReportOut() throws Exception {
    var started = submitStartForm(MarriageVariables.PROCESS_KEY, new java.util.HashMap<>(java.util.Map.of(
        MarriageVariables.GROOM_NAME, "沈建国", MarriageVariables.GROOM_ID_NUMBER, TestPeople.man(34),
        MarriageVariables.BRIDE_NAME, "陆晓燕", MarriageVariables.BRIDE_ID_NUMBER, TestPeople.woman(32),
        MarriageVariables.DECLARATION_SIGNED, true, MarriageVariables.BOTH_PRESENT, true)));
    String caseNumber = started.getBody().get("businessKey").asText();
    String task = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    assertThat(submitTask("minzheng", task, java.util.Map.of(MarriageVariables.PARTIES_PRESENT, true,
        MarriageVariables.VOLUNTARY, true, MarriageVariables.NO_PROHIBITED_KINSHIP, true,
        MarriageVariables.MARRIAGE_APPROVED, true)).getStatusCode().value()).isEqualTo(204);
    awaitCaseStatus(caseNumber, "COMPLETED");

    logIn("dubang");
    WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-case-number")));
    number.sendKeys("JXJH2026");
    browser.findElement(By.id("sla-case-search")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-case-result"), "请输入完整的办件编号"));
    number.clear();
    number.sendKeys(caseNumber);
    browser.findElement(By.id("sla-case-search")).click();
    WebElement records = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sla-case-result #sla-records-table")));
    JsonNode timeline = get("dubang", "/api/sla/cases/{n}", caseNumber).getBody();
    assertThat(records.findElements(By.cssSelector("tbody tr"))).hasSize(timeline.get("records").size());
    assertThat(records.findElement(By.cssSelector("tr[data-step='Task_ConfirmMarriageRegistration']")).getDomAttribute("data-state"))
        .isEqualTo("MET");
    assertThat(browser.findElement(By.id("sla-case-status")).getText()).isEqualTo("已办结");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
        browser.findElement(By.id("sla-supervision")));
    saveScreenshot("cockpit-case-timeline.png");

    // the report for the period in the form, as the API counts it (other tests' cases may move on: then again)
    String from = browser.findElement(By.id("sla-report-from")).getDomProperty("value");
    String to = browser.findElement(By.id("sla-report-to")).getDomProperty("value");
    await().atMost(WAIT).untilAsserted(() -> {
      browser.findElement(By.id("sla-report-show")).click();
      WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sla-report-result #sla-report-table")));
      JsonNode api = get("dubang", "/api/sla/report?from={f}&to={t}", from, to).getBody();
      JsonNode row = StreamSupport.stream(api.get("rows").spliterator(), false)
          .filter(r -> r.get("processKey").asText().equals(MarriageVariables.PROCESS_KEY)
              && r.get("stepId").asText().equals("Task_ConfirmMarriageRegistration")).findFirst().orElseThrow();
      assertThat(row.get("completed").asInt()).isPositive();
      assertThat(report.findElements(By.cssSelector("tbody tr"))).hasSize(api.get("rows").size());
      WebElement shown = report.findElement(By.cssSelector("tr[data-process='" + MarriageVariables.PROCESS_KEY
          + "'][data-step='Task_ConfirmMarriageRegistration']"));
      assertThat(shown.findElement(By.className("sla-completed-count")).getText()).isEqualTo(row.get("completed").asText());
      assertThat(browser.findElements(By.cssSelector("#sla-report-chart rect[data-met]"))).isNotEmpty();
    });
    assertThat(browser.findElements(By.cssSelector("#sla-supervision .alert-danger"))).isEmpty();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
        browser.findElement(By.id("sla-report-form")));
    saveScreenshot("cockpit-sla-report.png");

    String href = browser.findElement(By.id("sla-report-download")).getDomProperty("href");

    // the definition's diagram: each step coloured by its breach rate over 90 days and labelled with its median
    browser.get(cockpit() + "#/process-definition/" + started.getBody().get("definitionId").asText() + "/runtime");
    WebElement heat = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".sla-heat-label[data-step='Task_ConfirmMarriageRegistration']")));
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode recent = get("dubang", "/api/sla/report?from={f}&to={t}", heat.getDomAttribute("data-from"),
          heat.getDomAttribute("data-to")).getBody();
      int completed = 0;
      int missed = 0;
      for (JsonNode r : recent.get("rows")) {
        if (r.get("processKey").asText().equals(MarriageVariables.PROCESS_KEY)
            && r.get("stepId").asText().equals("Task_ConfirmMarriageRegistration")) {
          completed += r.get("completed").asInt();
          missed += r.get("missed").asInt();
        }
      }
      assertThat(heat.getDomAttribute("title")).isEqualTo("近90日办结 " + completed + "，超期 " + missed);
    });
    assertThat(heat.getText()).startsWith("超期 ").contains("中位 ").endsWith("小时");
    saveScreenshot("cockpit-sla-heat.png");

    // the button's spreadsheet, fetched with the supervisor's session as the browser would download it
    Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
          .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
          .catch(e => done('failed ' + e));
        """, href);
    byte[] xlsx = java.util.Base64.getDecoder().decode(String.valueOf(base64));
    JsonNode api = get("dubang", "/api/sla/report?from={f}&to={t}", from, to).getBody();
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时限统计：" + from + " 至 " + to);
      JsonNode row = StreamSupport.stream(api.get("rows").spliterator(), false)
          .filter(r -> r.get("processKey").asText().equals(MarriageVariables.PROCESS_KEY)
              && r.get("stepId").asText().equals("Task_ConfirmMarriageRegistration")).findFirst().orElseThrow();
      var cells = java.util.stream.IntStream.rangeClosed(2, sheet.getLastRowNum()).mapToObj(sheet::getRow)
          .filter(r -> r.getCell(0).getStringCellValue().equals(row.get("processName").asText())
              && r.getCell(2).getStringCellValue().equals(row.get("stepName").asText())
              && r.getCell(1).getStringCellValue().equals(row.get("departmentName").asText()))
          .findFirst().orElseThrow();
      assertThat((int) cells.getCell(3).getNumericCellValue()).isEqualTo(row.get("completed").asInt());
      assertThat((int) cells.getCell(5).getNumericCellValue()).isEqualTo(row.get("missed").asInt());
    }
  }

  /**
   * A clerk logged in to Tasklist has a webapp session but no supervision rights: the card says so
   * in Chinese (403); without any session it asks to log in again (401).
   */
  @Test
  void theCardExplainsMissingRightsAndAMissingLoginInChinese() {
    logIn("weijian", "http://localhost:" + PORT + "/camunda/app/tasklist/default/");
    assertThat(renderDashboardCardOffPage()).contains("403").contains("无权查看时限督办数据");

    browser.manage().deleteAllCookies();
    assertThat(renderDashboardCardOffPage()).contains("401").contains("请重新登录");
  }

  /** Renders the dashboard plugin (the module Cockpit loads) into a detached node; its text once loaded. */
  private String renderDashboardCardOffPage() {
    Object text = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/camunda/app/cockpit/scripts/sla/sla-plugin.js').then(m => {
          const plugin = m.default.find(p => p.id === 'sla-dashboard');
          const node = document.createElement('div');
          plugin.render(node, {api: {adminApi: '/camunda/api/admin', engine: 'default'}});
          const started = Date.now();
          const poll = setInterval(() => {
            if (!node.textContent.includes('正在加载') || Date.now() - started > 20000) {
              clearInterval(poll);
              plugin.unmount();
              done(node.textContent);
            }
          }, 100);
        }).catch(e => done('import failed: ' + e));
        """);
    return String.valueOf(text);
  }

  private void logIn(String user) {
    logIn(user, cockpit());
  }

  private void logIn(String user, String app) {
    HeadlessChromium.logIn(browser, wait, app, user, PASSWORD);
  }

  private String cockpit() {
    return "http://localhost:" + PORT + "/camunda/app/cockpit/default/";
  }

  /** The dashboard card's row must show the API's figures. */
  private void assertRowMatches(JsonNode expected) {
    WebElement row = browser.findElement(By.cssSelector("#sla-dashboard-table tr[data-process='"
        + expected.get("processKey").asText() + "'][data-department='" + expected.get("department").asText() + "']"));
    assertThat(cell(row, "sla-open")).isEqualTo(expected.get("open").asText());
    assertThat(cell(row, "sla-due-soon")).isEqualTo(expected.get("dueSoon").asText());
    assertThat(cell(row, "sla-overdue")).isEqualTo(expected.get("overdue").asText());
    assertThat(cell(row, "sla-paused")).isEqualTo(expected.get("paused").asText());
    assertThat(cell(row, "sla-met-share")).isEqualTo(expected.get("metShare").isNull() ? "—"
        : String.format(Locale.ROOT, "%.1f%%", expected.get("metShare").asDouble() * 100));
  }

  private static String cell(WebElement row, String cssClass) {
    return row.findElement(By.className(cssClass)).getText().trim();
  }

  private static JsonNode row(JsonNode dashboard, String processKey, String department) {
    return StreamSupport.stream(dashboard.get("rows").spliterator(), false)
        .filter(r -> r.get("processKey").asText().equals(processKey) && r.get("department").asText().equals(department))
        .findFirst().orElseThrow(() -> new AssertionError("no dashboard row " + processKey + "/" + department));
  }

}
