package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SlaRecordsTests extends ProcessTestSupport {

  @Autowired SlaRecords records;
  @Autowired JdbcClient jdbc;

  private void open(String instance, String step) {
    Instant now = Instant.parse("2026-06-01T01:00:00Z");
    jdbc.sql("insert into sla_record (process_instance_id, case_number, process_key, step_id, step_name, department,"
            + " policy, started_at, warn_at, due_at, canceled, paused_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(instance, "JXTS" + instance.substring(0, 8), "RecordsFixture", step, step, "mz", "5WD",
            Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plusSeconds(86_400)), false, 0)
        .update();
  }

  private Map<String, Boolean> canceledByStep(String instance) {
    return jdbc.sql("select step_id, canceled from sla_record where process_instance_id = ?").param(instance)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void aClosingCaseCancelsItsOwnOpenStepsOnlyAndNotItsPromise() {
    String closing = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    open(closing, SlaRecords.CASE_STEP);
    open(closing, "Task_A");
    open(closing, "Task_B");
    open(other, "Task_A");

    records.cancelOpenSteps(closing, Instant.parse("2026-06-02T01:00:00Z"));

    assertThat(canceledByStep(closing)).containsExactlyInAnyOrderEntriesOf(
        Map.of(SlaRecords.CASE_STEP, false, "Task_A", true, "Task_B", true));
    assertThat(canceledByStep(other)).containsExactlyEntriesOf(Map.of("Task_A", false));
    assertThat(jdbc.sql("select count(*) from sla_record where process_instance_id = ? and completed_at is null")
        .param(other).query(Long.class).single()).isEqualTo(1);
    // nothing open: nothing to do
    records.cancelOpenSteps(UUID.randomUUID().toString(), Instant.parse("2026-06-02T01:00:00Z"));
  }
}
