package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every service task that calls a department system. The model names the bean in the task's
 * {@code camunda:delegateExpression}; the platform runs the task as an external task
 * ({@link DepartmentStepTasks}) whose call {@link DepartmentCalls} makes outside any transaction. It
 * sends the occurrence's idempotency key (see {@link StepOccurrence#idempotencyKey()}: the same for
 * every retry, another for the next loop round or multi-instance element), turns a business refusal
 * into the step's modelled BPMN error (its Chinese message lands in the boundary event's
 * {@code errorMessageVariable}), and lets technical faults fail the call, so it is retried with the
 * platform's cycle and finally raises an incident.
 */
public abstract class DepartmentStep {

  private static final Logger log = LoggerFactory.getLogger(DepartmentStep.class);

  /**
   * Calls the department (no transaction is open): returns normally when the step's answer is to be
   * recorded (the variables set on {@code call}), throws the step's {@link BpmnError} for a modelled
   * refusal, and any other exception for a technical fault.
   */
  final void answer(StepCall call, String key) {
    try {
      call(call, key);
      log.info("Department step {} done", key);
    } catch (DepartmentRefusalException e) {
      if (refusalIsAnOutcome(call, e)) {
        log.info("Department step {}: {} answered {} (recorded as the step's outcome)", key, e.department().code(), e.code());
        return;
      }
      String errorCode = refusalErrorCode();
      if (errorCode == null) {
        throw new IllegalStateException("Step " + call.getCurrentActivityId() + " has no modelled refusal, but "
            + e.department().code() + " refused: " + e.code(), e);
      }
      log.info("Department step {} refused by {}: {}", key, e.department().code(), e.code());
      throw new BpmnError(errorCode, ResidentIdNumber.maskAll(e.getMessage()));
    }
  }

  /** Calls the department and sets the result variables on {@code call}. */
  protected abstract void call(StepCall call, String idempotencyKey);

  /**
   * Whether a refusal is a normal outcome of this step (e.g. "no pension record" when stopping a
   * pension): the step records it (its variables, in words the applicant reads) and returns true, and
   * the process goes on; by default it is not, and the step's modelled refusal path follows.
   */
  protected boolean refusalIsAnOutcome(StepCall call, DepartmentRefusalException refusal) {
    return false;
  }

  /** The BPMN error code this step's refusal path catches, or null when it models none. */
  protected String refusalErrorCode() {
    return null;
  }

  protected static String string(StepCall call, String variable) {
    Object v = call.getVariable(variable);
    if (v == null) {
      throw new IllegalStateException("Process variable '" + variable + "' is missing");
    }
    return v.toString();
  }
}
