package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CaseFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Due dates counted across a year whose State Council holiday notice was not yet in the calendar are
 * provisional (the statutory days of 《全国年节及纪念日放假办法》 only, no 调休). At start-up, once the
 * year's block is in {@code calendar/working-days-cn.txt}, each open provisional record is recounted:
 * the same number of working days from its start on the published calendar (pauses and extensions
 * included, as they were counted in working days). The task's due date and the case's promise follow;
 * the case's 时限轨迹 says so. Safe on several nodes: a record is recounted once.
 */
@Service
public class SlaCalendarRecount {

  private static final Logger log = LoggerFactory.getLogger(SlaCalendarRecount.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final SlaRecords records;
  private final WorkingDayCalendar calendar;
  private final TaskService tasks;
  private final CaseFiles cases;
  private final Clock clock;
  private final ZoneId zone;
  private final TransactionTemplate tx;

  public SlaCalendarRecount(SlaRecords records, WorkingDayCalendar calendar, TaskService tasks,
      CaseFiles cases, Clock clock, @Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone, TransactionTemplate tx) {
    this.tx = tx;
    this.records = records;
    this.calendar = calendar;
    this.tasks = tasks;
    this.cases = cases;
    this.clock = clock;
    this.zone = zone;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    // through the template: a call from within this bean would bypass its @Transactional proxy
    int recounted = tx.execute(status -> recount());
    if (recounted > 0) {
      log.info("Recounted {} provisional due date(s) on the published holiday calendar", recounted);
    }
  }

  /** Recounts the open provisional records whose first provisional year now has its block; returns how many. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int recount() {
    int recounted = 0;
    DueDateCalculator calc = new DueDateCalculator(calendar, zone);
    for (SlaRecord r : records.openProvisional()) {
      int year = r.provisionalFrom();
      if (!calendar.covers(year)) {
        continue;
      }
      SlaPolicy policy = SlaPolicy.parse(r.policy());
      WorkingDayCalendar before = calendar.withoutYearsFrom(year);
      Instant due = calc.recount(r.dueAt(), r.startedAt(), before);
      Instant warn = calc.recount(r.warnAt(), r.startedAt(), before);
      if (!records.recounted(r.id(), year, warn, due, calc.provisionalFrom(policy, r.startedAt(), due))) {
        continue;
      }
      recounted++;
      if (due.equals(r.dueAt())) {
        continue;
      }
      records.event(r, "RECOUNTED", year + "年放假安排已发布，" + r.stepName() + "办理期限由"
          + DAY.format(r.dueAt().atZone(zone)) + "改为" + DAY.format(due.atZone(zone)), clock.instant());
      if (r.isCase()) {
        cases.moveDue(r.caseNumber(), due);
      } else if (r.taskId() != null) {
        Task task = tasks.createTaskQuery().taskId(r.taskId()).singleResult();
        if (task != null && !Objects.equals(task.getDueDate(), Date.from(due))) {
          task.setDueDate(Date.from(due));
          tasks.saveTask(task);
        }
      }
    }
    return recounted;
  }
}
