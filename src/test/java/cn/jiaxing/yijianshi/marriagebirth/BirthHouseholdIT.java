package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.BirthVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class BirthHouseholdIT extends FullStackTestSupport {

  /** The hospital and the police do their manual steps. */
  void departmentsApprove(String caseNumber) {
    String verify = awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord");
    assertThat(tasks("gongan", caseNumber, "Task_VerifyBirthRecord")).isEmpty();
    assertThat(submitTask("weijian", verify, Map.of(BIRTH_RECORD_CONFIRMED, true)).getStatusCode().value())
        .isEqualTo(204);
    String review = awaitTask("gongan", caseNumber, "Task_ReviewBirthRegistration");
    assertThat(submitTask("gongan", review, Map.of(BIRTH_REGISTRATION_APPROVED, true)).getStatusCode().value())
        .isEqualTo(204);
  }

  @Test
  void aNewbornGetsAllSixServicesInOrderFromOneApplication() {
    String email = uniqueEmail("mother");
    var started = submitStartForm(PROCESS_KEY, TestApplications.birth(TestPeople.woman(29), TestPeople.man(31), email));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();

    departmentsApprove(caseNumber);
    JsonNode progress = awaitCaseStatus(caseNumber, "COMPLETED");

    assertThat(ended(progress, "Task_IssueBirthCertificate")).isBeforeOrEqualTo(started(progress, "Task_ReviewBirthRegistration"));
    assertThat(ended(progress, "Task_RegisterBirthHousehold"))
        .isBeforeOrEqualTo(started(progress, "Task_EnrolMedicalInsurance"))
        .isBeforeOrEqualTo(started(progress, "Task_ApplySocialSecurityCard"));

    JsonNode requests = simulatorRequests(caseNumber + ":");
    assertThat(StreamSupport.stream(requests.spliterator(), false)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText() + "×" + r.get("timesAsked").asInt()))
        .containsExactlyInAnyOrder("wj/birth-certificates×1", "jk/vaccination-records×1",
            "wj/birth-planning-registrations×1", "ga/birth-registrations×1", "yb/enrolments×1",
            "rs/card-applications×1");

    var mails = awaitMail(email, 2);
    assertThat(mails).anySatisfy(m -> assertThat(m).contains("【办结通知】").contains("出生医学证明编号")
        .contains("社会保障卡申领编号").containsPattern("公民身份号码 330402\\*{8}\\d{3}[0-9X]")
        .contains("待遇自 " + TestPeople.today().minusDays(3)));
  }

  @Test
  void aParentWithoutAHouseholdEndsTheCaseAsRefused() {
    String email = uniqueEmail("nohousehold");
    String father = TestPeople.withSequencePrefix(true, 31, "98");
    String caseNumber = submitStartForm(PROCESS_KEY, TestApplications.birth(TestPeople.woman(29), father, email))
        .getBody().get("businessKey").asText();

    departmentsApprove(caseNumber);
    JsonNode progress = awaitCaseStatus(caseNumber, "REFUSED");

    assertThat(progress.get("outcomeReason").asText()).contains("未找到随其落户的父/母");
    assertThat(StreamSupport.stream(progress.get("steps").spliterator(), false).map(s -> s.get("stepId").asText()))
        .doesNotContain("Task_EnrolMedicalInsurance", "Task_ApplySocialSecurityCard");
    assertThat(awaitMail(email, 2)).anySatisfy(m -> assertThat(m).contains("【不予办理通知】"));
  }

  private static Instant started(JsonNode progress, String step) {
    return Instant.parse(step(progress, step).get("startedAt").asText());
  }

  private static Instant ended(JsonNode progress, String step) {
    return Instant.parse(step(progress, step).get("endedAt").asText());
  }

  private static JsonNode step(JsonNode progress, String step) {
    return StreamSupport.stream(progress.get("steps").spliterator(), false)
        .filter(s -> s.get("stepId").asText().equals(step)).findFirst().orElseThrow();
  }
}
