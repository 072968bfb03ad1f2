package cn.jiaxing.yijianshi.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${taskDecisionValidator}}, the complete listener of every user task: applies the task's
 * {@link DecisionRule} (contributed as beans by each process family) and rejects the completion
 * with a Chinese message when the decision is incomplete.
 */
@Component("taskDecisionValidator")
public class TaskDecisionValidator implements TaskListener {

  private final Map<String, DecisionRule> rules;

  TaskDecisionValidator(List<DecisionRule> rules) {
    this.rules = rules.stream().collect(Collectors.toMap(DecisionRule::taskKey, Function.identity()));
  }

  /** Whether the clerk on this task may send the case back for 补正 (which stops the task's SLA clock). */
  public boolean allowsSupplement(String taskKey) {
    DecisionRule rule = rules.get(taskKey);
    return rule != null && rule.allowsSupplement();
  }

  @Override
  public void notify(DelegateTask task) {
    DecisionRule rule = rules.get(task.getTaskDefinitionKey());
    if (rule == null) {
      throw new IllegalStateException("No decision rule for user task " + task.getTaskDefinitionKey());
    }
    InputChecks checks = new InputChecks(task);
    if (rule.allowsSupplement() && checks.isTrue(DecisionRule.SUPPLEMENT_REQUESTED)) {
      checks.text(DecisionRule.SUPPLEMENT_NOTE, "需补正的材料及要求");
      checks.throwIfAny("任务未能提交");
      return;
    }
    Boolean decision = checks.decision(rule.decisionVariable(), rule.decisionLabel());
    if (Boolean.FALSE.equals(decision)) {
      checks.text(rule.reasonVariable(), rule.reasonLabel());
    } else if (Boolean.TRUE.equals(decision) && rule.whenApproved() != null) {
      rule.whenApproved().accept(checks);
    }
    checks.throwIfAny("任务未能提交");
  }
}
