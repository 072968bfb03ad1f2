package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Department steps and their occurrences, whatever the shape around them. A department step is a
 * service task with a {@code department} property; it runs as its own job (asynchronous before),
 * and that job is the occurrence: created when the flow reaches the step (once per loop round, per
 * multi-instance element, per parallel branch, per called instance), kept through every retry,
 * done when the department answered. Unless the model says otherwise, it is retried with the
 * platform's cycle ({@code yijianshi.engine.department-retry-cycle}). The job's history events (the engine produces them in the
 * transaction that creates, runs or deletes the job) number the occurrence and tell
 * {@link DepartmentWaits} when the wait on the department starts and ends.
 */
@Component
class DepartmentStepJobs extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** The activity property holding a department step's department code. */
  static final String DEPARTMENT = "department";

  private final StepOccurrences occurrences;
  private final List<DepartmentWaits> waits;
  private final EngineSettings settings;

  DepartmentStepJobs(@Lazy StepOccurrences occurrences, @Lazy List<DepartmentWaits> waits, EngineSettings settings) {
    this.occurrences = occurrences;
    this.waits = waits;
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String department = ParseListeners.property(serviceTaskElement, DEPARTMENT);
        if (department != null && !department.isBlank()) {
          activity.setProperty(DEPARTMENT, department);
          // the platform's retry cycle, unless the model gives the step its own
          if (activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION) == null) {
            activity.getProperties().set(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
                new FailedJobRetryConfiguration(configuration.getExpressionManager()
                    .createExpression(settings.departmentRetryCycle())));
          }
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
    if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, null)) {
      throw new IllegalStateException("Department steps are followed through the job history: history level "
          + configuration.getHistoryLevel().getName() + " does not record it; use history level full");
    }
  }

  /** The department code of a department step, or null for any other activity. */
  static String department(ActivityImpl activity) {
    return activity == null ? null : (String) activity.getProperty(DEPARTMENT);
  }

  /** The idempotency key of the department step occurrence the current job runs, if any. */
  String currentIdempotencyKey() {
    var job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    return job == null ? null : occurrences.idempotencyKey(job.getId()).orElse(null);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricJobLogEvent job) || !"async-before".equals(job.getJobDefinitionConfiguration())) {
      return;
    }
    int state = job.getState();
    if (state == JobState.CREATED.getStateCode()) {
      created(job);
    } else if (state == JobState.SUCCESSFUL.getStateCode() || state == JobState.DELETED.getStateCode()) {
      boolean canceled = state == JobState.DELETED.getStateCode();
      waits.forEach(w -> w.waitEnded(job.getJobId(), canceled));
    }
  }

  private void created(HistoricJobLogEvent job) {
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(job.getExecutionId());
    if (execution == null) {
      return;
    }
    ActivityImpl activity = execution.getProcessDefinition().findActivity(job.getActivityId());
    String department = department(activity);
    if (department == null) {
      return;
    }
    ExecutionEntity root = CaseNumbers.root(execution);
    String caseNumber = root.getBusinessKey() != null ? root.getBusinessKey() : root.getId();
    String processKey = execution.getProcessDefinition().getKey();
    int ordinal = occurrences.add(job.getJobId(), caseNumber, processKey, activity.getId(), department);
    StepOccurrence occurrence = new StepOccurrence(job.getJobId(), root.getId(), root.getBusinessKey(), processKey,
        activity.getId(), activity.getName(), department, ordinal);
    waits.forEach(w -> w.waitStarted(occurrence, execution));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
