package cn.jiaxing.yijianshi.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The case a step belongs to. A case is its root process instance: a process started by a call
 * activity is a part of its caller's case, whatever business key it was given.
 */
public final class CaseNumbers {

  private CaseNumbers() {
  }

  /** The root process instance of the execution's case (the execution's own instance when not called). */
  public static ExecutionEntity root(DelegateExecution execution) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }

  /** The case number: the root instance's business key (null before the case is opened). */
  public static String of(DelegateExecution execution) {
    return root(execution).getBusinessKey();
  }

  /** Whether the execution belongs to a process started by a call activity. */
  public static boolean isCalled(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessInstance().getSuperExecution() != null;
  }
}
