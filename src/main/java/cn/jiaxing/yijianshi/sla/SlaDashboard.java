package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CaseType;
import cn.jiaxing.yijianshi.casefile.CaseTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** The supervisor's figures, computed from the SLA records (see {@link SlaController}). */
@Service
public class SlaDashboard {

  private final SlaRecords records;
  private final HistoryService history;
  private final CaseTypes types;
  private final DepartmentNames names;
  private final Clock clock;

  SlaDashboard(SlaRecords records, HistoryService history, CaseTypes types, DepartmentNames names, Clock clock) {
    this.types = types;
    this.names = names;
    this.records = records;
    this.history = history;
    this.clock = clock;
  }

  /** One row per process and department ("case" for the case-level promise). */
  public record Row(String processKey, String processName, String department, String departmentName, int open,
      int dueSoon, int overdue, int paused, int completed, int met, Double metShare) {
  }

  public record Summary(Instant generatedAt, int days, List<Row> rows) {
  }

  public Summary summary(int days) {
    Instant now = clock.instant();
    List<Row> rows = new ArrayList<>();
    for (SlaRecords.Counts c : records.countsSince(now, now.minus(Duration.ofDays(days)))) {
      rows.add(new Row(c.processKey(), processName(c.processKey()), c.department(), departmentName(c.department()),
          c.open(), c.dueSoon(), c.overdue(), c.paused(), c.completed(), c.met(),
          c.completed() == 0 ? null : Math.round(1000.0 * c.met() / c.completed()) / 1000.0));
    }
    rows.sort(Comparator.comparing(Row::processKey).thenComparing(r -> "case".equals(r.department()) ? "" : r.department()));
    return new Summary(now, days, rows);
  }

  /** An open step as the supervisor's lists show it. */
  public record OpenStep(String processInstanceId, String caseNumber, String processKey, String stepId,
      String stepName, String department, String departmentName, String taskId, SlaRecord.State state,
      Instant startedAt, Instant dueAt) {
  }

  /**
   * Open steps (not the case records) that are due soon or overdue (or in {@code state}), optionally of
   * one process, most urgent first, at most {@code limit}.
   */
  public List<OpenStep> urgentSteps(Optional<String> processKey, Optional<SlaRecord.State> state, int limit) {
    Instant now = clock.instant();
    return records.openSteps(now, processKey, state, limit).stream()
        .map(r -> new OpenStep(r.processInstanceId(), r.caseNumber(), r.processKey(), r.stepId(), r.stepName(),
            r.department(), departmentName(r.department()), r.taskId(), r.stateAt(now), r.startedAt(), r.dueAt()))
        .toList();
  }

  /**
   * A case's SLA timeline: its records (case first) and events, those of its called processes
   * included; asked for a called instance, the timeline of its case ({@code rootProcessInstanceId}).
   */
  public record Timeline(String processInstanceId, String rootProcessInstanceId, Instant generatedAt,
      List<TimelineEntry> records, List<SlaRecords.SlaEvent> events) {
  }

  public record TimelineEntry(String processKey, String stepId, String stepName, String department,
      String departmentName, String policy, SlaRecord.State state, Instant startedAt, Instant warnAt, Instant dueAt,
      Instant completedAt, long pausedMinutes, Instant remindedAt, Instant escalatedAt) {
  }

  public Timeline timeline(String processInstanceId) {
    Instant now = clock.instant();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    String root = instance == null || instance.getRootProcessInstanceId() == null
        ? processInstanceId : instance.getRootProcessInstanceId();
    List<TimelineEntry> entries = records.forInstance(root).stream()
        .sorted(Comparator.comparing((SlaRecord r) -> !r.isCase()).thenComparing(SlaRecord::startedAt))
        .map(r -> new TimelineEntry(r.processKey(), r.stepId(), r.stepName(), r.department(), departmentName(r.department()),
            r.policy(), r.stateAt(now), r.startedAt(), r.warnAt(), r.dueAt(), r.completedAt(),
            r.pausedMillis() / 60000, r.remindedAt(), r.escalatedAt()))
        .toList();
    return new Timeline(processInstanceId, root, now, entries, records.eventsForInstance(root));
  }

  /**
   * The SLA timeline of a case by its number, finished or not (Cockpit CE opens no finished instance; the 督办 view
   * finds it here): the timeline of the case's root instance, or empty for an unknown number.
   */
  public java.util.Optional<Timeline> timelineOfCase(String caseNumber) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).rootProcessInstances()
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
        .map(instance -> timeline(instance.getId()));
  }

  private String processName(String processKey) {
    return types.byProcessKey(processKey).map(CaseType::displayName).orElse(processKey);
  }

  private String departmentName(String code) {
    return names.of(code);
  }
}
