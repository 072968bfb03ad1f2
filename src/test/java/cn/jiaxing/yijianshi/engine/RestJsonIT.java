package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /engine-rest} reads and writes JSON as Camunda configures it, with one mapper shared by every request. */
class RestJsonIT extends FullStackTestSupport {

  @Autowired CamundaJerseyResourceConfig resources;

  @Test
  void theRestApiUsesTheSharedMapperInsteadOfCamundasMapperPerCall() {
    assertThat(resources).isInstanceOf(RestJson.Resources.class);
    assertThat(resources.getClasses()).contains(RestJson.SharedMapper.class)
        .doesNotContain(JacksonConfigurator.class);
  }

  @Test
  void datesAreWrittenAndReadInCamundasFormatAndUnknownFieldsIgnored() {
    JsonNode deployments = get("admin", "/engine-rest/deployment?maxResults=1").getBody();
    assertThat(deployments.get(0).get("deploymentTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");

    ResponseEntity<JsonNode> tasks = post("admin", "/engine-rest/task",
        Map.of("createdAfter", "2000-01-01T00:00:00.000+0800", "notAQueryField", 1));
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(tasks.getBody().isArray()).isTrue();

    ResponseEntity<String> wrong = as("admin").post().uri("/engine-rest/task").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("createdAfter", "2000-01-01")).retrieve().toEntity(String.class);
    // answered by Camunda's or Jackson's mapper of the fault, whichever Jersey finds first (as before the change)
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
  }
}
