package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * 未成年人保护 through the REST API as the front desk, 公安, the protection centre, the procuratorate, the social
 * worker, the township's 儿童主任 and the closure approver do it in Tasklist; the court over HTTP (filings to the
 * simulator, its decisions as messages from the court's system).
 */
class ChildProtectionIT extends FullStackTestSupport {

  private record Reported(String caseNumber, String processInstanceId, String child, String childName) {
  }

  private Reported report(String email) {
    String child = TestPeople.man(9);
    String name = "小明" + Long.toString(System.nanoTime() % 1_000_000, 36);
    var started = submitStartForm(PROCESS_KEY, TestApplications.childProtectionReport(child, name, email));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    return new Reported(started.getBody().get("businessKey").asText(), started.getBody().get("id").asText(), child, name);
  }

  private List<String> asked(String caseNumber) {
    JsonNode requests = simulatorRequests(caseNumber + ":");
    return StreamSupport.stream(requests.spliterator(), false)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText() + "×" + r.get("timesAsked").asInt())
        .toList();
  }

  /** The court's system sends its decision (an account with the right to correlate messages). */
  private int courtDecides(String caseNumber, String message, Map<String, Object> decision) {
    var vars = json.createObjectNode();
    decision.forEach((k, v) -> vars.set(k, json.createObjectNode().putPOJO("value", v)));
    var body = json.createObjectNode().put("messageName", message).put("businessKey", caseNumber);
    body.set("processVariables", vars);
    return post("admin", "/engine-rest/message", body).getStatusCode().value();
  }

  /** The operator runs a timer now (a visit due in a month; a limit an hour away), as the engine would then. */
  private void runTimer(Reported c, String activityId) {
    String job = await().atMost(Duration.ofSeconds(30)).until(() -> get("admin",
        "/engine-rest/job?processInstanceId={pi}&activityId={a}", c.processInstanceId(), activityId).getBody(),
        jobs -> jobs.size() == 1).get(0).get("id").asText();
    assertThat(post("admin", "/engine-rest/job/{id}/execute", Map.of(), job).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aReportIsAnsweredAssessedIntervenedAndMonitoredToClosureByTheRightPeople() {
    String email = uniqueEmail("reporter");
    Reported c = report(email);

    // the front desk recorded the report and cannot read the file afterwards
    assertThat(get("qiantai", "/api/cases/{n}", c.caseNumber()).getStatusCode().value()).isEqualTo(403);
    assertThat(get("qiantai", "/engine-rest/process-instance/{id}/variables", c.processInstanceId()).getBody().toString())
        .doesNotContain(c.child(), c.childName());
    assertThat(get("minjing", "/api/cases/{n}", c.caseNumber()).getStatusCode().value()).isIn(403, 401);

    String accept = awaitTask("minjing", c.caseNumber(), "Task_AcceptReport");
    assertThat(tasks("baohu", c.caseNumber(), "Task_AcceptReport")).isEmpty();
    JsonNode vars = get("minjing", "/engine-rest/task/{id}/form-variables", accept).getBody();
    assertThat(vars.path(CHILD_NAME).path("value").asText()).isEqualTo(c.childName());
    assertThat(submitTask("minjing", accept, Map.of(POLICE_CASE_NUMBER, "A3304020000001", DANGER, "DANGER",
        ACCEPTANCE_NOTE, "已受案")).getStatusCode().value()).isEqualTo(204);
    String onSite = awaitTask("minjing", c.caseNumber(), "Task_RespondOnSite");
    assertThat(submitTask("minjing", onSite, Map.of(PLACEMENT, "PROTECTION_CENTRE", ON_SITE_NOTE, "送救助保护中心",
        PROTECTION_ORDER, "REQUEST_URGENT")).getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> asked(c.caseNumber()),
        a -> a.contains("fy/protection-order-applications×1"));
    // the court's decision must say what was decided
    assertThat(courtDecides(c.caseNumber(), PROTECTION_ORDER_MESSAGE, Map.of(PROTECTION_ORDER_NUMBER, "(2026)浙0402民保令1号")))
        .isEqualTo(400);
    assertThat(courtDecides(c.caseNumber(), PROTECTION_ORDER_MESSAGE, Map.of(PROTECTION_ORDER_GRANTED, true,
        PROTECTION_ORDER_NUMBER, "(2026)浙0402民保令1号"))).isEqualTo(204);

    // the protection centre assesses; it sees the child, not who reported
    String assess = awaitTask("baohu", c.caseNumber(), "Task_AssessChild");
    vars = get("baohu", "/engine-rest/task/{id}/form-variables", assess).getBody();
    assertThat(vars.toString()).contains(c.childName()).doesNotContain("李老师", "0573-82000000", c.child());
    assertThat(submitTask("baohu", assess, Map.of(RISK_LEVEL, "HIGH", ASSESSMENT, "家庭暴力，高风险", HELP_PLAN, "心理疏导",
        HELP_DEPARTMENTS, "[\"COUNSELLING\"]", GUARDIANSHIP, "REMOVAL_NEEDED")).getStatusCode().value()).isEqualTo(204);
    String counsel = awaitTask("shegong", c.caseNumber(), "Task_ProvideCounselling");
    assertThat(submitTask("shegong", counsel, Map.of(HELP_PROVIDED, "每周一次心理疏导")).getStatusCode().value()).isEqualTo(204);
    String advice = awaitTask("jiancha", c.caseNumber(), "Task_IssueProcuratorialAdvice");
    assertThat(submitTask("jiancha", advice, Map.of(ADVICE_NUMBER, "嘉检未建〔2026〕3号", ADVICE, "建议申请撤销监护人资格"))
        .getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> asked(c.caseNumber()), a -> a.contains("fy/guardianship-suits×1"));
    assertThat(courtDecides(c.caseNumber(), JUDGMENT_MESSAGE, Map.of(GUARDIAN_REMOVED, true, JUDGMENT_NUMBER, "(2026)浙04民特1号")))
        .isEqualTo(204);
    String longTerm = awaitTask("baohu", c.caseNumber(), "Task_ArrangeLongTermGuardianship");
    assertThat(submitTask("baohu", longTerm, Map.of(LONG_TERM_CARE_PLACE, "民政部门长期监护，家庭寄养")).getStatusCode().value())
        .isEqualTo(204);

    // monitoring: the monthly visit, then closure approved by the supervisor of the protection work
    runTimer(c, "Timer_VisitDue");
    String visit = awaitTask("ertong", c.caseNumber(), "Task_RecordVisit");
    assertThat(get("ertong", "/engine-rest/task/{id}/form-variables", visit).getBody().toString()).doesNotContain(c.child());
    assertThat(submitTask("ertong", visit, Map.of(VISIT_DATE, TestPeople.today().toString(), VISIT_NOTE, "寄养家庭照料良好",
        PROPOSE_CLOSURE, true)).getStatusCode().value()).isEqualTo(204);
    String close = awaitTask("jiean", c.caseNumber(), "Task_ApproveClosure");
    assertThat(submitTask("dubang", close, Map.of(CLOSURE_DECISION, "APPROVE")).getStatusCode().value()).isNotEqualTo(204);
    assertThat(submitTask("jiean", close, Map.of(CLOSURE_DECISION, "APPROVE")).getStatusCode().value()).isEqualTo(204);
    // (the front desk's progress query is closed to this case: the supervisor looks)
    await().atMost(Duration.ofSeconds(45)).until(() -> get("dubang", "/api/cases/{n}", c.caseNumber()).getBody(),
        b -> "COMPLETED".equals(b.path("status").asText()));

    // the reporter is told the report was accepted and the case closed — nothing about the child
    var mails = awaitMail(email, 2);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【受理回执】"));
    assertThat(String.join("\n", mails)).doesNotContain(c.childName(), c.child(), "淤青", "殴打", "寄养");
  }

  @Test
  void aLateFirstResponseIsEscalatedAtOnceAndSupervisorsSeeIt() {
    Reported c = report(uniqueEmail("late"));
    awaitTask("minjing", c.caseNumber(), "Task_AcceptReport");
    runTimer(c, "Boundary_FirstResponseOverdue");
    JsonNode timeline = await().atMost(Duration.ofSeconds(30)).until(() -> get("dubang",
        "/api/sla/process-instances/{pi}", c.processInstanceId()).getBody(), t -> t != null && t.has("records")
        && StreamSupport.stream(t.get("records").spliterator(), false)
            .anyMatch(r -> r.get("stepId").asText().equals("Task_AcceptReport") && !r.path("escalatedAt").isNull()));
    assertThat(timeline.toString()).doesNotContain(c.childName(), c.child());
    // the police's task is still open: the timer escalates, it does not take the case away
    assertThat(tasks("minjing", c.caseNumber(), "Task_AcceptReport")).hasSize(1);
    assertThat(get("dubang", "/api/cases/{n}", c.caseNumber()).getStatusCode().value()).isEqualTo(200);
  }
}
