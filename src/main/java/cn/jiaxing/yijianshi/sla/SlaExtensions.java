package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extending a step's time limit where its policy allows it ({@code "30WD extendable 45WD"}: a law's
 * 经批准可延长): once, by a supervisor, with a reason that goes into the case's history. The task's
 * due date, the record's due and warning instants move by the extra time; reminders and 督办 apply
 * to the new limit.
 */
@Service
class SlaExtensions {

  static final int MAX_REASON = 500;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final SlaRecords records;
  private final SlaPolicies policies;
  private final TaskService tasks;
  private final Clock clock;
  private final ZoneId zone;

  SlaExtensions(SlaRecords records, SlaPolicies policies, TaskService tasks, Clock clock,
      @Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone) {
    this.records = records;
    this.policies = policies;
    this.tasks = tasks;
    this.clock = clock;
    this.zone = zone;
  }

  /** Why an extension was refused: {@code status} is the HTTP status the API answers. */
  static class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  record Extended(String taskId, String policy, Instant dueAt) {
  }

  @Transactional
  Extended extend(String taskId, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw new Refused(400, "请填写延长办理时限的理由");
    }
    if (reason.length() > MAX_REASON) {
      throw new Refused(400, "延长理由不能超过" + MAX_REASON + "字");
    }
    SlaRecord r = records.findOccurrence(taskId)
        .orElseThrow(() -> new Refused(404, "未找到该任务的办理时限记录"));
    if (r.completedAt() != null) {
      throw new Refused(409, "该环节已办结，无需延长时限");
    }
    SlaPolicy policy = SlaPolicy.parse(r.policy());
    if (policy.extendableTo() == null) {
      throw new Refused(409, "该环节的办理时限（" + r.policy() + "）不可延长，或已延长过一次");
    }
    DueDateCalculator calc = policies.calculator();
    Instant due = calc.dueAt(r.dueAt(), policy.extension());
    Instant warn = calc.shift(r.warnAt(), policy.limit().unit(), r.dueAt(), due); // as far as the due moved
    SlaPolicy extended = new SlaPolicy(policy.extendableTo(), policy.warnBefore(), null);
    if (!records.extend(r.id(), r.policy(), extended.toString(), warn, due)) {
      throw new Refused(409, "该环节时限刚刚已被延长或已办结，请刷新后查看");
    }
    records.provisionalFrom(r.id(), calc.provisionalFrom(policy, r.startedAt(), due));
    String text = ResidentIdNumber.maskAll(reason.strip());
    records.event(r, "EXTENDED", "经" + by + "批准，" + r.stepName() + "办理时限延长至"
        + DAY.format(due.atZone(zone)) + "：" + text, clock.instant());
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      task.setDueDate(Date.from(due));
      tasks.saveTask(task);
    }
    return new Extended(taskId, extended.toString(), due);
  }
}
