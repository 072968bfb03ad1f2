package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.ExternalTaskState;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ConstantValueProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Department steps and their occurrences, whatever the shape around them. A department step is a
 * service task with a {@code department} property and a {@code camunda:delegateExpression} naming its
 * {@link DepartmentStep} bean. The platform runs it as an external task whose topic is that bean's
 * name: the flow waits there while {@link DepartmentCalls} makes the call outside any transaction,
 * then records the answer. The model's {@code asyncBefore} (kept so the model runs the same on a
 * plain engine) is dropped for these steps: the external task is already the transaction boundary.
 *
 * <p>The external task is the occurrence: created when the flow reaches the step (once per loop
 * round, per multi-instance element, per parallel branch, per called instance), kept through every
 * retry, done when the department answered. Unless the model says otherwise, it is retried with the
 * platform's cycle ({@code yijianshi.engine.department-retry-cycle}). The task's history events (the
 * engine produces them in the transaction that creates, completes or deletes it) number the
 * occurrence and tell {@link DepartmentWaits} when the wait on the department starts and ends.
 */
@Component
class DepartmentStepTasks extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** The activity property holding a department step's department code. */
  static final String DEPARTMENT = "department";

  private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  /** Tasks whose deletion in this thread's command is the department's refusal, not a cancellation. */
  private static final ThreadLocal<Set<String>> ANSWERED = ThreadLocal.withInitial(HashSet::new);

  private final StepOccurrences occurrences;
  private final List<DepartmentWaits> waits;
  private final EngineSettings settings;
  private final DepartmentCalls calls;

  DepartmentStepTasks(@Lazy StepOccurrences occurrences, @Lazy List<DepartmentWaits> waits, EngineSettings settings,
      @Lazy DepartmentCalls calls) {
    this.occurrences = occurrences;
    this.waits = waits;
    this.settings = settings;
    this.calls = calls;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String department = ParseListeners.property(serviceTaskElement, DEPARTMENT);
        if (department == null || department.isBlank()) {
          return;
        }
        activity.setProperty(DEPARTMENT, department);
        String expression = serviceTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
        Matcher bean = BEAN.matcher(expression == null ? "" : expression.trim());
        if (!bean.matches()) {
          throw new IllegalStateException("Department step " + activity.getId()
              + " must name its DepartmentStep bean as camunda:delegateExpression=\"${beanName}\", not " + expression);
        }
        activity.setActivityBehavior(new ExternalTaskActivityBehavior(new ConstantValueProvider(bean.group(1)), null));
        activity.setAsyncBefore(false);
        ActivityImpl body = activity.getParentFlowScopeActivity();
        if (body != null && body.getActivityBehavior() instanceof MultiInstanceActivityBehavior) {
          body.setAsyncBefore(false);
        }
        // the platform's retry cycle, unless the model gives the step its own
        if (activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION) == null) {
          activity.getProperties().set(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
              new FailedJobRetryConfiguration(configuration.getExpressionManager()
                  .createExpression(settings.departmentRetryCycle())));
        }
      }
    });
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    if (!handlers.contains(this)) { // the Spring Boot starter adds HistoryEventHandler beans itself
      handlers.add(this);
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.EXTERNAL_TASK_CREATE, null)) {
      throw new IllegalStateException("Department steps are followed through the external task history: history level "
          + configuration.getHistoryLevel().getName() + " does not record it; use history level full");
    }
  }

  /** The department code of a department step, or null for any other activity. */
  static String department(ActivityImpl activity) {
    return activity == null ? null : (String) activity.getProperty(DEPARTMENT);
  }

  /** Runs {@code work}, in which the deletion of {@code taskId} is the department's answer (a modelled refusal). */
  static void answering(String taskId, Runnable work) {
    ANSWERED.get().add(taskId);
    try {
      work.run();
    } finally {
      ANSWERED.get().remove(taskId);
    }
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricExternalTaskLogEntity task)) {
      return;
    }
    int state = task.getState();
    if (state == ExternalTaskState.CREATED.getStateCode()) {
      created(task);
    } else if (state == ExternalTaskState.SUCCESSFUL.getStateCode()) {
      waits.forEach(w -> w.waitEnded(task.getExternalTaskId(), false));
    } else if (state == ExternalTaskState.DELETED.getStateCode()) {
      boolean canceled = !ANSWERED.get().contains(task.getExternalTaskId());
      waits.forEach(w -> w.waitEnded(task.getExternalTaskId(), canceled));
    }
  }

  private void created(HistoricExternalTaskLogEntity task) {
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(task.getExecutionId());
    if (execution == null) {
      return;
    }
    ActivityImpl activity = execution.getProcessDefinition().findActivity(task.getActivityId());
    String department = department(activity);
    if (department == null) {
      return;
    }
    ExecutionEntity root = CaseNumbers.root(execution);
    String caseNumber = root.getBusinessKey() != null ? root.getBusinessKey() : root.getId();
    String processKey = execution.getProcessDefinition().getKey();
    int ordinal = occurrences.add(task.getExternalTaskId(), caseNumber, processKey, activity.getId(), department);
    StepOccurrence occurrence = new StepOccurrence(task.getExternalTaskId(), root.getId(), root.getBusinessKey(),
        processKey, activity.getId(), activity.getName(), department, ordinal);
    waits.forEach(w -> w.waitStarted(occurrence, execution));
    // the call goes out as soon as the step is committed (not at the next poll)
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          calls.take(task.getExternalTaskId());
        }
      });
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
