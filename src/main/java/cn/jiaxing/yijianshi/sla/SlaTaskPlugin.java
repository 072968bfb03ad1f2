package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.engine.ParseListeners;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Wires every process to the SLA tracker at parse time, so BPMN files carry no due dates:
 * every user task gets its due date and record from its step's policy (create, complete, delete),
 * and every service task a record of the wait on its department — from the moment the flow into
 * it is taken (its job is created) until it ends — so a department that does not answer shows up
 * as overdue. The conventions test fails a user task without a policy. Built-in listeners: they
 * run even when an operator cancels with "skip custom listeners".
 */
@Component
class SlaTaskPlugin extends AbstractProcessEnginePlugin {

  private final SlaTracker tracker;

  SlaTaskPlugin(@Lazy SlaTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      /** processKey:activityId → department of each service task, read while parsing it. */
      private final Map<String, String> departments = new ConcurrentHashMap<>();

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = processKey(activity);
        String stepId = activity.getId();
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> tracker.taskCreated(t, processKey, stepId));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> tracker.taskCompleted(t, stepId));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, t -> tracker.taskDeleted(t, stepId));
      }

      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String stepId = activity.getId();
        departments.put(processKey(activity) + ":" + stepId, department(serviceTaskElement));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> tracker.waitEnded(e, stepId));
      }

      @Override
      public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
        ActivityImpl target = (ActivityImpl) transition.getDestination();
        String processKey = processKey(target);
        if (!departments.containsKey(processKey + ":" + target.getId())) {
          return;
        }
        String department = departments.get(processKey + ":" + target.getId());
        String stepId = target.getId();
        String stepName = target.getName();
        transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE,
            (ExecutionListener) e -> tracker.waitStarted(e, processKey, stepId, stepName, department));
      }
    });
  }

  private static String processKey(ActivityImpl activity) {
    return ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
  }

  /** The {@code department} extension property of a task element ("" when absent). */
  private static String department(Element taskElement) {
    Element extensions = taskElement.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties != null) {
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if ("department".equals(property.attribute("name"))) {
          return property.attribute("value");
        }
      }
    }
    return "";
  }
}
