package cn.jiaxing.yijianshi.departments.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.departments.DepartmentProperties;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/** The HTTP contract every department adapter shares, against WireMock standing in for a department. */
class DepartmentHttpTests {

  @RegisterExtension
  static WireMockExtension department = WireMockExtension.newInstance().build();

  private static final Departments CATALOGUE = Departments.read("departments.yaml");

  private DepartmentHttp http;

  @BeforeEach
  void client() {
    DepartmentProperties properties = new DepartmentProperties(Duration.ofSeconds(10), "http://unused", "user", "pw",
        Map.of("yb", new DepartmentProperties.Endpoint(department.baseUrl() + "/yb/", "yb-user", "yb-secret",
            Duration.ofMillis(3000))));
    http = new DepartmentHttp(CATALOGUE, properties, RestClient.builder(), new ObjectMapper());
  }

  @Test
  void sendsJsonWithTheIdempotencyKeyAndCredentialsAndReadsTheAnswer() {
    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"enrolmentNumber\":\"YB1\",\"benefitStart\":\"2026-11-20\"}")));
    MedicalInsuranceClient client = new HttpMedicalInsuranceClient(http);

    var enrolment = client.enrol("JXCS20261130000001:Task_EnrolMedicalInsurance", "330402202611200033", "张小宝",
        LocalDate.of(2026, 11, 20));

    assertThat(enrolment).isEqualTo(new MedicalInsuranceClient.Enrolment("YB1", LocalDate.of(2026, 11, 20)));
    department.verify(postRequestedFor(urlEqualTo("/yb/enrolments"))
        .withHeader("Idempotency-Key", equalTo("JXCS20261130000001:Task_EnrolMedicalInsurance"))
        .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("yb-user", "yb-secret"))
        .withRequestBody(equalToJson("{\"childIdNumber\":\"330402202611200033\",\"childName\":\"张小宝\","
            + "\"childBirthDate\":\"2026-11-20\"}")));
  }

  @Test
  void a422IsABusinessRefusalWithTheDepartmentsCodeAndMessage() {
    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"ALREADY_ENROLLED\",\"message\":\"该参保人已参保\"}")));

    assertThatThrownBy(() -> http.post("yb", "enrolments", "k1", Map.of()))
        .isInstanceOfSatisfying(DepartmentRefusalException.class, e -> {
          assertThat(e.code()).isEqualTo("ALREADY_ENROLLED");
          assertThat(e.getMessage()).isEqualTo("该参保人已参保");
          assertThat(e.department()).isEqualTo(CATALOGUE.get("yb"));
        });
  }

  @Test
  void serverErrorsAndBadAnswersAreTechnicalFaultsToRetry() {
    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> http.post("yb", "enrolments", "k2", Map.of()))
        .isInstanceOf(DepartmentUnavailableException.class).hasMessageContaining("HTTP 500");

    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(200).withBody("{not json")));
    assertThatThrownBy(() -> http.post("yb", "enrolments", "k3", Map.of()))
        .isInstanceOf(DepartmentUnavailableException.class).hasMessageContaining("答复无法读取");
    department.verify(1, postRequestedFor(urlEqualTo("/yb/enrolments")).withHeader("Idempotency-Key", equalTo("k3")));

    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{}")));
    assertThatThrownBy(() -> new HttpMedicalInsuranceClient(http).enrol("k4", "x", "y", LocalDate.now()))
        .isInstanceOf(DepartmentUnavailableException.class).hasMessageContaining("enrolmentNumber");
  }

  @Test
  void aSlowDepartmentTimesOutAndIsNotAskedAgainAtOnce() {
    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withStatus(200).withFixedDelay(3500)));
    assertThatThrownBy(() -> http.post("yb", "enrolments", "k5", Map.of()))
        .isInstanceOf(DepartmentUnavailableException.class);
    department.verify(1, postRequestedFor(urlEqualTo("/yb/enrolments")));
  }

  @Test
  void aConnectionBrokenBeforeAnyAnswerIsTriedOnceMoreWithTheSameKey() {
    // a kept-alive connection the department closed as it was reused: no answer at all, then a new connection
    department.stubFor(post("/yb/enrolments").inScenario("stale").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("fresh"));
    department.stubFor(post("/yb/enrolments").inScenario("stale").whenScenarioStateIs("fresh")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"enrolmentNumber\":\"YB2\"}")));

    assertThat(http.post("yb", "enrolments", "k7", Map.of()).path("enrolmentNumber").asText()).isEqualTo("YB2");
    department.verify(2, postRequestedFor(urlEqualTo("/yb/enrolments")).withHeader("Idempotency-Key", equalTo("k7")));

    // broken twice: a technical fault, left to the step's retries
    department.resetAll();
    department.stubFor(post("/yb/enrolments").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> http.post("yb", "enrolments", "k8", Map.of()))
        .isInstanceOf(DepartmentUnavailableException.class).hasMessageContaining("无法连接或超时");
    department.verify(2, postRequestedFor(urlEqualTo("/yb/enrolments")));
  }

  @Test
  void anUnreachableDepartmentIsATechnicalFault() {
    DepartmentProperties properties = new DepartmentProperties(Duration.ofSeconds(1), "http://127.0.0.1:1", null,
        null, null);
    DepartmentHttp unreachable = new DepartmentHttp(CATALOGUE, properties, RestClient.builder(), new ObjectMapper());
    assertThatThrownBy(() -> unreachable.post("mz", "marriages", "k6", Map.of()))
        .isInstanceOf(DepartmentUnavailableException.class);
  }
}
