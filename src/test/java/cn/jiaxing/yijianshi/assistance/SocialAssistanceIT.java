package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * 社会救助一件事 through the REST API as the front desk, the township, the county and the aid departments do it in
 * Tasklist; the sources of the economic check simulated over HTTP.
 */
class SocialAssistanceIT extends FullStackTestSupport {

  private record Started(String caseNumber, String processInstanceId) {
  }

  private Started apply(Map<String, Object> application) {
    var started = submitStartForm(PROCESS_KEY, application);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    return new Started(started.getBody().get("businessKey").asText(), started.getBody().get("id").asText());
  }

  private List<String> asked(String caseNumber) {
    JsonNode requests = simulatorRequests(caseNumber + ":");
    return StreamSupport.stream(requests.spliterator(), false)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText() + "×" + r.get("timesAsked").asInt())
        .toList();
  }

  private JsonNode formVariables(String user, String taskId) {
    return get(user, "/engine-rest/task/{id}/form-variables", taskId).getBody();
  }

  private Map<String, Object> investigation(String opinion) {
    Map<String, Object> v = new HashMap<>();
    v.put(INVESTIGATION_DATE, TestPeople.today().toString());
    v.put(VERIFIED_SIZE, 2);
    v.put(VERIFIED_INCOME, 600);
    v.put(VERIFIED_ASSETS, 5000);
    v.put(ABLE_TO_WORK, 1);
    v.put(CAPABLE_SUPPORTER, false);
    v.put(FINDINGS, "入户核实：母子二人，住自有房一套，无车辆");
    v.put(DEMOCRATIC_REVIEW, "村（居）民代表11人参加，一致同意");
    v.put(TOWNSHIP_OPINION, opinion);
    return v;
  }

  /** 公示 is seven days: the operator runs its timer now, as the engine would on the seventh day. */
  private void noticePeriodOver(Started c) {
    String job = await().atMost(Duration.ofSeconds(30)).until(() -> get("admin",
        "/engine-rest/job?processInstanceId={pi}&activityId=Boundary_NoticePeriodOver", c.processInstanceId()).getBody(),
        jobs -> jobs.size() == 1).get(0).get("id").asText();
    assertThat(post("admin", "/engine-rest/job/{id}/execute", Map.of(), job).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aTownshipClerkTakesOneApplicationThroughCheckNoticeApprovalAndEveryCompanionAid() {
    String email = uniqueEmail("assistance");
    String applicant = TestPeople.woman(44);
    String son = TestPeople.man(13);
    Map<String, Object> form = TestApplications.socialAssistance(applicant, son, email);
    form.put(SERIOUS_ILLNESS, true);
    Started c = apply(form);

    // the township sees the check report (each source once, by the household's authorization), not the ID numbers
    String investigate = awaitTask("xiangzhen", c.caseNumber(), "Task_InvestigateHousehold");
    assertThat(asked(c.caseNumber())).containsExactlyInAnyOrder("ga/household-economic-facts×1",
        "rs/household-economic-facts×1", "bdc/household-economic-facts×1", "scjg/household-economic-facts×1",
        "sw/household-economic-facts×1", "gjj/household-economic-facts×1", "yh/household-economic-facts×1");
    JsonNode vars = formVariables("xiangzhen", investigate);
    assertThat(vars.path(CHECK_REPORT).path("value").asText()).contains("公安（户籍、车辆）：户籍登记 2 人",
        "人社（工资、养老金）：1 人领取城乡居民基本养老金，月 600 元", "银行（存款）：家庭成员在嘉银行存款合计");
    assertThat(vars.toString()).doesNotContain(applicant, son);
    // nobody else sees the township's task
    assertThat(tasks("jiuzhu", c.caseNumber(), "Task_InvestigateHousehold")).isEmpty();
    assertThat(tasks("qiantai", c.caseNumber(), "Task_InvestigateHousehold")).isEmpty();
    // what intake validated is not the township's to change
    Map<String, Object> rewrite = investigation("APPROVE");
    rewrite.put(MEMBER_IDS, TestPeople.man(20));
    assertThat(submitTask("xiangzhen", investigate, rewrite).getStatusCode().value()).isEqualTo(403);
    rewrite = investigation("APPROVE");
    rewrite.put(CHECK_REPORT, "各部门均未查询到收入和财产");
    assertThat(submitTask("xiangzhen", investigate, rewrite).getStatusCode().value()).isEqualTo(403);
    assertThat(submitTask("xiangzhen", investigate, investigation("APPROVE")).getStatusCode().value()).isEqualTo(204);

    // 公示: seven days without objection, then the county decides on the table's proposal
    awaitTask("xiangzhen", c.caseNumber(), "Task_RecordNoticeObjection");
    noticePeriodOver(c);
    String confirm = awaitTask("jiuzhu", c.caseNumber(), "Task_ConfirmAssistance");
    vars = formVariables("jiuzhu", confirm);
    assertThat(vars.path(PROPOSED_CATEGORY).path("value").asText()).isEqualTo("DIBAO");
    assertThat(vars.path(INCOME_PER_PERSON).path("value").asLong()).isEqualTo(300);
    assertThat(submitTask("jiuzhu", confirm, Map.of(DECISION, "TEKUN")).getStatusCode().value()).isEqualTo(400);
    assertThat(submitTask("jiuzhu", confirm, Map.of(DECISION, "DIBAO")).getStatusCode().value()).isEqualTo(204);

    // the aid departments decide in parallel, each seeing only what its aid needs
    String medical = awaitTask("yibao", c.caseNumber(), "Task_DecideMedicalAid");
    String education = awaitTask("jiaoyu", c.caseNumber(), "Task_DecideEducationAid");
    String charity = awaitTask("cishan", c.caseNumber(), "Task_ReferToCharity");
    assertThat(tasks("jiaoyu", c.caseNumber(), "Task_DecideMedicalAid")).isEmpty();
    assertThat(formVariables("yibao", medical).has(SERIOUS_ILLNESS)).isTrue();
    assertThat(formVariables("jiaoyu", education).has(SERIOUS_ILLNESS)).isFalse();
    assertThat(formVariables("jiaoyu", education).path(SCHOOL_CHILDREN).path("value").asInt()).isEqualTo(1);
    assertThat(submitTask("jiaoyu", education, Map.of(AID_OUTCOME, "APPROVED")).getStatusCode().value()).isEqualTo(400);
    assertThat(submitTask("jiaoyu", education, Map.of(AID_OUTCOME, "APPROVED", AID_AMOUNT, 1500, AID_SERVICE, "免除学杂费"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(submitTask("yibao", medical, Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "资助参加城乡居民医保，住院自付费用按70%救助"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(submitTask("cishan", charity, Map.of(AID_OUTCOME, "REFUSED", AID_REASON, "本年度重病帮扶项目名额已满，已转介红十字会"))
        .getStatusCode().value()).isEqualTo(204);

    awaitCaseStatus(c.caseNumber(), "COMPLETED");
    assertThat(asked(c.caseNumber())).contains("mzjz/assistance-grants×1");
    var mails = awaitMail(email, 6);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【受理回执】"));
    assertThat(mails).filteredOn(m -> m.contains("【办理进度】")).hasSize(4);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【办结通知】", "最低生活保障（低保）", "每月 1820.00 元",
        "教育救助（教育局）：给予救助：1500.00 元；免除学杂费", "医疗救助（医保局）", "慈善帮扶（慈善总会）：不予救助"));
    assertThat(String.join("\n", mails)).doesNotContain(applicant, son);
    // the household stays followed up: the re-check waits a year
    assertThat(get("admin", "/engine-rest/job?processInstanceId={pi}&activityId=Timer_RecheckDue", c.processInstanceId())
        .getBody()).hasSize(1);
  }

  @Test
  void aSourceThatDoesNotAnswerIsFlaggedAndTheTownshipAsksItAgain() {
    injectFaults("sw", "household-economic-facts", "BEFORE_WORK", 1);
    Started c = apply(TestApplications.socialAssistance(TestPeople.woman(41), TestPeople.man(10), uniqueEmail("silent")));
    String review = awaitTask("xiangzhen", c.caseNumber(), "Task_ReviewMissingSources");
    assertThat(formVariables("xiangzhen", review).path(CHECK_MISSING).path("value").asText()).isEqualTo("税务（应税收入）");
    assertThat(get("admin", "/engine-rest/incident?processInstanceId={pi}", c.processInstanceId()).getBody()).isEmpty();
    assertThat(submitTask("xiangzhen", review, Map.of(CHECK_FOLLOW_UP, "RERUN")).getStatusCode().value()).isEqualTo(204);
    String investigate = awaitTask("xiangzhen", c.caseNumber(), "Task_InvestigateHousehold");
    assertThat(formVariables("xiangzhen", investigate).path(CHECK_REPORT).path("value").asText())
        .contains("税务（应税收入）：未查询到").doesNotContain("未答复");
    assertThat(asked(c.caseNumber())).filteredOn(a -> a.startsWith("sw/")).containsExactly("sw/household-economic-facts×1");
  }

  @Test
  void withoutTheAuthorizationNoDepartmentIsAskedAndADeclineRefusesTheCase() {
    String email = uniqueEmail("unsigned");
    Map<String, Object> form = TestApplications.socialAssistance(TestPeople.woman(39), TestPeople.man(9), email);
    form.put(AUTHORIZATION_SIGNED, false);
    Started c = apply(form);
    String collect = awaitTask("xiangzhen", c.caseNumber(), "Task_CollectAuthorization");
    assertThat(asked(c.caseNumber())).isEmpty();
    assertThat(submitTask("xiangzhen", collect, Map.of(AUTHORIZATION_OUTCOME, "MAYBE")).getStatusCode().value()).isEqualTo(400);
    assertThat(submitTask("xiangzhen", collect, Map.of(AUTHORIZATION_OUTCOME, "DECLINED")).getStatusCode().value()).isEqualTo(204);
    JsonNode closed = awaitCaseStatus(c.caseNumber(), "REFUSED");
    assertThat(closed.toString()).contains("未签署《家庭经济状况核对授权书》");
    assertThat(asked(c.caseNumber())).isEmpty();
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("未签署《家庭经济状况核对授权书》"));
  }

  @Test
  void anObjectionAtTheWindowSendsTheCaseBackAndAHouseholdAboveTheLineIsRefusedInWriting() {
    // sequence 80x: the sources report wages well above the 低保 line
    String email = uniqueEmail("objection");
    Started c = apply(TestApplications.socialAssistance(TestPeople.withSequencePrefix(false, 38, "80"),
        TestPeople.man(8), email));
    String investigate = awaitTask("xiangzhen", c.caseNumber(), "Task_InvestigateHousehold");
    assertThat(formVariables("xiangzhen", investigate).path(CHECK_REPORT).path("value").asText()).contains("月工资收入合计 5200 元");
    assertThat(submitTask("xiangzhen", investigate, investigation("APPROVE")).getStatusCode().value()).isEqualTo(204);
    String notice = awaitTask("xiangzhen", c.caseNumber(), "Task_RecordNoticeObjection");
    assertThat(submitTask("xiangzhen", notice, Map.of(NOTICE_OBJECTION, "x".repeat(100_000))).getStatusCode().value())
        .isEqualTo(400);
    assertThat(submitTask("xiangzhen", notice, Map.of(NOTICE_OBJECTION, "群众反映申请人在企业上班，月工资五千余元"))
        .getStatusCode().value()).isEqualTo(204);
    investigate = awaitTask("xiangzhen", c.caseNumber(), "Task_InvestigateHousehold");
    assertThat(formVariables("xiangzhen", investigate).path(NOTICE_OBJECTION).path("value").asText()).contains("月工资五千余元");
    Map<String, Object> found = investigation("REFUSE");
    found.put(VERIFIED_INCOME, 5200);
    assertThat(submitTask("xiangzhen", investigate, found).getStatusCode().value()).isEqualTo(204);
    String confirm = awaitTask("jiuzhu", c.caseNumber(), "Task_ConfirmAssistance");
    assertThat(formVariables("jiuzhu", confirm).path(PROPOSED_CATEGORY).path("value").asText()).isEqualTo("REFUSED");
    assertThat(submitTask("jiuzhu", confirm, Map.of(DECISION, "REFUSED")).getStatusCode().value()).isEqualTo(204);
    String refusal = awaitTask("jiuzhu", c.caseNumber(), "Task_WriteRefusalNotice");
    assertThat(submitTask("jiuzhu", refusal, Map.of(REFUSAL_NOTICE, "经入户调查和核对，您家庭人均月收入2600元，高于当地低保标准。"))
        .getStatusCode().value()).isEqualTo(204);
    awaitCaseStatus(c.caseNumber(), "REFUSED");
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("不予救助：经入户调查和核对"));
  }

  @Test
  void twoAidClerksCompletingAtOnceLoseNothing() throws Exception {
    String email = uniqueEmail("together");
    Map<String, Object> form = TestApplications.socialAssistance(TestPeople.woman(42), TestPeople.man(14), email);
    form.put(UNEMPLOYED_MEMBERS, 1);
    Started c = apply(form);
    String investigate = awaitTask("xiangzhen", c.caseNumber(), "Task_InvestigateHousehold");
    assertThat(submitTask("xiangzhen", investigate, investigation("APPROVE")).getStatusCode().value()).isEqualTo(204);
    awaitTask("xiangzhen", c.caseNumber(), "Task_RecordNoticeObjection");
    noticePeriodOver(c);
    String confirm = awaitTask("jiuzhu", c.caseNumber(), "Task_ConfirmAssistance");
    assertThat(submitTask("jiuzhu", confirm, Map.of(DECISION, "DIBAO")).getStatusCode().value()).isEqualTo(204);
    String medical = awaitTask("yibao", c.caseNumber(), "Task_DecideMedicalAid");
    String education = awaitTask("jiaoyu", c.caseNumber(), "Task_DecideEducationAid");
    String employment = awaitTask("renshe", c.caseNumber(), "Task_DecideEmploymentAid");
    Map<String, Map<String, Object>> answers = Map.of(
        "yibao", Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "资助参保"),
        "jiaoyu", Map.of(AID_OUTCOME, "APPROVED", AID_AMOUNT, 800),
        "renshe", Map.of(AID_OUTCOME, "REFUSED", AID_REASON, "已就业"));
    Map<String, String> taskOf = Map.of("yibao", medical, "jiaoyu", education, "renshe", employment);
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    Map<String, java.util.concurrent.Future<ResponseEntity<JsonNode>>> statuses = new HashMap<>();
    for (String clerk : answers.keySet()) {
      statuses.put(clerk, pool.submit(() -> {
        start.await();
        return submitTask(clerk, taskOf.get(clerk), answers.get(clerk));
      }));
    }
    start.countDown();
    for (var e : statuses.entrySet()) {
      ResponseEntity<JsonNode> answer = e.getValue().get();
      int status = answer.getStatusCode().value();
      // a clerk who collided is told to submit again (409, in Chinese); the second submission goes through
      assertThat(status).as(e.getKey() + ": " + answer.getBody()).isIn(204, 409);
      if (status == 409) {
        assertThat(submitTask(e.getKey(), taskOf.get(e.getKey()), answers.get(e.getKey())).getStatusCode().value())
            .isEqualTo(204);
      }
    }
    pool.shutdown();
    awaitCaseStatus(c.caseNumber(), "COMPLETED");
    assertThat(awaitMail(email, 6)).anySatisfy(m -> assertThat(m).contains("【办结通知】", "医疗救助（医保局）：给予救助：资助参保",
        "教育救助（教育局）：给予救助：800.00 元", "就业救助（人社局）：不予救助：已就业"));
  }
}
