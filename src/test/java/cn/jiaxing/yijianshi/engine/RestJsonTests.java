package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

/** The REST API's one JSON mapper behaves as the mapper Camunda builds per call; a body it cannot read is named. */
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
  void theResourcesAreCamundasWithTheSharedMapperAndOneMapperOfEachJsonFault() {
    Set<Class<?>> replaced = Set.of(JacksonConfigurator.class, JsonMappingExceptionHandler.class,
        JsonParseExceptionHandler.class);
    assertThat(RestJson.Resources.configurationClasses())
        .contains(RestJson.SharedMapper.class, RestJson.UnreadableJson.Mapping.class, RestJson.UnreadableJson.Parse.class,
            RestJson.UnreadableJson.TooLarge.class)
        .doesNotContainAnyElementsOf(replaced)
        .containsAll(CamundaRestResources.getConfigurationClasses().stream().filter(c -> !replaced.contains(c)).toList());
  }

  private static ExceptionDto body(Response response) {
    assertThat(response.getStatus()).isEqualTo(400);
    return (ExceptionDto) response.getEntity();
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithItsField() {
    ObjectMapper mapper = shared.getContext(Object.class);
    JsonMappingException fault = catchThrowableOfType(
        () -> mapper.readValue("{\"createdAfter\":\"2000-01-01\"}", TaskQueryDto.class), JsonMappingException.class);
    ExceptionDto answer = body(new RestJson.UnreadableJson.Mapping().toResponse(fault));
    assertThat(answer.getType()).isEqualTo("InvalidRequestException");
    assertThat(answer.getMessage()).startsWith("请求内容无法读取（字段 createdAfter）：").contains("2000-01-01")
        .doesNotContain("[Source");

    JsonMappingException inList = catchThrowableOfType(() -> mapper.readValue(
        "{\"orQueries\":[{\"priority\":\"high\"}]}", TaskQueryDto.class), JsonMappingException.class);
    assertThat(body(new RestJson.UnreadableJson.Mapping().toResponse(inList)).getMessage())
        .startsWith("请求内容无法读取（字段 orQueries[0].priority）：");
  }

  @Test
  void aHugeValueIsNotEchoedWhole() {
    String huge = "9".repeat(100_000);
    JsonMappingException fault = catchThrowableOfType(() -> shared.getContext(Object.class)
        .readValue("{\"createdAfter\":\"" + huge + "\"}", TaskQueryDto.class), JsonMappingException.class);
    assertThat(body(new RestJson.UnreadableJson.Mapping().toResponse(fault)).getMessage()).hasSizeLessThan(400).endsWith("…");
  }

  @Test
  void aHugeFieldNameIsNotEchoedWhole() {
    JsonMappingException fault = JsonMappingException.wrapWithPath(
        JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null, "wrong type"), new Object(),
        "k".repeat(100_000));
    assertThat(body(new RestJson.UnreadableJson.Mapping().toResponse(fault)).getMessage()).hasSizeLessThan(200)
        .startsWith("请求内容无法读取（字段 kkk").endsWith("…）：wrong type");
  }

  @Test
  void theSameFaultWhileWritingAnAnswerIsTheServersNotTheClients() throws Exception {
    JsonMappingException fault = JsonMappingException.from(
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(new java.io.StringWriter()), "no serializer");
    Response response = new RestJson.UnreadableJson.Mapping().toResponse(fault);
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(((ExceptionDto) response.getEntity()).getMessage()).doesNotContain("请求内容");
  }

  @Test
  void aBodyBeyondJacksonsLimitsIsNamed() {
    StreamConstraintsException fault = catchThrowableOfType(() -> shared.getContext(Object.class)
        .readTree("{\"n\": " + "1".repeat(1_001) + "}"), StreamConstraintsException.class);
    ExceptionDto answer = body(new RestJson.UnreadableJson.TooLarge().toResponse(fault));
    assertThat(answer.getType()).isEqualTo("InvalidRequestException");
    assertThat(answer.getMessage()).startsWith("请求内容超出限制：Number value length (1001) exceeds");
  }

  @Test
  void aBodyThatIsNotJsonIsNamedWithItsLineAndColumn() {
    JsonParseException fault = catchThrowableOfType(
        () -> shared.getContext(Object.class).readTree("{\"a\": tru }"), JsonParseException.class);
    ExceptionDto answer = body(new RestJson.UnreadableJson.Parse().toResponse(fault));
    assertThat(answer.getType()).isEqualTo("InvalidRequestException");
    assertThat(answer.getMessage()).startsWith("请求内容不是合法的 JSON（第1行第").contains("tru");
  }
}
