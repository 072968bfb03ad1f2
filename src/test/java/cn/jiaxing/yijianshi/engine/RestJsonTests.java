package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

/** The REST API's one JSON mapper behaves as the mapper Camunda builds per call. */
class RestJsonTests {

  private final RestJson.SharedMapper shared = new RestJson.SharedMapper();
  private final ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);

  @Test
  void oneMapperForEveryCall() {
    assertThat(shared.getContext(TaskQueryDto.class)).isSameAs(shared.getContext(Object.class));
  }

  @Test
  void itWritesAndReadsAsCamundasDoes() throws Exception {
    ObjectMapper mapper = shared.getContext(Object.class);
    Map<String, Object> value = Map.of("due", new Date(1_700_000_000_123L), "day", LocalDate.of(2026, 12, 3));
    assertThat(mapper.writeValueAsString(value)).isEqualTo(camundas.writeValueAsString(value));

    String query = "{\"createdAfter\":\"2026-12-03T09:30:00.000+0800\",\"notAQueryField\":1}";
    assertThat(mapper.readValue(query, TaskQueryDto.class).getCreatedAfter())
        .isEqualTo(camundas.readValue(query, TaskQueryDto.class).getCreatedAfter())
        .isEqualTo(Date.from(java.time.OffsetDateTime.parse("2026-12-03T09:30:00+08:00").toInstant()));
  }

  @Test
  void theResourcesAreCamundasWithTheSharedMapperInPlaceOfTheirs() {
    assertThat(RestJson.Resources.configurationClasses()).contains(RestJson.SharedMapper.class)
        .doesNotContain(JacksonConfigurator.class)
        .containsAll(CamundaRestResources.getConfigurationClasses().stream()
            .filter(c -> c != JacksonConfigurator.class).toList());
  }
}
