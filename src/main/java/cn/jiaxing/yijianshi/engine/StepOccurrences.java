package cn.jiaxing.yijianshi.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The step_occurrence table: department step occurrences, numbered per case and step. Written in the engine's transaction. */
@Repository
public class StepOccurrences {

  private final JdbcClient db;
  private final Clock clock;

  StepOccurrences(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Numbers a new occurrence: one more than the step's occurrences in the case so far. */
  int add(String occurrenceId, String caseNumber, String processKey, String stepId, String department) {
    int ordinal = db.sql("select coalesce(max(ordinal), 0) + 1 from step_occurrence"
            + " where case_number = ? and process_key = ? and step_id = ?")
        .params(caseNumber, processKey, stepId).query(Integer.class).single();
    db.sql("insert into step_occurrence (job_id, case_number, process_key, step_id, ordinal, created_at, department)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(occurrenceId, caseNumber, processKey, stepId, ordinal, Timestamp.from(clock.instant()), department).update();
    return ordinal;
  }

  /** A department step started for a case: the system it calls and the request's idempotency key. */
  public record CalledDepartment(String department, String idempotencyKey) {
  }

  /** Every department step occurrence started for a case (whether or not its call went out), in order. */
  public List<CalledDepartment> ofCase(String caseNumber) {
    return db.sql("select department, case_number, step_id, ordinal from step_occurrence"
            + " where case_number = ? and department is not null order by created_at, ordinal")
        .param(caseNumber)
        .query((rs, n) -> new CalledDepartment(rs.getString(1),
            StepOccurrence.idempotencyKey(rs.getString(2), rs.getString(3), rs.getInt(4))))
        .list();
  }

  /** The idempotency key of an occurrence (its external task), if it is a department step's. */
  Optional<String> idempotencyKey(String occurrenceId) {
    return db.sql("select case_number, step_id, ordinal from step_occurrence where job_id = ?").param(occurrenceId)
        .query((rs, n) -> StepOccurrence.idempotencyKey(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .optional();
  }
}
