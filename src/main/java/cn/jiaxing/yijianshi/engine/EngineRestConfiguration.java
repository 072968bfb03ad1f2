package cn.jiaxing.yijianshi.engine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda ships it, except that a {@link RejectedInputException} anywhere in
 * an error's causes answers 400 with just its Chinese message — for every endpoint (start, submit
 * form, complete task), however deep the engine wrapped it (task listeners wrap everything).
 * Tasklist shows that message to the clerk.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    Set<Class<?>> replaced = Set.of(RestExceptionHandler.class, ProcessEngineExceptionHandler.class);
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(c -> !replaced.contains(c)).collect(Collectors.toSet()));
    register(JacksonFeature.class);
    register(RejectingRestExceptionHandler.class);
    register(RejectingProcessEngineExceptionHandler.class);
  }

  static Response rejected(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RejectedInputException rejected) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "RejectedInputException", "message", rejected.getMessage(), "code", 0)).build();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  public static class RejectingRestExceptionHandler extends RestExceptionHandler {
    @Override
    public Response toResponse(RestException exception) {
      Response rejected = rejected(exception);
      return rejected != null ? rejected : super.toResponse(exception);
    }
  }

  public static class RejectingProcessEngineExceptionHandler extends ProcessEngineExceptionHandler {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response rejected = rejected(exception);
      return rejected != null ? rejected : super.toResponse(exception);
    }
  }
}
