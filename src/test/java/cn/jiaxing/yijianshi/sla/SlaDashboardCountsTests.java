package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The dashboard's "completed in the period" counts whole days long over only once (a completed record
 * does not change), and stays exact: what was completed in the period, met or not, canceled left out.
 */
class SlaDashboardCountsTests extends ProcessTestSupport {

  @Autowired SlaDashboard dashboard;
  @Autowired SlaRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private long record(String process, Instant due, Instant completed, boolean canceled) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Instant now = clock.instant();
    jdbc.sql("insert into sla_record (occurrence_id, process_instance_id, process_key, step_id, department, policy,"
            + " started_at, warn_at, due_at, completed_at, canceled, paused_ms) values (?, ?, ?, 's', 'mz', '5WD', ?, ?, ?, ?, ?, 0)")
        .params(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), process,
            ts(now.minus(Duration.ofDays(60))), ts(due.minus(Duration.ofDays(1))), ts(due), ts(completed), canceled)
        .update(key, "id");
    return key.getKey().longValue();
  }

  private List<Integer> completedAndMet(String process) {
    SlaDashboard.Row row = dashboard.summary(30).rows().stream()
        .filter(r -> r.processKey().equals(process) && r.department().equals("mz")).findFirst().orElseThrow();
    return List.of(row.open(), row.completed(), row.met());
  }

  @Test
  void wholeDaysLongOverAreCountedOnceAndTheFiguresStayExact() {
    Instant now = clock.instant();
    String process = "SettledDays" + System.nanoTime();
    Duration day = Duration.ofDays(1);
    record(process, now.minus(day.multipliedBy(3)), now.minus(day.multipliedBy(3)).minusSeconds(60), false); // met
    record(process, now.minus(day.multipliedBy(12)), now.minus(day.multipliedBy(10)), false);                 // missed
    record(process, now.minus(day.multipliedBy(12)), now.minus(day.multipliedBy(10)), true);                  // canceled
    record(process, now.minus(day.multipliedBy(41)), now.minus(day.multipliedBy(40)), false);                 // before the period
    record(process, now.plus(day), now.minus(Duration.ofHours(1)), false);                                    // met, today
    long open = record(process, now.plus(day), null, false);

    assertThat(completedAndMet(process)).containsExactly(1, 3, 2);
    // asked again (the settled days now from what was counted of them): the same
    assertThat(completedAndMet(process)).containsExactly(1, 3, 2);

    // a completion dated in a counted day (a node whose clock is far behind) is not lost
    records.complete(open, now.minus(day.multipliedBy(10)), false);
    assertThat(completedAndMet(process)).containsExactly(0, 4, 3);
  }

  private static java.sql.Timestamp ts(Instant instant) {
    return instant == null ? null : java.sql.Timestamp.from(instant);
  }
}
