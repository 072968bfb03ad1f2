package cn.jiaxing.yijianshi.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes grants on single tasks that name no open task ({@code yijianshi.engine.orphan-grant-sweep},
 * hourly). Camunda deletes a task's grants with the task and {@code RestInputGuard} refuses a hand-made
 * grant on a task that is not open, but a grant written while a task was being completed, or by an engine
 * running with authorization off, could outlive its task; a clerk's task count reads the grants alone
 * ({@link TaskVisibility#countsGrants}), so none may name a task that is gone.
 */
@Component
class OrphanTaskGrants {

  private static final Logger log = LoggerFactory.getLogger(OrphanTaskGrants.class);

  private final JdbcClient db;
  private final AuthorizationService authorizations;
  private final ProcessEngine engine;

  OrphanTaskGrants(JdbcClient db, AuthorizationService authorizations, ProcessEngine engine) {
    this.db = db;
    this.authorizations = authorizations;
    this.engine = engine;
  }

  @Scheduled(initialDelayString = "${yijianshi.engine.orphan-grant-sweep:PT1H}",
      fixedDelayString = "${yijianshi.engine.orphan-grant-sweep:PT1H}")
  void sweep() {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    List<String> orphans = db.sql("select A.ID_ from " + prefix + "ACT_RU_AUTHORIZATION A where A.RESOURCE_TYPE_ = ?"
            + " and A.RESOURCE_ID_ <> '*' and not exists (select 1 from " + prefix + "ACT_RU_TASK T where T.ID_ = A.RESOURCE_ID_)")
        .param(Resources.TASK.resourceType()).query(String.class).list();
    for (String id : orphans) {
      try {
        authorizations.deleteAuthorization(id);
      } catch (org.camunda.bpm.engine.exception.NullValueException e) {
        // already deleted (another node's sweep): nothing to do
      }
    }
    if (!orphans.isEmpty()) {
      log.info("Deleted {} grants on tasks that are no longer open", orphans.size());
    }
  }
}
