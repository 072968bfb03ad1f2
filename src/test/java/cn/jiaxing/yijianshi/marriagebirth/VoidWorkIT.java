package cn.jiaxing.yijianshi.marriagebirth;

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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A refused case leaves no live work behind at the departments: each department step started for it
 * is asked to void its work (once, retried through an outage); what cannot be undone is told to the
 * applicant; a request that reaches a department after its void is refused there.
 */
class VoidWorkIT extends FullStackTestSupport {

  @Test
  void aRefusedBirthCaseIsVoidedAtEveryDepartmentAndTheApplicantLearnsWhatStands() {
    String email = uniqueEmail("void");
    String caseNumber = submitStartForm(BirthVariables.PROCESS_KEY, TestApplications.birth(TestPeople.woman(29),
        TestPeople.man(31), email)).getBody().get("businessKey").asText();
    submitTask("weijian", awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord"),
        Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, true));
    String review = awaitTask("gongan", caseNumber, "Task_ReviewBirthRegistration");
    // the departments that act in parallel have acted
    await().atMost(Duration.ofSeconds(30)).until(() -> done(caseNumber), d -> d.containsAll(
        List.of("jk/vaccination-records", "wj/birth-planning-registrations", "wj/birth-certificates")));
    // one department is down when the void arrives: retried, not lost
    injectFaults("jk", "voids", "BEFORE_WORK", 1);

    submitTask("gongan", review, Map.of(BirthVariables.BIRTH_REGISTRATION_APPROVED, false,
        BirthVariables.REFUSAL_REASON, "户口簿信息不符"));
    awaitCaseStatus(caseNumber, "REFUSED");

    JsonNode voids = await().atMost(Duration.ofSeconds(45)).until(
        () -> get("qiantai", "/api/cases/{n}", caseNumber).getBody().get("voids"),
        v -> v.size() == 3 && StreamSupport.stream(v.spliterator(), false)
            .noneMatch(x -> x.get("status").asText().equals("PENDING")));
    assertThat(StreamSupport.stream(voids.spliterator(), false)
        .map(v -> v.get("requestKey").asText().substring(caseNumber.length() + 1) + "=" + v.get("status").asText()))
        .containsExactlyInAnyOrder("Task_IssueVaccinationRecord=UNDONE", "Task_RegisterBirthPlanning=UNDONE",
            "Task_IssueBirthCertificate=STANDS");
    JsonNode jkVoid = StreamSupport.stream(voids.spliterator(), false)
        .filter(v -> v.get("department").asText().equals("jk")).findFirst().orElseThrow();
    assertThat(jkVoid.get("attempts").asInt()).as("the outage was retried").isEqualTo(2);
    assertThat(jkVoid.get("statusName").asText()).isEqualTo("已撤销");

    // the departments: undone where their contract allows it, each void done once
    JsonNode requests = simulatorRequests(caseNumber + ":");
    assertThat(request(requests, caseNumber + ":Task_IssueVaccinationRecord").get("voidedAt").isNull()).isFalse();
    assertThat(request(requests, caseNumber + ":Task_RegisterBirthPlanning").get("voidedAt").isNull()).isFalse();
    assertThat(request(requests, caseNumber + ":Task_IssueBirthCertificate").get("voidedAt").isNull()).isTrue();
    assertThat(StreamSupport.stream(requests.spliterator(), false)
        .filter(r -> r.get("operation").asText().equals("voids") && r.get("status").asInt() == 200))
        .hasSize(3).allSatisfy(r -> assertThat(r.get("timesAsked").asInt()).isEqualTo(1));

    // the applicant: receipt, refusal, then what stands
    List<String> mails = awaitMail(email, 3);
    assertThat(mails).filteredOn(m -> m.startsWith("【撤销结果通知】")).singleElement()
        .satisfies(m -> assertThat(m).contains(caseNumber).contains("嘉兴市卫生健康委员会：出生医学证明已签发")
            .doesNotContain("预防接种证").doesNotContain("生育登记"));
  }

  @Test
  void aStepsFurtherRequestAfterItsVoidIsRefusedAndItsEffectsAreCovered() {
    String key = "JXTEST" + System.nanoTime() + ":Task_SettleBankDeposits:2";
    String deceased = cn.jiaxing.yijianshi.TestPeople.man(80);
    sim("yh", "deposit-queries", key, Map.of("bank", "ICBC", "idNumber", deceased, "applicantIdNumber",
        cn.jiaxing.yijianshi.TestPeople.woman(50), "relationship", "CHILD", "deathProofNumber", "SZ1"), 200);
    JsonNode voided = sim("yh", "voids", key + ":void", Map.of("idempotencyKey", key, "reason", "办件已撤销"), 200);
    assertThat(voided.get("hadEffect").asBoolean()).isFalse();
    // the withdrawal the step would have made next, arriving after the void: refused, nothing paid out
    JsonNode late = sim("yh", "small-sum-withdrawals", key + ":withdrawal", Map.of("bank", "ICBC", "idNumber", deceased,
        "heirIdNumber", cn.jiaxing.yijianshi.TestPeople.woman(50), "amount", "1000.00"), 422);
    assertThat(late.get("code").asText()).isEqualTo("CASE_VOIDED");
    // a withdrawal made before the void stands, and the step's void says so
    String paid = "JXTEST" + System.nanoTime() + ":Task_SettleBankDeposits";
    sim("yh", "small-sum-withdrawals", paid + ":withdrawal", Map.of("bank", "ICBC", "idNumber", deceased,
        "heirIdNumber", cn.jiaxing.yijianshi.TestPeople.woman(50), "amount", "1000.00"), 200);
    sim("yh", "deposit-queries", paid, Map.of("bank", "ICBC", "idNumber", deceased, "applicantIdNumber",
        cn.jiaxing.yijianshi.TestPeople.woman(50), "relationship", "CHILD", "deathProofNumber", "SZ1"), 200);
    JsonNode stands = sim("yh", "voids", paid + ":void", Map.of("idempotencyKey", paid, "reason", "办件已撤销"), 200);
    assertThat(stands.get("undone").asBoolean()).isFalse();
    assertThat(stands.get("message").asText()).contains("存款已支取");
  }

  @Test
  void aRequestArrivingAfterItsVoidIsRefusedAndTheVoidIsIdempotent() {
    String key = "JXTEST" + System.nanoTime() + ":Task_IssueVaccinationRecord";
    JsonNode first = sim("jk", "voids", key + ":void", Map.of("idempotencyKey", key, "reason", "不予办理"), 200);
    assertThat(first.get("undone").asBoolean()).isTrue();
    assertThat(first.get("hadEffect").asBoolean()).isFalse();
    assertThat(sim("jk", "voids", key + ":void", Map.of("idempotencyKey", key, "reason", "不予办理"), 200))
        .isEqualTo(first);

    JsonNode late = sim("jk", "vaccination-records", key, Map.of("childName", "张小宝",
        "childBirthDate", TestPeople.today().minusDays(3).toString(), "motherIdNumber", TestPeople.woman(29)), 422);
    assertThat(late.get("code").asText()).isEqualTo("CASE_VOIDED");
    assertThat(late.get("message").asText()).isEqualTo("该办件已撤销，本部门不再办理");
  }

  @Test
  void aCompletedCaseIsNotVoided() {
    String caseNumber = submitStartForm(BirthVariables.PROCESS_KEY, TestApplications.birth(TestPeople.woman(29),
        TestPeople.man(31), uniqueEmail("kept"))).getBody().get("businessKey").asText();
    submitTask("weijian", awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord"),
        Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, true));
    submitTask("gongan", awaitTask("gongan", caseNumber, "Task_ReviewBirthRegistration"),
        Map.of(BirthVariables.BIRTH_REGISTRATION_APPROVED, true));
    JsonNode done = awaitCaseStatus(caseNumber, "COMPLETED");
    assertThat(done.get("voids")).isEmpty();
    assertThat(StreamSupport.stream(simulatorRequests(caseNumber + ":").spliterator(), false)
        .map(r -> r.get("operation").asText())).doesNotContain("voids");
  }

  private List<String> done(String caseNumber) {
    return StreamSupport.stream(simulatorRequests(caseNumber + ":").spliterator(), false)
        .filter(r -> r.get("status").asInt() == 200)
        .map(r -> r.get("department").asText() + "/" + r.get("operation").asText()).toList();
  }

  private static JsonNode request(JsonNode requests, String key) {
    return StreamSupport.stream(requests.spliterator(), false)
        .filter(r -> r.get("idempotencyKey").asText().equals(key)).findFirst().orElseThrow();
  }

  private JsonNode sim(String department, String operation, String key, Map<String, Object> body, int status) {
    return RestClient.builder().baseUrl("http://localhost:" + PORT)
        .defaultHeaders(h -> h.setBasicAuth("yijianshi", "sim-secret")).build()
        .post().uri("/sim/{d}/{o}", department, operation).header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON).body(body)
        .exchange((request, response) -> {
          assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(status));
          return json.readTree(response.getBody());
        });
  }
}
