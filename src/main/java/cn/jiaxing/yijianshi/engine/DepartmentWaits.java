package cn.jiaxing.yijianshi.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Told when the case starts waiting on a department system (a department step's job is created)
 * and when the wait ends (the department answered, or the step was left: case canceled, an
 * interrupting event). Called in the engine's transaction. Implemented by the modules that follow
 * department work (the SLA records).
 */
public interface DepartmentWaits {

  /** @param variables the step's variables as it starts (a time limit may depend on them) */
  void waitStarted(StepOccurrence occurrence, VariableScope variables);

  /** @param canceled true when the step was left without an answer */
  void waitEnded(String occurrenceId, boolean canceled);
}
