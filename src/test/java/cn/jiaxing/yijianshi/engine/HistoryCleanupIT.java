package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History is removed at night only, in batches: the cleanup job is scheduled inside the 01:00–05:00 window. */
class HistoryCleanupIT extends FullStackTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;

  @Test
  void theCleanupJobRunsInTheNightWindowInBatches() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
    assertThat(configuration.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);

    assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy((Job job) -> {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    });
  }
}
