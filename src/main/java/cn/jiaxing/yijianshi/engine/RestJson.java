package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter configures it, with two differences.
 * <ul>
 *   <li>The JSON mapper. Camunda's {@link JacksonConfigurator} builds a new {@link ObjectMapper} (and registers the
 *   Java time module on it) each time JSON is read or written, several times a request: about 1% of the platform's
 *   CPU under load (README, <i>Performance</i>). {@link SharedMapper} configures one mapper the same way, once, and
 *   hands out that one; an {@code ObjectMapper} is safe to share once configured (it copies the date format before
 *   each use).</li>
 *   <li>A body that is not JSON, or a value of the wrong type. Camunda and Jersey's Jackson feature both map these
 *   faults, with the same precedence, and which one answered depended on the order Jersey happened to register
 *   them in at start: Jackson's plain text naming the fault, or Camunda's JSON with an empty message. Only
 *   {@link UnreadableJson} maps them now: a 400 in Camunda's error format whose message says what could not be read
 *   and where.</li>
 * </ul>
 */
@Configuration
class RestJson {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new Resources();
  }

  /**
   * The starter's resource configuration, {@link SharedMapper} in place of {@link JacksonConfigurator} and
   * {@link UnreadableJson} in place of the two mappers each of Camunda's and Jackson's JSON faults.
   */
  static final class Resources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(configurationClasses());
      register(JacksonFeature.withoutExceptionMappers());
    }

    static Set<Class<?>> configurationClasses() {
      Set<Class<?>> classes = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
      for (Class<?> replaced : List.of(JacksonConfigurator.class, JsonMappingExceptionHandler.class,
          JsonParseExceptionHandler.class)) {
        if (!classes.remove(replaced)) {
          throw new IllegalStateException("Camunda's REST configuration no longer lists " + replaced.getSimpleName()
              + ": check that RestJson still replaces it");
        }
      }
      classes.addAll(List.of(SharedMapper.class, UnreadableJson.Mapping.class, UnreadableJson.Parse.class,
          UnreadableJson.TooLarge.class));
      return classes;
    }
  }

  /**
   * A request body the REST API cannot read: 400, {@code InvalidRequestException}, and a message naming the fault
   * and where it is (the field, or the line and column), in Camunda's error format as its other 400s.
   */
  static final class UnreadableJson {

    private UnreadableJson() {
    }

    /** How much of Jackson's description is repeated (it quotes the value it could not read, however long). */
    static final int DESCRIPTION_LIMIT = 300;

    static Response answer(JsonProcessingException fault, String what) {
      String message = what + "：" + abbreviated(String.valueOf(fault.getOriginalMessage()), DESCRIPTION_LIMIT);
      return ExceptionHandlerHelper.getInstance()
          .getResponse(new InvalidRequestException(Response.Status.BAD_REQUEST, fault, message));
    }

    static String abbreviated(String text, int limit) {
      return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }

    /**
     * A value that is not of the field's type (a date that is not a date, text for a number …). The same fault
     * while an answer is written is the server's: Camunda's answer to a fault of its own (500).
     */
    @Provider
    public static final class Mapping implements ExceptionMapper<JsonMappingException> {
      @Override
      public Response toResponse(JsonMappingException fault) {
        if (fault.getProcessor() instanceof JsonGenerator) {
          return ExceptionHandlerHelper.getInstance().getResponse(fault);
        }
        String path = fault.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        // a map's keys are the client's own text (variable names), as long as it likes
        return answer(fault, "请求内容无法读取" + (path.isEmpty() ? "" : "（字段 " + abbreviated(path, 100) + "）"));
      }
    }

    /** A body that is not JSON (worded as the guard's answer to a form write that is not, {@link RestInputGuard}). */
    @Provider
    public static final class Parse implements ExceptionMapper<JsonParseException> {
      @Override
      public Response toResponse(JsonParseException fault) {
        JsonLocation at = fault.getLocation();
        return answer(fault, "请求内容不是合法的 JSON" + (at == null || at.getLineNr() < 1 ? ""
            : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列）"));
      }
    }

    /** A body beyond Jackson's limits: a number of over 1,000 digits, nesting over 1,000 deep, and the like. */
    @Provider
    public static final class TooLarge implements ExceptionMapper<StreamConstraintsException> {
      @Override
      public Response toResponse(StreamConstraintsException fault) {
        return answer(fault, "请求内容超出限制");
      }
    }
  }

  /**
   * The REST API's JSON mapper: configured as Camunda's {@link JacksonConfigurator} does, once, for the same media
   * types (plain JSON, and HAL, which Tasklist's task lists ask for; else Spring's mapper would write those).
   */
  @Provider
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static final class SharedMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }
}
