package cn.jiaxing.yijianshi.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every user task (added by {@link CompletionRulesPlugin}): applies the task's
 * {@link CompletionRule} (contributed as beans by each process family, keyed by process and task)
 * and rejects the completion with a Chinese message when the input is incomplete.
 */
@Component
public class TaskDecisionValidator implements TaskListener {

  private final Map<String, CompletionRule> rules = new HashMap<>();

  TaskDecisionValidator(List<CompletionRule> rules) {
    for (CompletionRule rule : rules) {
      if (this.rules.put(key(rule.processKey(), rule.taskKey()), rule) != null) {
        throw new IllegalStateException("Two completion rules for " + rule.processKey() + "/" + rule.taskKey());
      }
    }
  }

  private static String key(String processKey, String taskKey) {
    return processKey + "/" + taskKey;
  }

  /** Whether the process has completion rules (then every user task of it must have one). */
  boolean hasRules(String processKey) {
    return rules.keySet().stream().anyMatch(k -> k.startsWith(processKey + "/"));
  }

  boolean hasRule(String processKey, String taskKey) {
    return rules.containsKey(key(processKey, taskKey));
  }

  /** Whether the clerk on this task may send the case back for 补正 (which stops the task's SLA clock). */
  public boolean allowsSupplement(String processKey, String taskKey) {
    CompletionRule rule = rules.get(key(processKey, taskKey));
    return rule != null && rule.allowsSupplement();
  }

  @Override
  public void notify(DelegateTask task) {
    String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
    CompletionRule rule = rules.get(key(processKey, task.getTaskDefinitionKey()));
    if (rule == null) {
      return; // a process without completion rules (a test fixture); the plugin refuses a family's task without one
    }
    InputChecks checks = new InputChecks(task);
    if (rule.allowsSupplement() && checks.isTrue(CompletionRule.SUPPLEMENT_REQUESTED)) {
      String note = checks.text(CompletionRule.SUPPLEMENT_NOTE, "需补正的材料及要求");
      checks.throwIfAny("任务未能提交");
      // the modelled 补正 path takes over (see CompletionRulesPlugin); the flag is spent
      task.getExecution().setVariable(CompletionRule.SUPPLEMENT_REQUESTED, false);
      throw new BpmnError(CompletionRulesPlugin.ERROR_CODE, note);
    }
    rule.check(checks);
    checks.throwIfAny("任务未能提交");
  }
}
