package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.notification.MailOutbox;
import cn.jiaxing.yijianshi.shared.DataProtection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class MarriageHouseholdIT extends FullStackTestSupport {

  @Autowired JdbcClient db;
  @Autowired DataProtection protection;

  @Test
  void citizensDataInOurTablesIsSealedAtRest() {
    String email = uniqueEmail("sealed");
    String caseNumber = submitStartForm(PROCESS_KEY, application(TestPeople.man(30), TestPeople.woman(27), email))
        .getBody().get("businessKey").asText();
    awaitMail(email, 1); // the receipt went out

    Map<String, Object> row = db.sql("select applicant_name, applicant_email, open_duplicate_key from case_file"
        + " where case_number = ?").param(caseNumber).query().singleRow();
    assertThat((String) row.get("applicant_name")).startsWith("enc:k1:").doesNotContain("张伟");
    assertThat((String) row.get("applicant_email")).startsWith("enc:k1:").doesNotContain(email);
    assertThat((String) row.get("open_duplicate_key")).hasSize(64);
    // the API and the mail still show them
    assertThat(get("qiantai", "/api/cases/{n}", caseNumber).getBody().get("applicantName").asText()).contains("张伟");
    Map<String, Object> mailRow = db.sql("select recipient, body from mail_outbox where case_number = ?")
        .param(caseNumber).query().listOfRows().get(0);
    assertThat((String) mailRow.get("recipient")).startsWith("enc:k1:").doesNotContain(email);
    assertThat((String) mailRow.get("body")).startsWith("enc:k1:").doesNotContain("张伟");
    assertThat(protection.open(MailOutbox.RECIPIENT, (String) mailRow.get("recipient"))).isEqualTo(email);
    // a value moved to another column does not open
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() ->
        protection.open(MailOutbox.BODY, (String) mailRow.get("recipient")));
  }

  private Map<String, Object> application(String groom, String bride, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put(GROOM_NAME, "张伟");
    v.put(GROOM_ID_NUMBER, groom);
    v.put(BRIDE_NAME, "王芳");
    v.put(BRIDE_ID_NUMBER, bride);
    v.put(APPLICANT_EMAIL, email);
    v.put(DECLARATION_SIGNED, true);
    v.put(BOTH_PRESENT, true);
    v.put(HOUSEHOLD_MOVE_REQUESTED, true);
    v.put(HOUSEHOLD_MOVE_DIRECTION, "BRIDE_TO_GROOM");
    v.put(BIRTH_PLANNING_REQUESTED, true);
    return v;
  }

  @Test
  void aCoupleIsMarriedAndTheFollowUpsAreDoneAcrossDepartments() {
    String email = uniqueEmail("couple");
    var started = submitStartForm(PROCESS_KEY, application(TestPeople.man(30), TestPeople.woman(27), email));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();
    assertThat(caseNumber).startsWith("JXJH");

    String confirm = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    // another department neither sees nor completes it; the supervisor sees it but cannot complete it
    assertThat(tasks("gongan", caseNumber, "Task_ConfirmMarriageRegistration")).isEmpty();
    assertThat(submitTask("gongan", confirm, Map.of(MARRIAGE_APPROVED, true)).getStatusCode().value()).isEqualTo(403);
    assertThat(tasks("dubang", caseNumber, "Task_ConfirmMarriageRegistration")).containsExactly(confirm);
    assertThat(submitTask("dubang", confirm, Map.of(MARRIAGE_APPROVED, true)).getStatusCode().value()).isEqualTo(403);
    // citizens' data: the registrar reads the task's variables, the supervisor does not
    assertThat(get("minzheng", "/engine-rest/task/{id}/variables", confirm).getBody().get(GROOM_ID_NUMBER))
        .isNotNull();
    String instance = started.getBody().get("id").asText();
    assertThat(get("dubang", "/engine-rest/process-instance/{id}/variables", instance).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get("dubang", "/engine-rest/history/variable-instance?processInstanceId={id}", instance).getBody())
        .isEmpty();
    assertThat(get("admin", "/engine-rest/history/variable-instance?processInstanceId={id}", instance).getBody())
        .isNotEmpty();
    // the server repeats the form's rules, in Chinese
    var incomplete = submitTask("minzheng", confirm, Map.of(MARRIAGE_APPROVED, true));
    assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
    assertThat(incomplete.getBody().get("message").asText()).contains("准予登记前须核实双方本人到场");

    assertThat(submitTask("minzheng", confirm, Map.of(MARRIAGE_APPROVED, true, PARTIES_PRESENT, true,
        VOLUNTARY, true, NO_PROHIBITED_KINSHIP, true)).getStatusCode().value()).isEqualTo(204);
    String review = awaitTask("gongan", caseNumber, "Task_ReviewHouseholdMove");
    assertThat(submitTask("gongan", review, Map.of(HOUSEHOLD_MOVE_APPROVED, true)).getStatusCode().value())
        .isEqualTo(204);

    JsonNode progress = awaitCaseStatus(caseNumber, "COMPLETED");
    assertThat(progress.get("applicantIdNumber").asText()).matches("330402\\*{8}\\d{3}[0-9X]");
    assertThat(steps(progress)).containsExactlyInAnyOrder("Task_CheckMarriageRecords:COMPLETED",
        "Task_ConfirmMarriageRegistration:COMPLETED", "Task_RegisterMarriage:COMPLETED",
        "Task_UpdateMaritalStatus:COMPLETED", "Task_ReviewHouseholdMove:COMPLETED", "Task_MoveHousehold:COMPLETED",
        "Task_RegisterBirthPlanning:COMPLETED");
    assertThat(progress.get("steps").get(1).get("dueAt").isNull()).isFalse();

    JsonNode requests = simulatorRequests(caseNumber + ":");
    assertThat(requests).hasSize(5);
    requests.forEach(r -> {
      assertThat(r.get("timesAsked").asInt()).as(r.toString()).isEqualTo(1);
      assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(200);
    });
    assertThat(StreamSupport.stream(requests.spliterator(), false)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText()))
        .containsExactlyInAnyOrder("mz/marriage-status-checks", "mz/marriages", "ga/marital-status-updates",
            "ga/household-moves", "wj/birth-planning-registrations");

    List<String> mails = awaitMail(email, 2);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【受理回执】").contains(caseNumber));
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【办结通知】").contains("结婚证字号").contains("夫妻投靠户口迁移"));
  }

  @Test
  void aPartyAlreadyMarriedIsRefusedAndTold() {
    String email = uniqueEmail("married");
    String married = TestPeople.withSequencePrefix(true, 35, "99");
    var started = submitStartForm(PROCESS_KEY, application(married, TestPeople.woman(30), email));
    String caseNumber = started.getBody().get("businessKey").asText();

    JsonNode progress = awaitCaseStatus(caseNumber, "REFUSED");
    assertThat(progress.get("outcomeReason").asText()).contains("在婚登记记录").doesNotContain(married);
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("【不予办理通知】").contains("在婚登记记录"));
  }

  @Test
  void invalidInputIsRefusedWithAReasonAndLeavesNothingBehind(
      org.springframework.boot.test.system.CapturedOutput output) {
    String email = uniqueEmail("underage");
    long instancesBefore = get("admin", "/engine-rest/history/process-instance/count").getBody().get("count").asLong();
    long casesBefore = db.sql("select count(*) from case_file").query(Long.class).single();

    var refused = submitStartForm(PROCESS_KEY, application(TestPeople.man(21), TestPeople.woman(25), email));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("结婚登记申请未受理").contains("男方未达法定婚龄");
    assertThat(get("admin", "/engine-rest/history/process-instance/count").getBody().get("count").asLong())
        .isEqualTo(instancesBefore);
    assertThat(db.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(casesBefore);
    assertThat(db.sql("select recipient from mail_outbox").query(String.class).list().stream()
        .map(r -> protection.open(MailOutbox.RECIPIENT, r))).doesNotContain(email);
    // for the operators: one INFO line with the reasons, no ERROR with a stack trace
    assertThat(output.getOut()).contains("Input refused: 结婚登记申请未受理").doesNotContain("ENGINE-16004")
        .doesNotContain(" ERROR ");
  }

  @Test
  void ourApiIsDescribedInChineseForThoseWhoUseIt() {
    JsonNode openApi = get("qiantai", "/api/openapi").getBody();
    assertThat(openApi.get("paths").fieldNames()).toIterable()
        .contains("/api/cases/{caseNumber}", "/api/sla/dashboard", "/api/sla/tasks/{taskId}/extension")
        .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    assertThat(openApi.get("paths").get("/api/cases/{caseNumber}").get("get").get("summary").asText())
        .isEqualTo("按办件编号查询办件进度");
    assertThat(get(null, "/api/openapi").getStatusCode().value()).isEqualTo(401);
    assertThat(get("minzheng", "/api/openapi").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void everyApiNeedsAUserAndTheRightGroup() {
    assertThat(get(null, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);
    // the simulated departments take only the platform's own credentials
    assertThat(post(null, "/sim/mz/marriages", Map.of()).getStatusCode().value()).isEqualTo(401);
    assertThat(get("qiantai", "/sim/requests?keyPrefix=JX").getStatusCode().value()).isEqualTo(401);
    assertThat(get(null, "/api/cases/JXJH20260101000001").getStatusCode().value()).isEqualTo(401);
    assertThat(get("minzheng", "/api/cases/JXJH20260101000001").getStatusCode().value()).isEqualTo(403);
    var unknown = get("qiantai", "/api/cases/JXJH20260101999999");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().get("message").asText()).contains("未找到办件编号为 JXJH20260101999999 的办件");
    // the front desk cannot start a case in its middle (skipping the checks and the registrar)
    Map<String, Object> midwayStart = Map.of(
        "variables", variables(application(TestPeople.man(17), TestPeople.woman(27), uniqueEmail("x"))).get("variables"),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RegisterMarriage")));
    var midway = post("qiantai", "/engine-rest/process-definition/key/{k}/start", midwayStart, PROCESS_KEY);
    assertThat(midway.getStatusCode().value()).isEqualTo(403);
    assertThat(midway.getBody().get("message").asText()).isEqualTo("该选项仅限平台管理员使用：startInstructions");
    // nor can an administrator: the engine itself refuses a case started past its checks
    var midwayAdmin = post("admin", "/engine-rest/process-definition/key/{k}/start", midwayStart, PROCESS_KEY);
    assertThat(midwayAdmin.getStatusCode().value()).isEqualTo(400);
    assertThat(midwayAdmin.getBody().get("message").asText()).contains("只能通过申请表单从头受理");
    // a department clerk cannot start cases
    var asClerk = post("minzheng", "/engine-rest/process-definition/key/{k}/submit-form",
        variables(application(TestPeople.man(30), TestPeople.woman(27), uniqueEmail("x"))), PROCESS_KEY);
    assertThat(asClerk.getStatusCode().value()).isEqualTo(403);
  }

  private static List<String> steps(JsonNode progress) {
    return StreamSupport.stream(progress.get("steps").spliterator(), false)
        .map(s -> s.get("stepId").asText() + ":" + s.get("state").asText()).toList();
  }
}
