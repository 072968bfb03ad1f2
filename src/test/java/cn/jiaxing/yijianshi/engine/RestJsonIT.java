package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.PROCESS_KEY;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /engine-rest} reads and writes JSON as Camunda configures it, with one mapper shared by every request, and
 * answers a body it cannot read the same way on every start.
 */
class RestJsonIT extends FullStackTestSupport {

  private static final String CAMUNDA_DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}";

  @Autowired CamundaJerseyResourceConfig resources;
  @Autowired @Qualifier("restEngineLookupFilter") FilterRegistrationBean<?> engineLookup;

  @Test
  void engineRequestsRunWithTheServiceFileCache() {
    assertThat(engineLookup.getFilter()).isInstanceOf(RestEngineLookup.Filter.class);
    assertThat(engineLookup.getUrlPatterns()).containsExactlyInAnyOrder("/engine-rest/*", "/camunda/api/*");
    assertThat(engineLookup.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
  }

  @Test
  void halListsAsTasklistReadsThemCarryCamundasDatesToo() {
    var started = submitStartForm(PROCESS_KEY, TestApplications.marriage("张伟", "王芳"));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();
    awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    JsonNode task = tasklistPage("minzheng", Map.of("processInstanceBusinessKey", caseNumber)).get(0);
    assertThat(task.path("created").asText()).matches(CAMUNDA_DATE);
    assertThat(task.path("due").asText()).matches(CAMUNDA_DATE);
  }

  @Test
  void theRestApiUsesTheSharedMapperInsteadOfCamundasMapperPerCall() {
    assertThat(resources).isInstanceOf(RestJson.Resources.class);
    assertThat(resources.getClasses()).contains(RestJson.SharedMapper.class)
        .doesNotContain(JacksonConfigurator.class);
  }

  @Test
  void datesAreWrittenAndReadInCamundasFormatAndABodyThatCannotBeReadIsNamed() {
    JsonNode deployments = get("admin", "/engine-rest/deployment?maxResults=1").getBody();
    assertThat(deployments.get(0).get("deploymentTime").asText())
        .matches(CAMUNDA_DATE);

    ResponseEntity<JsonNode> tasks = post("admin", "/engine-rest/task",
        Map.of("createdAfter", "2000-01-01T00:00:00.000+0800", "notAQueryField", 1));
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(tasks.getBody().isArray()).isTrue();

    ResponseEntity<String> wrong = as("admin").post().uri("/engine-rest/task").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("createdAfter", "2000-01-01")).retrieve().toEntity(String.class);
    assertUnreadable(wrong, "请求内容无法读取（字段 createdAfter）：");

    ResponseEntity<String> broken = as("admin").post().uri("/engine-rest/task").contentType(MediaType.APPLICATION_JSON)
        .body("{\"createdAfter\": ").retrieve().toEntity(String.class);
    assertUnreadable(broken, "请求内容不是合法的 JSON（第1行第");

    ResponseEntity<String> huge = as("admin").post().uri("/engine-rest/task").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("createdAfter", "9".repeat(100_000))).retrieve().toEntity(String.class);
    assertUnreadable(huge, "请求内容无法读取（字段 createdAfter）：");
    assertThat(huge.getBody().length()).isLessThan(1_000);

    ResponseEntity<String> tooLong = as("admin").post().uri("/engine-rest/task").contentType(MediaType.APPLICATION_JSON)
        .body("{\"notAQueryField\": " + "1".repeat(1_001) + "}").retrieve().toEntity(String.class);
    assertUnreadable(tooLong, "请求内容超出限制：");
  }

  /** One answer, whatever order Jersey registered its providers in: Camunda's JSON error with a message. */
  private void assertUnreadable(ResponseEntity<String> answer, String message) {
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = readJson(answer.getBody());
    assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(body.path("message").asText()).startsWith(message);
  }

  private JsonNode readJson(String text) {
    try {
      return json.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
