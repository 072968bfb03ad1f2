package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CaseClosed;
import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.casefile.CaseOpened;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.engine.CaseNumbers;
import cn.jiaxing.yijianshi.engine.CompletionRule;
import cn.jiaxing.yijianshi.engine.DepartmentWaits;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.engine.StepOccurrence;
import cn.jiaxing.yijianshi.engine.TaskDecisionValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the SLA records in step with the engine, inside the engine's transaction: a record per
 * case (from the case events), and one per occurrence of a timed step — each user task, each wait
 * on a department's system (each job of a department step, see {@link DepartmentWaits}), each
 * timed message or timer wait (from the listeners every process gets, see {@link SlaTaskPlugin}) —
 * so loop rounds, multi-instance elements and parallel branches each have their own clock. All
 * records of a case are kept under its root process instance, called processes' steps included. A task completed with {@code supplementRequested = true} (补正) stops its
 * department's clock and the case's (时限中止); when the step is entered again the clock resumes and
 * the due dates move by the paused time.
 */
@Service
public class SlaTracker implements DepartmentWaits {

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
    policies.policy(e.type().processKey(), SlaRecords.CASE_STEP).ifPresent(policy -> {
      Instant due = e.dueAt() != null ? e.dueAt() : calculator().dueAt(e.openedAt(), policy.limit());
      records.insert(SlaRecords.caseOccurrence(e.processInstanceId()), e.processInstanceId(), e.caseNumber(),
          e.type().processKey(), SlaRecords.CASE_STEP, e.type().displayName(), null, null, policy, e.openedAt(),
          calculator().warnAt(e.openedAt(), policy), due, calculator().provisionalFrom(policy, e.openedAt(), due));
    });
  }

  @EventListener
  void on(CaseClosed e) {
    Instant now = clock.instant();
    records.cancelOpenSteps(e.processInstanceId(), now);
    records.findCase(e.processInstanceId())
        .ifPresent(r -> records.complete(r.id(), now, e.status() == CaseStatus.CANCELED));
  }

  /**
   * A user task was created: a new record for it, or, when its step was stopped for 补正 in this
   * case, the stopped record runs on for it.
   */
  void taskCreated(DelegateTask task, String processKey, String stepId) {
    Optional<SlaPolicy> policy = policies.policy(processKey, stepId, task);
    if (policy.isEmpty()) {
      log.warn("No SLA policy for {}/{}: task {} has no due date", processKey, stepId, task.getId());
      return;
    }
    Instant now = clock.instant();
    ExecutionEntity root = CaseNumbers.root(task.getExecution());
    Optional<SlaRecord> paused = records.findPaused(root.getId(), processKey, stepId);
    Instant due;
    if (paused.isPresent()) {
      String why = Boolean.FALSE.equals(task.getVariable(CompletionRule.MATERIALS_SUPPLEMENTED))
          ? "申请人未能补正，退回" : "材料已补正，";
      due = resume(paused.get(), task.getId(), policy.get(), now, why);
      records.findCase(root.getId()).filter(c -> c.pausedSince() != null).ifPresent(c -> {
        Instant caseDue = resume(c, null, SlaPolicy.parse(c.policy()), now, why);
        cases.moveDue(c.caseNumber(), caseDue);
      });
    } else {
      due = calculator().dueAt(now, policy.get().limit());
      records.insert(task.getId(), root.getId(), root.getBusinessKey(), processKey, stepId, task.getName(),
          department(task), task.getId(), policy.get(), now, calculator().warnAt(now, policy.get()), due,
          calculator().provisionalFrom(policy.get(), now, due));
    }
    task.setDueDate(Date.from(due));
  }

  /** A department step's job was created: the wait on the department starts (see {@link DepartmentWaits}). */
  @Override
  public void waitStarted(StepOccurrence o, VariableScope variables) {
    policies.policy(o.processKey(), o.stepId(), variables).or(policies::departmentCall).ifPresent(policy ->
        started(o.id(), o.rootProcessInstanceId(), o.caseNumber(), o.processKey(), o.stepId(), o.stepName(),
            o.department(), policy));
  }

  /** The department answered (or refused on a modelled path), or its step was left without an answer. */
  @Override
  public void waitEnded(String occurrenceId, boolean canceled) {
    ended(occurrenceId, canceled);
  }

  /** A timed wait that is not a department's (a message, a timer, an event-based choice) was entered. */
  void eventWaitStarted(DelegateExecution execution, String processKey, String stepId, String stepName,
      String department) {
    policies.policy(processKey, stepId, execution).ifPresent(policy -> {
      ExecutionEntity root = CaseNumbers.root(execution);
      started(execution.getActivityInstanceId(), root.getId(), root.getBusinessKey(), processKey, stepId, stepName,
          department, policy);
    });
  }

  void eventWaitEnded(DelegateExecution execution) {
    ended(execution.getActivityInstanceId(), ((ExecutionEntity) execution).isCanceled());
  }

  private void started(String occurrenceId, String rootProcessInstanceId, String caseNumber, String processKey,
      String stepId, String stepName, String department, SlaPolicy policy) {
    Instant now = clock.instant();
    Instant due = calculator().dueAt(now, policy.limit());
    records.insert(occurrenceId, rootProcessInstanceId, caseNumber, processKey, stepId, stepName, department, null,
        policy, now, calculator().warnAt(now, policy), due, calculator().provisionalFrom(policy, now, due));
  }

  private void ended(String occurrenceId, boolean canceled) {
    records.findOccurrence(occurrenceId).filter(r -> r.completedAt() == null)
        .ifPresent(r -> records.complete(r.id(), clock.instant(), canceled));
  }

  void taskCompleted(DelegateTask task, String processKey, String stepId) {
    records.findOccurrence(task.getId()).ifPresent(r -> {
      Instant now = clock.instant();
      if (decisions.allowsSupplement(processKey, stepId) && new InputChecks(task).isTrue(CompletionRule.SUPPLEMENT_REQUESTED)) {
        records.pause(r.id(), now);
        records.event(r, "PAUSED", "申请人补正材料，" + r.stepName() + "办理时限中止", now);
        records.findCase(r.processInstanceId()).ifPresent(c -> records.pause(c.id(), now));
      } else {
        records.complete(r.id(), now, false);
      }
    });
  }

  /** A task left without completion; one stopped for 补正 keeps its stopped record for the step's next task. */
  void taskDeleted(DelegateTask task) {
    records.findOccurrence(task.getId()).filter(r -> r.completedAt() == null && r.pausedSince() == null)
        .ifPresent(r -> records.complete(r.id(), clock.instant(), true));
  }

  private Instant resume(SlaRecord r, String taskId, SlaPolicy policy, Instant now, String why) {
    DueDateCalculator calc = calculator();
    Instant due = calc.shift(r.dueAt(), policy.limit().unit(), r.pausedSince(), now);
    Instant warn = calc.shift(r.warnAt(), policy.limit().unit(), r.pausedSince(), now);
    records.resume(r.id(), taskId, taskId, warn, due, Duration.between(r.pausedSince(), now).toMillis());
    records.provisionalFrom(r.id(), calc.provisionalFrom(policy, r.startedAt(), due));
    records.event(r, "RESUMED", why + r.stepName() + "恢复计时，期限按中止时间顺延", now);
    return due;
  }

  private static String department(DelegateTask task) {
    return task.getCandidates().stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId())
        .findFirst().orElse(null);
  }

  private DueDateCalculator calculator() {
    return policies.calculator();
  }
}
