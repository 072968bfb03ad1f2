package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter configures it, with one difference: the JSON mapper.
 * Camunda's {@link JacksonConfigurator} builds a new {@link ObjectMapper} (and registers the Java time module on it)
 * each time JSON is read or written, several times a request: about 1% of the platform's CPU under load (README,
 * <i>Performance</i>). {@link SharedMapper} configures one mapper the same way, once, and hands out that one; an
 * {@code ObjectMapper} is safe to share once configured (it copies the date format before each use).
 */
@Configuration
class RestJson {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new Resources();
  }

  /** The starter's resource configuration, {@link SharedMapper} in place of {@link JacksonConfigurator}. */
  static final class Resources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(configurationClasses());
      register(JacksonFeature.class);
    }

    static Set<Class<?>> configurationClasses() {
      Set<Class<?>> classes = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
      if (!classes.remove(JacksonConfigurator.class)) {
        throw new IllegalStateException("Camunda's REST configuration no longer lists JacksonConfigurator: "
            + "check that RestJson.SharedMapper still replaces the mapper it configures");
      }
      classes.add(SharedMapper.class);
      return classes;
    }
  }

  /** The REST API's JSON mapper: configured as Camunda's {@link JacksonConfigurator} does, once. */
  @Provider
  @Produces(MediaType.APPLICATION_JSON)
  public static final class SharedMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }
}
