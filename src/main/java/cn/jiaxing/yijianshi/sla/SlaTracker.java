package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CaseClosed;
import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.casefile.CaseOpened;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.engine.DecisionRule;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.engine.TaskDecisionValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the SLA records in step with the engine, inside the engine's transaction: a record per
 * case (from the case events), per user task and per wait on a department's system (from the
 * listeners every process gets, see {@link SlaTaskPlugin}). A task completed with {@code supplementRequested = true} (补正) stops its
 * department's clock and the case's (时限中止); when the step is entered again the clock resumes and
 * the due dates move by the paused time.
 */
@Service
public class SlaTracker {

  private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);

  private final SlaPolicies policies;
  private final SlaRecords records;
  private final CaseFiles cases;
  private final TaskDecisionValidator decisions;
  private final Clock clock;

  SlaTracker(SlaPolicies policies, SlaRecords records, CaseFiles cases, TaskDecisionValidator decisions, Clock clock) {
    this.policies = policies;
    this.records = records;
    this.cases = cases;
    this.decisions = decisions;
    this.clock = clock;
  }

  @EventListener
  void on(CaseOpened e) {
    policies.policy(e.type().processKey(), SlaRecords.CASE_STEP).ifPresent(policy ->
        records.insert(e.processInstanceId(), e.caseNumber(), e.type().processKey(), SlaRecords.CASE_STEP,
            e.type().displayName(), null, null, policy, e.openedAt(), calculator().warnAt(e.openedAt(), policy),
            e.dueAt() != null ? e.dueAt() : calculator().dueAt(e.openedAt(), policy.limit())));
  }

  @EventListener
  void on(CaseClosed e) {
    Instant now = clock.instant();
    records.cancelOpenSteps(e.processInstanceId(), now);
    records.find(e.processInstanceId(), SlaRecords.CASE_STEP)
        .ifPresent(r -> records.complete(r.id(), now, e.status() == CaseStatus.CANCELED));
  }

  void taskCreated(DelegateTask task, String processKey, String stepId) {
    Optional<SlaPolicy> policy = policies.policy(processKey, stepId);
    if (policy.isEmpty()) {
      log.warn("No SLA policy for {}/{}: task {} has no due date", processKey, stepId, task.getId());
      return;
    }
    Instant now = clock.instant();
    Optional<SlaRecord> existing = records.find(task.getProcessInstanceId(), stepId);
    Instant due;
    if (existing.isPresent() && existing.get().pausedSince() != null) {
      SlaRecord r = existing.get();
      String why = Boolean.FALSE.equals(task.getVariable(DecisionRule.MATERIALS_SUPPLEMENTED))
          ? "申请人未能补正，退回" : "材料已补正，";
      due = resume(r, task.getId(), policy.get(), now, why);
      caseRecord(task).filter(c -> c.pausedSince() != null).ifPresent(c -> {
        Instant caseDue = resume(c, null, SlaPolicy.parse(c.policy()), now, why);
        cases.moveDue(c.caseNumber(), caseDue);
      });
    } else {
      due = calculator().dueAt(now, policy.get().limit());
      Instant warn = calculator().warnAt(now, policy.get());
      if (existing.isPresent()) {
        records.restart(existing.get().id(), task.getId(), now, warn, due);
      } else {
        records.insert(task.getProcessInstanceId(), businessKey(task), processKey, stepId, task.getName(),
            department(task), task.getId(), policy.get(), now, warn, due);
      }
    }
    task.setDueDate(Date.from(due));
  }

  /** The flow into a department service task was taken: the wait on the department starts. */
  void waitStarted(DelegateExecution execution, String processKey, String stepId, String stepName, String department) {
    Optional<SlaPolicy> policy = policies.policy(processKey, stepId).or(policies::departmentCall);
    if (policy.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Instant due = calculator().dueAt(now, policy.get().limit());
    Instant warn = calculator().warnAt(now, policy.get());
    records.find(execution.getProcessInstanceId(), stepId).ifPresentOrElse(
        r -> records.restart(r.id(), null, now, warn, due),
        () -> records.insert(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), processKey, stepId,
            stepName, department.isEmpty() ? null : department, null, policy.get(), now, warn, due));
  }

  /** The department service task ended (answered, or refused on a modelled path). */
  void waitEnded(DelegateExecution execution, String stepId) {
    records.find(execution.getProcessInstanceId(), stepId)
        .filter(r -> r.completedAt() == null)
        .ifPresent(r -> records.complete(r.id(), clock.instant(), false));
  }

  void taskCompleted(DelegateTask task, String stepId) {
    records.find(task.getProcessInstanceId(), stepId).ifPresent(r -> {
      Instant now = clock.instant();
      if (decisions.allowsSupplement(stepId) && new InputChecks(task).isTrue(DecisionRule.SUPPLEMENT_REQUESTED)) {
        records.pause(r.id(), now);
        records.event(r, "PAUSED", "申请人补正材料，" + r.stepName() + "办理时限中止", now);
        caseRecord(task).ifPresent(c -> records.pause(c.id(), now));
      } else {
        records.complete(r.id(), now, false);
      }
    });
  }

  void taskDeleted(DelegateTask task, String stepId) {
    records.find(task.getProcessInstanceId(), stepId).ifPresent(r -> records.complete(r.id(), clock.instant(), true));
  }

  private Instant resume(SlaRecord r, String taskId, SlaPolicy policy, Instant now, String why) {
    DueDateCalculator calc = calculator();
    Instant due = calc.shift(r.dueAt(), policy.limit().unit(), r.pausedSince(), now);
    Instant warn = calc.shift(r.warnAt(), policy.limit().unit(), r.pausedSince(), now);
    records.resume(r.id(), taskId, warn, due, Duration.between(r.pausedSince(), now).toMillis());
    records.event(r, "RESUMED", why + r.stepName() + "恢复计时，期限按中止时间顺延", now);
    return due;
  }

  private Optional<SlaRecord> caseRecord(DelegateTask task) {
    return records.find(task.getProcessInstanceId(), SlaRecords.CASE_STEP);
  }

  private static String businessKey(DelegateTask task) {
    return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
  }

  private static String department(DelegateTask task) {
    return task.getCandidates().stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId())
        .findFirst().orElse(null);
  }

  private DueDateCalculator calculator() {
    return policies.calculator();
  }
}
