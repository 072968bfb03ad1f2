package cn.jiaxing.yijianshi.engine;

/**
 * Told when the case starts waiting on a department system (a department step's job is created)
 * and when the wait ends (the department answered, or the step was left: case canceled, an
 * interrupting event). Called in the engine's transaction. Implemented by the modules that follow
 * department work (the SLA records).
 */
public interface DepartmentWaits {

  void waitStarted(StepOccurrence occurrence);

  /** @param canceled true when the step was left without an answer */
  void waitEnded(String occurrenceId, boolean canceled);
}
