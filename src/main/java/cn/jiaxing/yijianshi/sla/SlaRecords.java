package cn.jiaxing.yijianshi.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sla_record and sla_event tables. Writes happen in the caller's (the engine's) transaction. */
@Repository
public class SlaRecords {

  /** The step id of a case-level record: the case promise's key in the policies. */
  public static final String CASE_STEP = SlaProperties.CASE;
  /** The department of a timed wait on a message or timer that names none. */
  public static final String EVENT_WAIT = "wait";
  private static final String COLUMNS = "id, process_instance_id, case_number, process_key, step_id, step_name,"
      + " department, task_id, policy, started_at, warn_at, due_at, completed_at, canceled, paused_since, paused_ms,"
      + " reminded_at, escalated_at, provisional_from";

  private final JdbcClient db;
  private final java.time.Clock clock;

  SlaRecords(JdbcClient db, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * A new record for one occurrence of a step (a user task, a department call's job, a wait's
   * activity instance; {@link #caseOccurrence} for the case's own record), under the case's root
   * process instance.
   */
  void insert(String occurrenceId, String processInstanceId, String caseNumber, String processKey, String stepId,
      String stepName, String department, String taskId, SlaPolicy policy, Instant startedAt, Instant warnAt,
      Instant dueAt, Integer provisionalFrom) {
    db.sql("insert into sla_record (occurrence_id, process_instance_id, case_number, process_key, step_id, step_name,"
            + " department, task_id, policy, started_at, warn_at, due_at, canceled, paused_ms, provisional_from)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0, ?)")
        .params(occurrenceId, processInstanceId, caseNumber, processKey, stepId, stepName, department, taskId,
            policy.toString(), ts(startedAt), ts(warnAt), ts(dueAt), provisionalFrom)
        .update();
  }

  /**
   * Marks the record's due instant provisional from {@code year} (the first year without a holiday
   * notice it was counted across), or final ({@code null}), after it was moved.
   */
  void provisionalFrom(long id, Integer year) {
    db.sql("update sla_record set provisional_from = ? where id = ?").params(year, id).update();
  }

  /** Open records whose due instants were counted across a year without its holiday notice. */
  List<SlaRecord> openProvisional() {
    return db.sql("select " + COLUMNS + " from sla_record where provisional_from is not null"
        + " and completed_at is null order by id").query(SlaRecords::map).list();
  }

  /** The recount of a provisional record, unless another node did it first. */
  boolean recounted(long id, int wasProvisionalFrom, Instant warnAt, Instant dueAt, Integer provisionalFrom) {
    return db.sql("update sla_record set warn_at = ?, due_at = ?, provisional_from = ?,"
            + " reminded_at = case when warn_at = ? then reminded_at else null end,"
            + " escalated_at = case when due_at = ? then escalated_at else null end where id = ? and provisional_from = ?")
        .params(ts(warnAt), ts(dueAt), provisionalFrom, ts(warnAt), ts(dueAt), id, wasProvisionalFrom).update() == 1;
  }

  /** The occurrence id of a case's own record. */
  static String caseOccurrence(String rootProcessInstanceId) {
    return "case:" + rootProcessInstanceId;
  }

  void pause(long id, Instant at) {
    db.sql("update sla_record set paused_since = ? where id = ? and paused_since is null and completed_at is null")
        .params(ts(at), id).update();
  }

  /** The step is entered again after 补正: its clock runs on, now for the new occurrence (task). */
  void resume(long id, String occurrenceId, String taskId, Instant warnAt, Instant dueAt, long pausedMillis) {
    db.sql("update sla_record set occurrence_id = coalesce(?, occurrence_id), task_id = coalesce(?, task_id),"
            + " warn_at = ?, due_at = ?, paused_since = null, paused_ms = paused_ms + ? where id = ? and completed_at is null")
        .params(occurrenceId, taskId, ts(warnAt), ts(dueAt), pausedMillis, id).update();
  }

  /**
   * Extends an open step's limit once: the new policy, warning and due instants, and reminders and
   * 督办 may come again for the new limit. True for exactly one caller (the policy must still be the old one).
   */
  boolean extend(long id, String oldPolicy, String newPolicy, Instant warnAt, Instant dueAt) {
    return db.sql("update sla_record set policy = ?, warn_at = ?, due_at = ?, reminded_at = null, escalated_at = null"
            + " where id = ? and policy = ? and completed_at is null")
        .params(newPolicy, ts(warnAt), ts(dueAt), id, oldPolicy).update() == 1;
  }

  void complete(long id, Instant at, boolean canceled) {
    forgetCountedDay(at);
    db.sql("update sla_record set completed_at = ?, canceled = ?, paused_since = null where id = ? and completed_at is null")
        .params(ts(at), canceled, id).update();
  }

  /** Steps still open when their case closes (e.g. branches ended by a terminate event) are canceled. */
  void cancelOpenSteps(String processInstanceId, Instant at) {
    // found first (a plain read, no locks), then updated by primary key: an update with the whole condition was
    // planned on ix_sla_record_open on MariaDB and locked every open record of every case (issue 13: deadlocks
    // between cases closing at once)
    List<Long> open = db.sql("select id from sla_record where process_instance_id = ? and completed_at is null"
            + " and step_id <> ?")
        .params(processInstanceId, CASE_STEP).query(Long.class).list();
    if (!open.isEmpty()) {
      db.sql("update sla_record set completed_at = :at, canceled = true, paused_since = null"
              + " where id in (:ids) and completed_at is null")
          .param("at", ts(at)).param("ids", open).update();
    }
  }

  /**
   * Claims the due-soon reminder; true for exactly one caller, whatever the number of nodes, and
   * never once the step was escalated (a row another node is escalating is locked until it commits).
   */
  boolean claimReminder(long id, Instant at) {
    return db.sql("update sla_record set reminded_at = ? where id = ? and reminded_at is null and escalated_at is null"
            + " and completed_at is null and paused_since is null and warn_at <= ? and due_at > ?")
        .params(ts(at), id, ts(at), ts(at)).update() == 1;
  }

  /** An escalated step needs no late due-soon reminder. */
  void markReminded(long id, Instant at) {
    db.sql("update sla_record set reminded_at = coalesce(reminded_at, ?) where id = ?").params(ts(at), id).update();
  }

  /** Claims the overdue escalation; true for exactly one caller, and only while the step is still open and due. */
  boolean claimEscalation(long id, Instant at) {
    return db.sql("update sla_record set escalated_at = ? where id = ? and escalated_at is null"
            + " and completed_at is null and paused_since is null and due_at <= ?")
        .params(ts(at), id, ts(at)).update() == 1;
  }

  /** Claims the escalation of an open record now, whatever its due time (the model's own timer says it is late). */
  boolean claimEscalationNow(long id, Instant at) {
    return db.sql("update sla_record set escalated_at = ? where id = ? and escalated_at is null and completed_at is null")
        .params(ts(at), id).update() == 1;
  }

  /** The open records of a step of a case (its root instance). */
  List<SlaRecord> openSteps(String rootProcessInstanceId, String stepId) {
    return db.sql("select " + COLUMNS + " from sla_record where process_instance_id = ? and step_id = ?"
            + " and completed_at is null order by id")
        .params(rootProcessInstanceId, stepId).query(SlaRecords::map).list();
  }

  void event(SlaRecord record, String kind, String message, Instant at) {
    db.sql("insert into sla_event (record_id, process_instance_id, case_number, step_id, kind, message, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(record.id(), record.processInstanceId(), record.caseNumber(), record.stepId(), kind, message, ts(at))
        .update();
  }

  Optional<SlaRecord> findOccurrence(String occurrenceId) {
    return db.sql("select " + COLUMNS + " from sla_record where occurrence_id = ?")
        .param(occurrenceId).query(SlaRecords::map).optional();
  }

  Optional<SlaRecord> findCase(String rootProcessInstanceId) {
    return findOccurrence(caseOccurrence(rootProcessInstanceId));
  }

  /** The record of a step of the case stopped for 补正, waiting for the step to be entered again. */
  Optional<SlaRecord> findPaused(String rootProcessInstanceId, String processKey, String stepId) {
    return db.sql("select " + COLUMNS + " from sla_record where process_instance_id = ? and step_id = ?"
            + " and process_key = ? and completed_at is null and paused_since is not null order by id")
        .params(rootProcessInstanceId, stepId, processKey).query(SlaRecords::map).list().stream().findFirst();
  }

  /** The records of a case (by its root process instance), called processes' steps included. */
  public List<SlaRecord> forInstance(String processInstanceId) {
    return db.sql("select " + COLUMNS + " from sla_record where process_instance_id = ? order by started_at, id")
        .param(processInstanceId).query(SlaRecords::map).list();
  }

  public List<SlaEvent> eventsForInstance(String processInstanceId) {
    return db.sql("select step_id, kind, message, created_at from sla_event where process_instance_id = ? order by id")
        .param(processInstanceId)
        .query((rs, n) -> new SlaEvent(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
        .list();
  }

  /**
   * Open, running (not paused) records not yet claimed at this level: for {@code overdue}, those
   * past their due instant; otherwise those past their warning instant but not yet due (an overdue
   * step gets the escalation, not a late reminder).
   */
  List<SlaRecord> openPast(Instant now, boolean overdue) {
    String condition = overdue
        ? "due_at <= ? and escalated_at is null"
        : "warn_at <= ? and due_at > ? and reminded_at is null";
    var query = db.sql("select " + COLUMNS + " from sla_record where completed_at is null and paused_since is null and "
        + condition + " order by due_at");
    return (overdue ? query.param(ts(now)) : query.params(ts(now), ts(now))).query(SlaRecords::map).list();
  }

  /** Counts per process and department ("case" for case records), as of {@code now}; see {@link SlaRecord#stateAt}. */
  public record Counts(String processKey, String department, int open, int dueSoon, int overdue, int paused,
      int completed, int met) {
  }

  /**
   * The dashboard's figures, counted in the database: open records by state, and the records completed
   * since {@code since} with those met on time. The states are those of {@link SlaRecord#stateAt}.
   */
  List<Counts> countsSince(Instant now, Instant since) {
    // four reads, each through its own index (V10), so that none visits every open record's row: the
    // open records per group (index only), those past their warning instant or due, the paused ones, and
    // those completed since (README, Performance)
    Map<List<String>, int[]> counts = new LinkedHashMap<>();
    java.util.function.BiFunction<ResultSet, Integer, int[]> group = (rs, n) -> {
      try {
        return counts.computeIfAbsent(List.of(rs.getString(1), Optional.ofNullable(rs.getString(2)).orElse("case")),
            k -> new int[6]);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    db.sql("select process_key, department, count(*) from sla_record where completed_at is null"
            + " group by process_key, department")
        .query((rs, n) -> group.apply(rs, n)[0] += rs.getInt(3)).list();
    db.sql("select process_key, department, sum(case when due_at > :now then 1 else 0 end),"
            + " sum(case when due_at <= :now then 1 else 0 end) from sla_record"
            + " where completed_at is null and (warn_at <= :now or due_at <= :now) and paused_since is null"
            + " group by process_key, department")
        .param("now", ts(now))
        .query((rs, n) -> {
          int[] c = group.apply(rs, n);
          c[1] += rs.getInt(3);
          return c[2] += rs.getInt(4);
        }).list();
    db.sql("select process_key, department, count(*) from sla_record where completed_at is null"
            + " and paused_since is not null group by process_key, department")
        .query((rs, n) -> group.apply(rs, n)[3] += rs.getInt(3)).list();
    // completed since: the whole days long over from what was counted of them, the rest from the index
    completedDays.keySet().removeIf(day -> day.isBefore(now.minus(java.time.Duration.ofDays(MAX_PERIOD_DAYS + 2))));
    Instant from = since;
    Instant settled = now.minus(SETTLED).truncatedTo(ChronoUnit.DAYS);
    for (Instant day = since.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        !day.plus(1, ChronoUnit.DAYS).isAfter(settled); day = day.plus(1, ChronoUnit.DAYS)) {
      if (from.isBefore(day)) {
        completedBetween(from, day).forEach((k, v) -> add(counts, k, v));
      }
      Map<List<String>, int[]> counted = completedDays.get(day);
      if (counted == null) {
        counted = completedBetween(day, day.plus(1, ChronoUnit.DAYS));
        completedDays.put(day, counted);
      }
      counted.forEach((k, v) -> add(counts, k, v));
      from = day.plus(1, ChronoUnit.DAYS);
    }
    completedBetween(from, null).forEach((k, v) -> add(counts, k, v));
    return counts.entrySet().stream()
        .map(e -> new Counts(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1], e.getValue()[2],
            e.getValue()[3], e.getValue()[4], e.getValue()[5]))
        .toList();
  }

  /**
   * A day's count no longer changes once it is this long over: a record is completed once, at the instant
   * it is completed (the completing node's clock), and nothing changes a completed record.
   */
  private static final java.time.Duration SETTLED = java.time.Duration.ofDays(1);

  /** The longest period the dashboard counts (days). */
  static final int MAX_PERIOD_DAYS = 366;

  /**
   * A completion dated in a counted day (a node whose clock is far behind): that day is counted again —
   * forgotten now, and once more when the completion commits (a count read meanwhile would lack it).
   */
  private void forgetCountedDay(Instant at) {
    Instant day = at.truncatedTo(ChronoUnit.DAYS);
    if (completedDays.isEmpty() || day.plus(3, ChronoUnit.DAYS).isAfter(clock.instant())) {
      return; // the usual case: a completion dated today or yesterday falls in no day that is counted
    }
    completedDays.remove(day);
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              completedDays.remove(day);
            }
          });
    }
  }

  /** Completed and met per (process, department) of whole UTC days at least {@link #SETTLED} over, counted once. */
  private final Map<Instant, Map<List<String>, int[]>> completedDays = new java.util.concurrent.ConcurrentHashMap<>();

  /** Records completed in [from, to) (to null: since from), not canceled: completed and met per (process, department). */
  private Map<List<String>, int[]> completedBetween(Instant from, Instant to) {
    Map<List<String>, int[]> counts = new LinkedHashMap<>();
    db.sql("select process_key, department, count(*), sum(case when completed_at <= due_at then 1 else 0 end)"
            + " from sla_record where completed_at >= :from" + (to == null ? "" : " and completed_at < :to")
            + " and not canceled group by process_key, department")
        .params(to == null ? Map.of("from", ts(from)) : Map.of("from", ts(from), "to", ts(to)))
        .query((rs, n) -> counts.put(List.of(rs.getString(1), Optional.ofNullable(rs.getString(2)).orElse("case")),
            new int[] {rs.getInt(3), rs.getInt(4)}))
        .list();
    return counts;
  }

  private static void add(Map<List<String>, int[]> counts, List<String> group, int[] completedAndMet) {
    int[] c = counts.computeIfAbsent(group, k -> new int[6]);
    c[4] += completedAndMet[0];
    c[5] += completedAndMet[1];
  }

  /**
   * Open step records (not case records) in {@code state} as of {@code now} (due soon and overdue when
   * empty), optionally of one process, most urgent first, at most {@code limit}.
   */
  List<SlaRecord> openSteps(Instant now, Optional<String> processKey, Optional<SlaRecord.State> state, int limit) {
    String condition = state.isEmpty() ? "paused_since is null and warn_at <= :now" : switch (state.get()) {
      case OVERDUE -> "paused_since is null and due_at <= :now";
      case DUE_SOON -> "paused_since is null and warn_at <= :now and due_at > :now";
      case ON_TRACK -> "paused_since is null and warn_at > :now";
      case PAUSED -> "paused_since is not null";
      case MET, MISSED, CANCELED -> "1 = 0";
    };
    var query = db.sql("select " + COLUMNS + " from sla_record where completed_at is null and step_id <> :case and "
            + condition + (processKey.isPresent() ? " and process_key = :processKey" : "")
            + " order by due_at, id limit :limit")
        .param("case", CASE_STEP).param("now", ts(now)).param("limit", limit);
    if (processKey.isPresent()) {
      query = query.param("processKey", processKey.get());
    }
    return query.query(SlaRecords::map).list();
  }

  public record SlaEvent(String stepId, String kind, String message, Instant createdAt) {
  }

  private static SlaRecord map(ResultSet rs, int row) throws SQLException {
    return new SlaRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
        instant(rs, 12), instant(rs, 13), rs.getBoolean(14), instant(rs, 15), rs.getLong(16), instant(rs, 17),
        instant(rs, 18), (Integer) rs.getObject(19, Integer.class));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
