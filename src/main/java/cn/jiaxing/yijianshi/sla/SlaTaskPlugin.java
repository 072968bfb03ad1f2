package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.engine.ParseListeners;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Wires every process to the SLA tracker at parse time, so BPMN files carry no due dates:
 * every user task gets its due date and record from its step's policy (create, complete, delete),
 * and every wait on a message, a timer or an event-based choice that has a policy gets a record
 * from entering it to leaving it. (Waits on department systems are followed per job, see
 * {@link cn.jiaxing.yijianshi.engine.DepartmentWaits}.) The conventions test fails a user task
 * without a policy. Built-in listeners: they run even when an operator cancels with "skip custom
 * listeners".
 */
@Component
class SlaTaskPlugin extends AbstractProcessEnginePlugin {

  /** The property of a timer event that escalates a step at once when it fires (its value: the step's id). */
  static final String ESCALATES = "escalates";

  private final SlaTracker tracker;
  private final SlaEscalation escalation;

  SlaTaskPlugin(@Lazy SlaTracker tracker, @Lazy SlaEscalation escalation) {
    this.tracker = tracker;
    this.escalation = escalation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = processKey(activity);
        String stepId = activity.getId();
        TaskDefinition task = ParseListeners.userTask(activity);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> tracker.taskCreated(t, processKey, stepId));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> tracker.taskCompleted(t, processKey, stepId));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, tracker::taskDeleted);
      }

      @Override
      public void parseIntermediateCatchEvent(Element catchEventElement, ScopeImpl scope, ActivityImpl activity) {
        timedWait(catchEventElement, activity);
      }

      @Override
      public void parseBoundaryEvent(Element boundaryEventElement, ScopeImpl scopeElement, ActivityImpl nestedActivity) {
        escalating(boundaryEventElement, nestedActivity);
      }

      @Override
      public void parseIntermediateThrowEvent(Element intermediateEventElement, ScopeImpl scope, ActivityImpl activity) {
        escalating(intermediateEventElement, activity);
      }

      @Override
      public void parseReceiveTask(Element receiveTaskElement, ScopeImpl scope, ActivityImpl activity) {
        timedWait(receiveTaskElement, activity);
      }

      @Override
      public void parseEventBasedGateway(Element eventBasedGwElement, ScopeImpl scope, ActivityImpl activity) {
        timedWait(eventBasedGwElement, activity);
      }
    });
  }

  /** An event with the property {@value #ESCALATES}: when it happens, that step is escalated to the supervisors now. */
  private void escalating(Element element, ActivityImpl activity) {
    String stepId = ParseListeners.property(element, ESCALATES);
    if (stepId != null && !stepId.isBlank()) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) e -> escalation.escalateNow(e, stepId.strip()));
    }
  }

  /**
   * A wait that gets a record when its step has a policy (looked up when the wait is entered),
   * counted for the {@code department} it waits on (a property, e.g. 法院 for a court decision) or
   * as {@value SlaRecords#EVENT_WAIT} when it names none.
   */
  private void timedWait(Element element, ActivityImpl activity) {
    String department = ParseListeners.property(element, "department");
    String waitsOn = department == null || department.isBlank() ? SlaRecords.EVENT_WAIT : department;
    String processKey = processKey(activity);
    String stepId = activity.getId();
    String stepName = activity.getName();
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) e -> tracker.eventWaitStarted(e, processKey, stepId, stepName, waitsOn));
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) tracker::eventWaitEnded);
  }

  private static String processKey(ActivityImpl activity) {
    return ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
  }
}
