package cn.jiaxing.yijianshi.marriagebirth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
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
    JsonNode failures = get("admin", "/engine-rest/history/external-task-log?processInstanceId={p}&activityIdIn={a}&failureLog=true",
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

  @Test
  void theFrontDeskSeesWhereACaseIsStuckAndWhy() {
    // as many failures as the test profile's retry cycle (R3/PT1S) has attempts: the last one is an incident
    injectFaults("wj", "birth-certificates", "BEFORE_WORK", 3);
    String caseNumber = submitStartForm(BirthVariables.PROCESS_KEY, TestApplications.birth(TestPeople.woman(29),
        TestPeople.man(31), uniqueEmail("stuck"))).getBody().get("businessKey").asText();
    submitTask("weijian", awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord"),
        Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, true));
    // retried, then an incident: the progress query names the step, its state and the department's error
    JsonNode stuck = await().atMost(Duration.ofSeconds(60)).until(() -> step(caseNumber, "Task_IssueBirthCertificate"),
        s -> s != null && s.get("state").asText().equals("INCIDENT"));
    assertThat(stuck.get("problem").asText()).startsWith("卫生健康委员会系统暂时无法办理").contains("HTTP 503");
    assertThat(stuck.get("departmentName").asText()).isEqualTo("卫生健康委员会");
    assertThat(stuck.get("startedAt").isNull()).isFalse();
    assertThat(get("qiantai", "/api/cases/{n}", caseNumber).getBody().get("status").asText()).isEqualTo("OPEN");
    // and the wait on the department stays on the clock (its SLA record is open)
    JsonNode timeline = get("dubang", "/api/sla/process-instances/{id}", processInstanceId(caseNumber)).getBody();
    assertThat(StreamSupport.stream(timeline.get("records").spliterator(), false)
        .filter(r -> r.get("stepId").asText().equals("Task_IssueBirthCertificate")))
        .singleElement().satisfies(r -> assertThat(r.get("completedAt").isNull()).isTrue());
  }

  private JsonNode step(String caseNumber, String stepId) {
    JsonNode steps = get("qiantai", "/api/cases/{n}", caseNumber).getBody().get("steps");
    return StreamSupport.stream(steps.spliterator(), false).filter(s -> s.get("stepId").asText().equals(stepId))
        .reduce((a, b) -> b).orElse(null);
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
