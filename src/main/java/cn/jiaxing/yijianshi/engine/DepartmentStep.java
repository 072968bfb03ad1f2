package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every service task that calls a department system. It sends an idempotency key
 * (case number + step id), turns a business refusal into the step's modelled BPMN error (its
 * Chinese message lands in the boundary event's {@code errorMessageVariable}), and lets technical
 * faults fail the job, so the engine retries it and finally raises an incident.
 */
public abstract class DepartmentStep implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DepartmentStep.class);

  @Override
  public final void execute(DelegateExecution execution) {
    String key = idempotencyKey(execution);
    try {
      call(execution, key);
      log.info("Case {} step {} done", execution.getProcessBusinessKey(), execution.getCurrentActivityId());
    } catch (DepartmentRefusalException e) {
      String errorCode = refusalErrorCode();
      if (errorCode == null) {
        throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " has no modelled refusal, but "
            + e.department().code() + " refused: " + e.code(), e);
      }
      log.info("Case {} step {} refused by {}: {}", execution.getProcessBusinessKey(),
          execution.getCurrentActivityId(), e.department().code(), e.code());
      throw new BpmnError(errorCode, ResidentIdNumber.maskAll(e.getMessage()));
    }
  }

  /** {@code <case number>:<step id>}: the same step of the same case always sends the same key. */
  public static String idempotencyKey(DelegateExecution execution) {
    return execution.getProcessBusinessKey() + ":" + execution.getCurrentActivityId();
  }

  /** Calls the department and stores the result variables. */
  protected abstract void call(DelegateExecution execution, String idempotencyKey);

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
