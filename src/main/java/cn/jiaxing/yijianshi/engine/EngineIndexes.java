package cn.jiaxing.yijianshi.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that the engine does not create and the clerks' task lists and
 * Cockpit need at 100,000 open tasks (README, Performance), created at engine start when missing (the engine creates its tables itself, after
 * Flyway has run, so they cannot be a Flyway migration); and the threshold of {@link TaskVisibility}'s
 * index-ordered pages from {@code yijianshi.engine.task-list-dense-from}.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  /** One index: its name, table and columns. */
  record Index(String name, String table, String columns) {
  }

  static final List<Index> INDEXES = List.of(
      // Tasklist's pages in its own order (the filter's due date, then newest first), by due date alone, and
      // the 即将超期 / 已超期 windows (TaskVisibility BY_INDEX)
      new Index("YJS_IDX_TASK_DUE_CREATED", "ACT_RU_TASK", "DUE_DATE_, CREATE_TIME_ DESC"),
      // completing a task looks for its sub-tasks (TaskManager.findTasksByParentTaskId): without this index
      // every completion read all open tasks (0.3–0.5 s at 100,000 open tasks on MariaDB)
      new Index("YJS_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
      // a clerk's grants with their permissions, so that counting or checking them reads only this index
      new Index("YJS_IDX_AUTH_GROUP_PERMS", "ACT_RU_AUTHORIZATION", "GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_"),
      // Cockpit's process-definition statistics count the running instances per definition from this index
      // alone (executions without a parent, of no tenant), not from every execution's row
      new Index("YJS_IDX_EXEC_ROOTS", "ACT_RU_EXECUTION", "PARENT_ID_, TENANT_ID_, PROC_DEF_ID_, PROC_INST_ID_"));

  private final EngineSettings settings;

  EngineIndexes(EngineSettings settings) {
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskVisibility.denseFrom(settings.taskListDenseFrom());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    for (Index index : INDEXES) {
      create(configuration.getDataSource(), prefix, index);
    }
  }

  /** Creates the index unless it exists; another node creating it at the same moment is no error. */
  static void create(DataSource dataSource, String prefix, Index index) {
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, prefix + index.table(), index.name())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("create index " + index.name() + " on " + prefix + index.table() + " (" + index.columns() + ")");
        log.info("Created index {} on {} ({})", index.name(), prefix + index.table(), index.columns());
      } catch (SQLException e) {
        if (!exists(connection, prefix + index.table(), index.name())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the index " + index.name() + " on " + index.table(), e);
    }
  }

  static boolean exists(Connection connection, String table, String name) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String t : List.of(table, table.toLowerCase(), table.toUpperCase())) {
      try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), null, t, false, true)) {
        while (rs.next()) {
          if (name.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
