package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a {@link DepartmentStep} sees while it calls its department: the step's variables as they were
 * when the call was taken up, and the variables it sets. The call runs outside any transaction (it
 * holds no database connection and no job thread while the department answers); what it sets is
 * written when the answer is recorded, in one transaction with the step's completion. Work that must
 * see the case as it is then (a line added to a list that parallel elements also write, a message to
 * the applicant) goes in {@link #onAnswer}.
 */
public final class StepCall {

  private final Map<String, Object> variables;
  private final String businessKey;
  private final String stepId;
  private final Map<String, Object> written = new LinkedHashMap<>();
  private final List<Consumer<DelegateExecution>> onAnswer = new ArrayList<>();

  public StepCall(Map<String, Object> variables, String businessKey, String stepId) {
    this.variables = variables;
    this.businessKey = businessKey;
    this.stepId = stepId;
  }

  /** A variable of the step (its own, or the case's): what it set itself, else what it was given. */
  public Object getVariable(String name) {
    return written.containsKey(name) ? written.get(name) : variables.get(name);
  }

  /** Sets a variable when the answer is recorded (where it exists, else on the process instance). */
  public void setVariable(String name, Object value) {
    written.put(name, value);
  }

  /** The business key of the step's process instance (the case number, or a called part's). */
  public String getProcessBusinessKey() {
    return businessKey;
  }

  public String getCurrentActivityId() {
    return stepId;
  }

  /**
   * Work done in the transaction that records the answer, after the variables set here are written,
   * with the step's execution as it is then. Run again if that transaction is retried.
   */
  public void onAnswer(Consumer<DelegateExecution> work) {
    onAnswer.add(work);
  }

  Map<String, Object> written() {
    return Collections.unmodifiableMap(written);
  }

  List<Consumer<DelegateExecution>> answerWork() {
    return Collections.unmodifiableList(onAnswer);
  }
}
