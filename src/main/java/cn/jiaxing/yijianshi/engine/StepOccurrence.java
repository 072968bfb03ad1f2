package cn.jiaxing.yijianshi.engine;

/**
 * One occurrence of a department step: the first, or a later loop round, an element of a
 * multi-instance step, a part of a called process run again. It is its external task: created when the flow
 * reaches the step, kept through every retry, gone when the department answered.
 *
 * @param id the external task's id
 * @param rootProcessInstanceId the case's process instance (see {@link CaseNumbers})
 * @param ordinal 1 for the step's first occurrence in the case, then 2, 3, ...
 */
public record StepOccurrence(String id, String rootProcessInstanceId, String caseNumber, String processKey,
    String stepId, String stepName, String department, int ordinal) {

  /**
   * What the department system is sent so that a repeated call does the work once:
   * {@code <case>:<step>} for the first occurrence, {@code <case>:<step>:<n>} for the n-th.
   */
  public String idempotencyKey() {
    return idempotencyKey(caseNumber, stepId, ordinal);
  }

  static String idempotencyKey(String caseNumber, String stepId, int ordinal) {
    return caseNumber + ":" + stepId + (ordinal > 1 ? ":" + ordinal : "");
  }
}
