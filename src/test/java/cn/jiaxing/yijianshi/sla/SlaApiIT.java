package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/** The supervisors' SLA API and the 督办 mail, on the running application (H2, and MySQL with -Pmysql). */
class SlaApiIT extends FullStackTestSupport {

  private String startBirthCase() {
    var started = submitStartForm(BirthVariables.PROCESS_KEY,
        TestApplications.birth(TestPeople.woman(29), TestPeople.man(31), uniqueEmail("sla")));
    return started.getBody().get("businessKey").asText();
  }

  private static JsonNode row(JsonNode dashboard, String process, String department) {
    return StreamSupport.stream(dashboard.get("rows").spliterator(), false)
        .filter(r -> r.get("processKey").asText().equals(process) && r.get("department").asText().equals(department))
        .findFirst().orElse(null);
  }

  @Test
  void onlySupervisorsReadTheSlaApi() {
    assertThat(get(null, "/api/sla/dashboard").getStatusCode().value()).isEqualTo(401);
    assertThat(get("minzheng", "/api/sla/dashboard").getStatusCode().value()).isEqualTo(403);
    assertThat(get("qiantai", "/api/sla/dashboard").getStatusCode().value()).isEqualTo(403);
    assertThat(get("dubang", "/api/sla/dashboard").getStatusCode().value()).isEqualTo(200);
    assertThat(get("admin", "/api/sla/steps").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theDashboardCountsOpenStepsPerProcessAndDepartment() {
    String caseNumber = startBirthCase();
    awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord");
    JsonNode dashboard = get("dubang", "/api/sla/dashboard").getBody();
    JsonNode hospital = row(dashboard, "BirthHouseholdProcess", "wj");
    assertThat(hospital.get("open").asInt()).isPositive();
    assertThat(hospital.get("departmentName").asText()).isEqualTo("卫生健康委员会");
    assertThat(row(dashboard, "BirthHouseholdProcess", "case").get("open").asInt()).isPositive();

    String processInstanceId = get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey={b}",
        caseNumber).getBody().get(0).get("id").asText();
    JsonNode timeline = get("dubang", "/api/sla/process-instances/{id}", processInstanceId).getBody();
    assertThat(timeline.get("records").get(0).get("stepId").asText()).isEqualTo("case");
    JsonNode verify = StreamSupport.stream(timeline.get("records").spliterator(), false)
        .filter(r -> r.get("stepId").asText().equals("Task_VerifyBirthRecord")).findFirst().orElseThrow();
    assertThat(verify.get("state").asText()).isIn("ON_TRACK", "DUE_SOON");
    assertThat(verify.get("department").asText()).isEqualTo("wj");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        as(null).get().uri("/actuator/prometheus").retrieve().body(String.class))
        .contains("yijianshi_sla_open_steps{department=\"wj\"}"));
  }

  @Test
  void anOverdueStepIsEscalatedToTheSupervisorsOnce() {
    String caseNumber = startBirthCase();
    awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord");
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(12))));
      var mails = await().atMost(Duration.ofSeconds(30)).until(
          () -> mailTo("dubang@yijianshi.jiaxing.local").stream().filter(m -> m.contains(caseNumber)).toList(),
          list -> list.size() >= 2);
      assertThat(mails).anySatisfy(m -> assertThat(m).contains("【超期督办】核对出生医学信息"));
      JsonNode overdue = get("dubang",
          "/api/sla/steps?state=OVERDUE&processKey=BirthHouseholdProcess&maxResults=1000").getBody();
      assertThat(StreamSupport.stream(overdue.spliterator(), false).map(s -> s.get("caseNumber").asText()))
          .contains(caseNumber);
      assertThat(StreamSupport.stream(overdue.spliterator(), false).map(s -> s.get("state").asText()))
          .containsOnly("OVERDUE");
      // most urgent first, as many as asked for; the dashboard counts the same step as overdue
      JsonNode first = get("dubang", "/api/sla/steps?state=OVERDUE&processKey=BirthHouseholdProcess&maxResults=1")
          .getBody();
      assertThat(first).hasSize(1);
      assertThat(first.get(0).get("dueAt").asText()).isEqualTo(overdue.get(0).get("dueAt").asText());
      assertThat(get("dubang", "/api/sla/steps?state=ON_TRACK&processKey=BirthHouseholdProcess").getBody()
          .findValuesAsText("caseNumber")).doesNotContain(caseNumber);
      JsonNode hospital = row(get("dubang", "/api/sla/dashboard").getBody(), "BirthHouseholdProcess", "wj");
      assertThat(hospital.get("overdue").asInt()).isPositive().isLessThanOrEqualTo(hospital.get("open").asInt());
      // the front desk sees the 督办 in the case's history
      JsonNode history = get("qiantai", "/api/cases/{n}", caseNumber).getBody().get("history");
      assertThat(StreamSupport.stream(history.spliterator(), false))
          .anySatisfy(h -> {
            assertThat(h.get("label").asText()).isEqualTo("超期督办");
            assertThat(h.get("message").asText()).startsWith("【督办】");
          });
    } finally {
      ClockUtil.reset();
    }
    // the scanner keeps running: no second 督办 mail for the same step
    long first = mailTo("dubang@yijianshi.jiaxing.local").stream().filter(m -> m.contains(caseNumber)).count();
    assertThat(first).isEqualTo(2); // the step and the case promise
  }
}
