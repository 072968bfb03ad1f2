package cn.jiaxing.yijianshi.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Department task lists that stay instant with 100,000 open tasks. The engine is the starter's own
 * configuration (every {@code camunda.bpm.*} property and our engine plugins still apply, see
 * {@code CamundaBpmConfiguration#processEngineConfigurationImpl}, which this bean replaces) with one
 * change to its SQL: the task query (task lists, counts and Tasklist filters) reads {@link #TASK_MAPPING},
 * a copy of the engine's {@code Task.xml} in which {@link TaskVisibility} chooses, per query, how the
 * user's right to see each task is checked, instead of Camunda 7.24's join
 * {@code ON (RESOURCE_ID_ = RES.ID_ OR RESOURCE_ID_ = D.KEY_ OR RESOURCE_ID_ = '*')}. That OR defeats every
 * index, so a clerk's list read all authorization rows (one per open task) for each task: 18 s for a
 * page at 10,000 open tasks (README, Performance). The permissions checked are Camunda's; with revoke
 * authorizations present the query keeps Camunda's own form. The EXISTS form follows CIB seven's PR 151 /
 * Operaton's PR 3152, in the shape MariaDB and MySQL plan well.
 *
 * <p>On an engine upgrade: {@code TaskQueryMappingTests} fails until the copy is made again from the new
 * engine's {@code Task.xml} (see the {@code yijianshi:} comments in it).
 */
@Configuration
class TaskQueryMapping {

  static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String TASK_MAPPING = "cn/jiaxing/yijianshi/engine/mapping/Task.xml";

  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> processEnginePlugins) {
    SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new PlatformEngineConfiguration());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(processEnginePlugins));
    return configuration;
  }

  /** The engine's MyBatis configuration with our task mapping in place of its own. */
  static String mappings() {
    String mappings = read(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
    String engineTask = "resource=\"" + ENGINE_TASK_MAPPING + "\"";
    if (!mappings.contains(engineTask)) {
      throw new IllegalStateException("The engine's " + ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE
          + " no longer names " + ENGINE_TASK_MAPPING + ": make " + TASK_MAPPING + " again from the new engine");
    }
    return mappings.replace(engineTask, "resource=\"" + TASK_MAPPING + "\"");
  }

  static String read(String resource) {
    try (InputStream in = ReflectUtil.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class PlatformEngineConfiguration extends SpringProcessEngineConfiguration {

    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      return new ByteArrayInputStream(mappings().getBytes(StandardCharsets.UTF_8));
    }
  }
}
