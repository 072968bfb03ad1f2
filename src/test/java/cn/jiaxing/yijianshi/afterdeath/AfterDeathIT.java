package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * 身后一件事 through the REST API as the front desk and the funeral home, the departments simulated over
 * HTTP (README, Simulated departments: the deceased's ID sequence code chooses their answers).
 */
class AfterDeathIT extends FullStackTestSupport {

  private List<String> asked(String caseNumber) {
    JsonNode requests = simulatorRequests(caseNumber + ":");
    return StreamSupport.stream(requests.spliterator(), false)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText() + "×" + r.get("timesAsked").asInt())
        .toList();
  }

  private String apply(String deceased, String email) {
    var started = submitStartForm(PROCESS_KEY, TestApplications.afterDeath(deceased, TestPeople.woman(52), email));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    return started.getBody().get("businessKey").asText();
  }

  private void cremate(String caseNumber) {
    String task = awaitTask("binzang", caseNumber, "Task_ArrangeFuneral");
    assertThat(tasks("minzheng", caseNumber, "Task_ArrangeFuneral")).isEmpty();
    assertThat(submitTask("binzang", task, Map.of(CREMATION_DATE, TestPeople.today().minusDays(1).toString(),
        CREMATION_CERTIFICATE_NUMBER, "HH330400-0042")).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aFamilyAppliesOnceAndEveryDepartmentDoesItsPartOnce() {
    String email = uniqueEmail("family");
    // sequence 91x: a 残疾人证 holder; born 85 years ago: 高龄津贴
    String deceased = TestPeople.withSequencePrefix(true, 85, "91");
    String caseNumber = apply(deceased, email);
    // the funeral home sees what the 惠民殡葬 decision gave, not the family's ID numbers
    String task = awaitTask("binzang", caseNumber, "Task_ArrangeFuneral");
    JsonNode vars = get("binzang", "/engine-rest/task/{id}/form-variables", task).getBody();
    assertThat(vars.path(FREE_FUNERAL_ITEMS).path("value").asText()).contains("遗体火化");
    assertThat(vars.toString()).doesNotContain(deceased);
    cremate(caseNumber);

    awaitCaseStatus(caseNumber, "COMPLETED");
    assertThat(asked(caseNumber)).containsExactlyInAnyOrder("wj/death-proofs×1", "ga/household-records×1",
        "mzjz/assistance-statuses×1", "ga/household-cancellations×1", "rs/pension-settlements×1",
        "yb/coverage-stops×1", "mzjz/allowance-stops×1", "cl/disability-card-cancellations×1",
        "gjj/heir-withdrawals×1");
    var mails = awaitMail(email, 2);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【办结通知】").contains("死亡证明", "火化证明",
        "HH330400-0042", "惠民殡葬减免", "户口注销", "养老保险", "医疗保险", "高龄津贴", "残疾人证已注销",
        "住房公积金").doesNotContain(deceased));
  }

  @Test
  void aCaseWithEveryPropertyMatterAsksEachDepartmentOnceAndTellsTheFamilyEveryResult() {
    String email = uniqueEmail("property");
    String deceased = TestPeople.man(81);
    Map<String, Object> v = TestApplications.afterDeath(deceased, TestPeople.woman(52), email);
    // as Tasklist's checklists send them
    v.put(PROPERTY_MATTERS, "[\"DEPOSITS\",\"REAL_ESTATE\",\"VEHICLES\",\"SECURITIES\",\"INSURANCE\"]");
    v.put(BANKS, "[\"ICBC\",\"JXBANK\"]");
    v.put(SMALL_SUM_WITHDRAWAL, true);
    v.put(RELATIONSHIP_PROOF, "HOUSEHOLD_REGISTER");
    var started = submitStartForm(PROCESS_KEY, v);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();

    // the registry clerk sees the holdings and who inherits, not the ID numbers; nobody else sees the task
    String task = awaitTask("budongchan", caseNumber, "Task_RegisterRealEstateInheritance");
    JsonNode vars = get("budongchan", "/engine-rest/task/{id}/form-variables", task).getBody();
    assertThat(vars.path(REAL_ESTATE_HOLDINGS).path("value").asText()).contains("嘉兴市南湖区");
    assertThat(vars.toString()).doesNotContain(deceased);
    assertThat(tasks("binzang", caseNumber, "Task_RegisterRealEstateInheritance")).isEmpty();
    assertThat(submitTask("budongchan", task, Map.of(REAL_ESTATE_OUTCOME, "REGISTERED")).getStatusCode().value())
        .isEqualTo(400);
    // what the registry and intake settled is not the clerk's to change
    for (Map.Entry<String, Object> rewrite : List.<Map.Entry<String, Object>>of(
        Map.entry(REAL_ESTATE_HOLDINGS, "无"), Map.entry(APPLICANT_NAME, "李四"), Map.entry(PROPERTY_MATTERS, "DEPOSITS"))) {
      assertThat(submitTask("budongchan", task, Map.of(REAL_ESTATE_OUTCOME, "REGISTERED", REAL_ESTATE_CERTIFICATE,
          "浙(2026)嘉兴市不动产权第0004242号", rewrite.getKey(), rewrite.getValue())).getStatusCode().value())
          .as(rewrite.getKey()).isEqualTo(403);
    }
    assertThat(submitTask("budongchan", task, Map.of(REAL_ESTATE_OUTCOME, "REGISTERED",
        REAL_ESTATE_CERTIFICATE, "浙(2026)嘉兴市不动产权第0004242号")).getStatusCode().value()).isEqualTo(204);
    cremate(caseNumber);

    JsonNode progress = awaitCaseStatus(caseNumber, "COMPLETED");
    // the front desk's progress query shows each department's part, the property matters' steps among them
    assertThat(progress.toString()).contains("查询存款并办理小额免公证支取", "办理不动产继承登记", "办理机动车转移登记",
        "办理证券继承非交易过户", "办理身故保险理赔").doesNotContain(deceased);
    // each department's work done once: one request per key (a step retried after the engine's own conflict, which
    // happens on MariaDB when the matters' branches end together, asks again with the same key and gets the first answer)
    assertThat(asked(caseNumber)).extracting(a -> a.substring(0, a.indexOf('×'))).containsExactlyInAnyOrder(
        "wj/death-proofs", "ga/household-records", "mzjz/assistance-statuses", "ga/household-cancellations",
        "rs/pension-settlements", "yb/coverage-stops", "mzjz/allowance-stops", "cl/disability-card-cancellations",
        "gjj/heir-withdrawals", "yh/deposit-queries", "yh/deposit-queries", "yh/small-sum-withdrawals",
        "yh/small-sum-withdrawals", "bdc/holdings-queries", "jg/driving-licence-cancellations",
        "jg/vehicle-transfers", "zq/inheritance-transfers", "bx/death-claims");
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("【办结通知】").contains(
        "银行存款（中国工商银行）", "银行存款（嘉兴银行）", "已免公证支取", "浙(2026)嘉兴市不动产权第0004242号",
        "机动车驾驶证已注销", "已转移登记至申请人名下", "非交易过户", "份保单已报案理赔").doesNotContain(deceased));
  }

  @Test
  void theFuneralHomeCannotRewriteWhatIntakeAndTheDecisionSettled() {
    String caseNumber = apply(TestPeople.man(79), uniqueEmail("rewrite"));
    String task = awaitTask("binzang", caseNumber, "Task_ArrangeFuneral");
    String cremated = TestPeople.today().toString();
    // a read-only field of its own form (the deceased's name, the 惠民殡葬 decision), or one its form lacks
    for (Map.Entry<String, Object> rewrite : List.<Map.Entry<String, Object>>of(Map.entry(DECEASED_NAME, "李四"),
        Map.entry(FREE_FUNERAL_ITEMS, "无"), Map.entry(DECEASED_ID_NUMBER, TestPeople.man(60)))) {
      var refused = submitTask("binzang", task, Map.of(CREMATION_DATE, cremated,
          CREMATION_CERTIFICATE_NUMBER, "HH330400-0099", rewrite.getKey(), rewrite.getValue()));
      assertThat(refused.getStatusCode().value()).as(rewrite.getKey()).isEqualTo(403);
    }
    // another department's clerk cannot complete it at all
    assertThat(submitTask("minzheng", task, Map.of(CREMATION_DATE, cremated, CREMATION_CERTIFICATE_NUMBER,
        "HH330400-0099")).getStatusCode().value()).isIn(403, 404);
    assertThat(tasks("binzang", caseNumber, "Task_ArrangeFuneral")).containsExactly(task);
    JsonNode vars = get("binzang", "/engine-rest/task/{id}/form-variables", task).getBody();
    assertThat(vars.path(DECEASED_NAME).path("value").asText()).isEqualTo("张建国");
    assertThat(vars.path(FREE_FUNERAL_ITEMS).path("value").asText()).contains("遗体火化");
  }

  @Test
  void departmentsWithNothingToDoSaySoAndTheCaseStillCompletes() {
    String email = uniqueEmail("nopension");
    String caseNumber = apply(TestPeople.withSequencePrefix(false, 70, "95"), email); // 95x: no pension record
    cremate(caseNumber);
    JsonNode progress = awaitCaseStatus(caseNumber, "COMPLETED");
    assertThat(progress.toString()).doesNotContain("INCIDENT");
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("无需办理：逝者在本市无养老保险参保记录")
        .contains("无需办理：未查询到逝者的残疾人证").contains("无需办理：逝者生前未在民政部门享受低保、特困供养或高龄津贴"));
  }

  @Test
  void aCanceledCaseTellsTheFamilyThatAWithdrawalStands() {
    String email = uniqueEmail("canceled");
    Map<String, Object> v = TestApplications.afterDeath(TestPeople.man(80), TestPeople.woman(50), email);
    v.put(PROPERTY_MATTERS, "DEPOSITS");
    v.put(BANKS, "ICBC");
    v.put(SMALL_SUM_WITHDRAWAL, true);
    v.put(RELATIONSHIP_PROOF, "HOUSEHOLD_REGISTER");
    var started = submitStartForm(PROCESS_KEY, v);
    String caseNumber = started.getBody().get("businessKey").asText();
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> asked(caseNumber), a -> a.contains("yh/small-sum-withdrawals×1"));

    // the operator cancels the case in Cockpit (retried while a department step of the case commits)
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> as("admin").delete()
        .uri("/engine-rest/process-instance/{id}", started.getBody().get("id").asText()).retrieve().toBodilessEntity()
        .getStatusCode().value(), status -> status == 204);
    awaitCaseStatus(caseNumber, "CANCELED");
    // the bank's void covers the withdrawal made under its step's key: the money paid out stands, and the family is told
    assertThat(awaitMail(email, 3)).filteredOn(m -> m.startsWith("【撤销结果通知】")).singleElement()
        .satisfies(m -> assertThat(m).contains(caseNumber, "存款已支取并转入继承人账户，不能撤销"));
  }

  @Test
  void tasklistsChecklistChoicesAreUnderstood() {
    Map<String, Object> v = TestApplications.afterDeath(TestPeople.man(80), TestPeople.woman(50), uniqueEmail("checklist"));
    v.put(RELATIONSHIP_PROOF, "MARRIAGE_CERTIFICATE");
    v.put(RELATIONSHIP, "SPOUSE");
    var body = variables(v);
    // what Tasklist sends for a checklist (camunda-tasklist-bootstrap.js: an array becomes type Json, its JSON as text),
    // although this engine has no Json type (no Spin)
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("variables")).set(PROPERTY_MATTERS, json.createObjectNode()
        .put("type", "Json").put("value", "[\"REAL_ESTATE\",\"INSURANCE\"]"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("variables")).set(BANKS, json.createObjectNode()
        .put("type", "Json").put("value", "[]"));
    var started = post("qiantai", "/engine-rest/process-definition/key/{key}/submit-form", body, PROCESS_KEY);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String instance = started.getBody().get("id").asText();
    assertThat(get("admin", "/engine-rest/process-instance/{id}/variables/{name}", instance, PROPERTY_MATTERS).getBody()
        .get("value").asText()).isEqualTo("REAL_ESTATE,INSURANCE");
  }

  @Test
  void aSiblingIsRefusedTheDepositsAtTheWindowWithTheLawsReason() {
    Map<String, Object> v = TestApplications.afterDeath(TestPeople.man(80), TestPeople.woman(50), uniqueEmail("sibling"));
    v.put(RELATIONSHIP, "SIBLING");
    v.put(PROPERTY_MATTERS, "DEPOSITS");
    v.put(BANKS, "ICBC");
    v.put(RELATIONSHIP_PROOF, "KINSHIP_CERTIFICATE");
    var refused = submitStartForm(PROCESS_KEY, v);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("银行存款查询和小额支取不予受理").contains("仅限配偶、父母、子女");
  }

  @Test
  void aDeathProofTheHospitalCannotConfirmEndsTheCaseWithItsReason() {
    String email = uniqueEmail("unconfirmed");
    String caseNumber = apply(TestPeople.withSequencePrefix(true, 60, "97"), email); // 97x: no such proof
    JsonNode progress = awaitCaseStatus(caseNumber, "REFUSED");
    assertThat(progress.get("outcomeReason").asText()).contains("未查询到逝者").contains("死亡证明");
    // nothing else was asked of any department (the refused proof is then voided, as every step of a refused case)
    assertThat(asked(caseNumber)).containsExactlyInAnyOrder("wj/death-proofs×1", "wj/voids×1");
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("【不予办理通知】"));
  }

  @Test
  void anInvalidApplicationOverRestIsRefusedInChineseAndLeavesNothing() {
    Map<String, Object> v = TestApplications.afterDeath(TestPeople.man(80), TestPeople.woman(50), uniqueEmail("bad"));
    v.put(DATE_OF_DEATH, TestPeople.today().plusDays(2).toString());
    v.put(RELATIONSHIP, "NEIGHBOUR");
    v.put(PROPERTY_MATTERS, "[\"DEPOSITS\"]");
    v.put(RELATIONSHIP_PROOF, "NONE");
    long before = get("admin", "/engine-rest/process-instance/count?processDefinitionKey=" + PROCESS_KEY).getBody()
        .get("count").asLong();
    var refused = submitStartForm(PROCESS_KEY, v);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("身后一件事申请未受理").contains("不能晚于今天")
        .contains("申请人与逝者关系只能是").contains("请至少选择1项存款银行");
    assertThat(get("admin", "/engine-rest/process-instance/count?processDefinitionKey=" + PROCESS_KEY).getBody()
        .get("count").asLong()).isEqualTo(before);
  }
}
