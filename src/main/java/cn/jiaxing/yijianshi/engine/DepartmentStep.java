package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of every service task that calls a department system. It sends the occurrence's idempotency
 * key (see {@link StepOccurrence#idempotencyKey()}: the same for every retry, another for the next
 * loop round or multi-instance element), turns a business refusal into the step's modelled BPMN error (its
 * Chinese message lands in the boundary event's {@code errorMessageVariable}), and lets technical
 * faults fail the job, so the engine retries it and finally raises an incident.
 */
public abstract class DepartmentStep implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DepartmentStep.class);

  private DepartmentStepJobs jobs;

  @Autowired
  final void setDepartmentStepJobs(DepartmentStepJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    String key = idempotencyKey(execution);
    try {
      call(execution, key);
      log.info("Department step {} done", key);
    } catch (DepartmentRefusalException e) {
      if (refusalIsAnOutcome(execution, e)) {
        log.info("Department step {}: {} answered {} (recorded as the step's outcome)", key, e.department().code(), e.code());
        return;
      }
      String errorCode = refusalErrorCode();
      if (errorCode == null) {
        throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " has no modelled refusal, but "
            + e.department().code() + " refused: " + e.code(), e);
      }
      log.info("Department step {} refused by {}: {}", key, e.department().code(), e.code());
      throw new BpmnError(errorCode, ResidentIdNumber.maskAll(e.getMessage()));
    }
  }

  /**
   * The key of the occurrence this step's job runs; {@code <case number>:<step id>} when the step
   * runs without its own job (the conventions test requires one for every department step).
   */
  private String idempotencyKey(DelegateExecution execution) {
    String key = jobs == null ? null : jobs.currentIdempotencyKey();
    return key != null ? key : CaseNumbers.of(execution) + ":" + execution.getCurrentActivityId();
  }

  /** Calls the department and stores the result variables. */
  protected abstract void call(DelegateExecution execution, String idempotencyKey);

  /**
   * Whether a refusal is a normal outcome of this step (e.g. "no pension record" when stopping a
   * pension): the step records it (its variables, in words the applicant reads) and returns true, and
   * the process goes on; by default it is not, and the step's modelled refusal path follows.
   */
  protected boolean refusalIsAnOutcome(DelegateExecution execution, DepartmentRefusalException refusal) {
    return false;
  }

  /** The BPMN error code this step's refusal path catches, or null when it models none. */
  protected String refusalErrorCode() {
    return null;
  }

  protected static String string(DelegateExecution execution, String variable) {
    Object v = execution.getVariable(variable);
    if (v == null) {
      throw new IllegalStateException("Process variable '" + variable + "' is missing");
    }
    return v.toString();
  }
}
