package cn.jiaxing.yijianshi.sla;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every process its due date from the SLA policy of its step, when the
 * task is created. BPMN files therefore carry no due dates; the conventions test fails a user task
 * without a policy.
 */
@Component
class DueDatePlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DueDatePlugin.class);

  private final SlaPolicies policies;

  DueDatePlugin(SlaPolicies policies) {
    this.policies = policies;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        String stepId = activity.getId();
        TaskListener setDueDate = task -> policies.stepDueFromNow(processKey, stepId).ifPresentOrElse(
            due -> task.setDueDate(Date.from(due)),
            () -> log.warn("No SLA policy for {}/{}: task {} has no due date", processKey, stepId, task.getId()));
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, setDueDate);
      }
    });
  }
}
