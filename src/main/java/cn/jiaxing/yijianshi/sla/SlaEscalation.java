package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.notification.Notifications;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds and escalates, exactly once per step and level however many nodes scan: a due-soon
 * reminder (即将超期) to the members of the step's department group, and at overdue a 督办 notice
 * to the supervisors with a 督办 entry on the case. Each claim is a conditional update in the
 * same transaction as its mail and entry.
 */
@Component
public class SlaEscalation {

  static final String SUPERVISORS = "supervisor";
  private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final SlaRecords records;
  private final Notifications notifications;
  private final IdentityService identity;
  private final TaskService tasks;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final MeterRegistry meters;
  private final Timer scans;
  private final DepartmentNames names;

  SlaEscalation(SlaRecords records, Notifications notifications, IdentityService identity, TaskService tasks,
      TransactionTemplate tx, Clock clock, WorkingDayCalendar calendar,
      @Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone, MeterRegistry meters, DepartmentNames names) {
    this.names = names;
    this.records = records;
    this.notifications = notifications;
    this.identity = identity;
    this.tasks = tasks;
    this.tx = tx;
    this.clock = clock;
    this.calendar = calendar;
    this.zone = zone;
    this.meters = meters;
    this.scans = Timer.builder("yijianshi.sla.scan").description("one SLA scan: find and claim reminders and escalations")
        .publishPercentiles(0.5, 0.95).register(meters);
  }

  /** One pass: escalate what is overdue, then remind what is due soon. */
  @Scheduled(fixedDelayString = "${yijianshi.sla.scan-interval:PT1M}", initialDelayString = "${yijianshi.sla.scan-initial-delay:PT10S}")
  public void scan() {
    scans.record(() -> {
      Instant now = clock.instant();
      for (SlaRecord r : records.openPast(now, true)) {
        run(() -> escalate(r, now));
      }
      for (SlaRecord r : records.openPast(now, false)) {
        run(() -> remind(r, now));
      }
    });
  }

  private void run(Runnable work) {
    try {
      tx.executeWithoutResult(status -> work.run());
    } catch (RuntimeException e) {
      log.warn("SLA escalation step failed, will retry on the next scan: {}", e.toString());
    }
  }

  private void remind(SlaRecord r, Instant now) {
    if (!records.claimReminder(r.id(), now)) {
      return;
    }
    String text = "办件 " + r.caseNumber() + " 的“" + r.stepName() + "”即将超期，到期时间 " + when(r.dueAt()) + "。";
    records.event(r, "DUE_SOON", text, now);
    if (r.isCase()) {
      return;
    }
    comment(r, "【即将超期】" + text);
    notifications.send(r.caseNumber(), "SLA_DUE_SOON", emails(r.department()),
        "【即将超期】" + r.stepName() + " 办件编号 " + r.caseNumber(),
        text + "\n请" + departmentName(r) + "尽快办理。\n\n嘉兴市一件事联办平台\n");
  }

  /**
   * The model says a step is late now (a timer boundary or throw event with the property {@code escalates}
   * naming the step: an hour-level limit the scanner's minute would blur): the step's open records in this case
   * are escalated at once, exactly once with the scanner (whichever comes first claims it).
   */
  void escalateNow(org.camunda.bpm.engine.delegate.DelegateExecution execution, String stepId) {
    Instant now = clock.instant();
    String root = cn.jiaxing.yijianshi.engine.CaseNumbers.root(execution).getId();
    for (SlaRecord r : records.openSteps(root, stepId)) {
      if (records.claimEscalationNow(r.id(), now)) {
        escalated(r, now);
      }
    }
  }

  private void escalate(SlaRecord r, Instant now) {
    if (!records.claimEscalation(r.id(), now)) {
      return;
    }
    escalated(r, now);
  }

  private void escalated(SlaRecord r, Instant now) {
    records.markReminded(r.id(), now);
    int days = calendar.workingDaysBetween(LocalDate.ofInstant(r.dueAt(), zone), LocalDate.ofInstant(now, zone));
    String what = r.isCase() ? "整体承诺时限" : "“" + r.stepName() + "”（" + departmentName(r) + "）";
    String text = "【督办】办件 " + r.caseNumber() + " 的" + what + "已于 " + when(r.dueAt()) + " 到期"
        + (days > 0 ? "，已超期 " + days + " 个工作日" : "") + "，请督促办理。";
    records.event(r, "OVERDUE", text, now);
    comment(r, text);
    notifications.send(r.caseNumber(), "SLA_OVERDUE", emails(SUPERVISORS),
        "【超期督办】" + (r.isCase() ? "办件" : r.stepName()) + " 办件编号 " + r.caseNumber(),
        text + "\n\n嘉兴市一件事联办平台\n");
    meters.counter("yijianshi.sla.breaches", "process", r.processKey(),
        "department", r.department() == null ? "case" : r.department()).increment();
    log.info("SLA of case {} step {} overdue: escalated", r.caseNumber(), r.stepId());
  }

  private void comment(SlaRecord r, String text) {
    if (r.taskId() != null && tasks.createTaskQuery().taskId(r.taskId()).count() > 0) {
      tasks.createComment(r.taskId(), r.processInstanceId(), text);
    }
  }

  private List<String> emails(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
        .filter(Objects::nonNull).filter(e -> !e.isBlank()).toList();
  }

  private String departmentName(SlaRecord r) {
    return names.of(r.department());
  }

  private String when(Instant instant) {
    return WHEN.format(instant.atZone(zone));
  }
}
