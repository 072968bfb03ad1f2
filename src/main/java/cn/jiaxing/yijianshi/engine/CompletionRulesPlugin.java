package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.ErrorEventDefinition;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Completion rules on every user task, applied at parse time: each user task gets the
 * {@link TaskDecisionValidator} as its complete listener (the model does not name it), and a
 * process that has completion rules must have one for each of its user tasks (else it is not
 * deployed: a clerk's input would go unchecked).
 *
 * <p>补正 (the applicant must bring missing materials) is one modelled pattern: a clerk's user task
 * whose {@link CompletionRule} allows it carries an error boundary event catching
 * {@value #ERROR_CODE}, leading to the front desk's supplement task and back. When the clerk ticks
 * {@value CompletionRule#SUPPLEMENT_REQUESTED}, the completion is turned into that error by
 * {@link TaskDecisionValidator}, so no gateway of the process tests the flag. Checked when a
 * process is deployed: a task allowed 补正 without the boundary (or the reverse) fails the deployment.
 */
@Component
class CompletionRulesPlugin extends AbstractProcessEnginePlugin {

  /** The error code the boundary event catches ({@code <bpmn:error errorCode="Err_SupplementRequested"/>}). */
  static final String ERROR_CODE = "Err_SupplementRequested";

  private final TaskDecisionValidator rules;

  CompletionRulesPlugin(@Lazy TaskDecisionValidator rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener validator = task -> rules.notify(task);
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ParseListeners.userTask(activity).addTaskListener(TaskListener.EVENTNAME_COMPLETE, validator);
      }

      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        List<String> problems = new ArrayList<>();
        check(process, process.getKey(), rules.hasRules(process.getKey()), problems);
        if (!problems.isEmpty()) {
          throw new IllegalStateException("Process " + process.getKey() + ": " + String.join("; ", problems));
        }
      }
    });
  }

  private void check(ScopeImpl scope, String processKey, boolean ruled, List<String> problems) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
        if (ruled && !rules.hasRule(processKey, activity.getId())) {
          problems.add(activity.getId() + " has no completion rule (a CompletionRule bean of its family)");
        }
        boolean allowed = rules.allowsSupplement(processKey, activity.getId());
        boolean modelled = activity.getProperties().get(BpmnProperties.ERROR_EVENT_DEFINITIONS).stream()
            .map(ErrorEventDefinition::getErrorCode).anyMatch(ERROR_CODE::equals);
        if (allowed && !modelled) {
          problems.add(activity.getId() + " allows 补正 but has no error boundary event catching " + ERROR_CODE);
        } else if (modelled && !allowed) {
          problems.add(activity.getId() + " catches " + ERROR_CODE + " but its completion rule does not allow 补正");
        }
      }
      check(activity, processKey, ruled, problems);
    }
  }
}
