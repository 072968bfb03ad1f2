package cn.jiaxing.yijianshi.marriagebirth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A department that fails is retried by the engine, and its idempotency keeps the effect single —
 * even when it did the work and only the answer was lost.
 */
class DepartmentFaultIT extends FullStackTestSupport {

  @Test
  void aDepartmentAnswering500TwiceAfterDoingTheWorkStillHasOneEffect() {
    injectFaults("jk", "vaccination-records", "AFTER_WORK", 2);
    String caseNumber = start();

    awaitCaseStatus(caseNumber, "COMPLETED");

    JsonNode vaccination = simulatorRequests(caseNumber + ":Task_IssueVaccinationRecord");
    assertThat(vaccination).hasSize(1);
    assertThat(vaccination.get(0).get("timesAsked").asInt()).as("asked three times, done once").isEqualTo(3);
    JsonNode failures = get("admin", "/engine-rest/history/job-log?processInstanceId={p}&activityIdIn={a}&failureLog=true",
        processInstanceId(caseNumber), "Task_IssueVaccinationRecord").getBody();
    assertThat(failures).hasSize(2);
  }

  @Test
  void aDepartmentDownTwiceIsRetriedUntilItAnswers() {
    injectFaults("rs", "card-applications", "BEFORE_WORK", 2);
    String caseNumber = start();

    awaitCaseStatus(caseNumber, "COMPLETED");

    JsonNode card = simulatorRequests(caseNumber + ":Task_ApplySocialSecurityCard");
    assertThat(card).hasSize(1);
    assertThat(card.get(0).get("timesAsked").asInt()).isEqualTo(1);
    assertThat(card.get(0).get("status").asInt()).isEqualTo(200);
  }

  private String start() {
    String caseNumber = submitStartForm(BirthVariables.PROCESS_KEY, TestApplications.birth(TestPeople.woman(29),
        TestPeople.man(31), uniqueEmail("fault"))).getBody().get("businessKey").asText();
    awaitAndApprove(caseNumber);
    return caseNumber;
  }

  private void awaitAndApprove(String caseNumber) {
    String verify = awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord");
    submitTask("weijian", verify, Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, true));
    String review = awaitTask("gongan", caseNumber, "Task_ReviewBirthRegistration");
    submitTask("gongan", review, Map.of(BirthVariables.BIRTH_REGISTRATION_APPROVED, true));
  }

  private String processInstanceId(String caseNumber) {
    return get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey={b}", caseNumber)
        .getBody().get(0).get("id").asText();
  }
}
