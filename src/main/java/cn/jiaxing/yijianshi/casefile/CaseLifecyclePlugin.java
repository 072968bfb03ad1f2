package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.engine.CaseNumbers;
import cn.jiaxing.yijianshi.engine.ParseListeners;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The life of a case around its process instance, with built-in listeners (they run even when an
 * operator skips custom listeners):
 * <ul>
 *   <li>An end event with an {@code outcome} property (COMPLETED or REFUSED) closes the case when
 *       the root instance reaches it ({@link CaseClosingListener}); the model names only the outcome.
 *       An intermediate throw event with one closes the case too, while the instance goes on with
 *       the follow-up the law asks after the decision (e.g. 社会救助's yearly re-check): the applicant has
 *       the case's results, the follow-up's steps keep the case number, and the end event later finds the
 *       case closed already.</li>
 *   <li>A case process may only start at its start event, with its listeners: the start form and
 *       its checks are where a case is opened. A start "before an activity" or without listeners
 *       (possible over REST with the plain start right) is rejected.</li>
 * </ul>
 * A root process instance deleted before it reached an end event (an operator cancels it in Cockpit)
 * closes its case as CANCELED (a called instance ending never closes its case), so no case stays open forever and the applicants may apply again.
 * Cases that ended normally were closed by their end event; closing them again does nothing. A
 * built-in listener, so it runs even when the operator skips custom listeners.
 */
@Component
class CaseLifecyclePlugin extends AbstractProcessEnginePlugin {

  private final CaseFiles cases;
  private final List<CaseResults> results;
  private final CaseClosingListener closing;

  CaseLifecyclePlugin(@Lazy CaseFiles cases, @Lazy List<CaseResults> results, @Lazy CaseClosingListener closing) {
    this.cases = cases;
    this.results = results;
    this.closing = closing;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExecutionListener onEnd = this::ended;
    ExecutionListener onStart = CaseLifecyclePlugin::started;
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        process.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
        process.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
      }

      @Override
      public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl endEvent) {
        if (ParseListeners.property(endEventElement, CaseClosingListener.OUTCOME) != null) {
          endEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, closing);
        }
      }

      @Override
      public void parseIntermediateThrowEvent(Element eventElement, ScopeImpl scope, ActivityImpl event) {
        if (ParseListeners.property(eventElement, CaseClosingListener.OUTCOME) != null) {
          event.addBuiltInListener(ExecutionListener.EVENTNAME_START, closing);
        }
      }
    });
  }

  private static void started(DelegateExecution execution) {
    ExecutionEntity instance = (ExecutionEntity) execution;
    boolean atStartEvent = instance.getActivity() != null
        && instance.getActivity() == instance.getProcessDefinition().getInitial();
    if (!atStartEvent || instance.isSkipCustomListeners()) {
      throw new RejectedInputException("办件只能通过申请表单从头受理，不能从流程中间环节发起，也不能跳过受理检查");
    }
  }

  private void ended(DelegateExecution execution) {
    // an instance that reached an end event has closed its case already: close() is then a no-op
    ExecutionEntity instance = (ExecutionEntity) execution;
    if (CaseNumbers.isCalled(execution)) {
      return; // a called process is a part of its case: the case ends with its root instance
    }
    if (execution.getProcessBusinessKey() != null) {
      String reason = instance.getDeleteReason() == null || instance.getDeleteReason().isBlank()
          ? "办件已撤销" : "办件已撤销：" + instance.getDeleteReason();
      // what the departments already did stays done: the applicant is told
      String processKey = instance.getProcessDefinition().getKey();
      Map<String, String> done = results.stream().filter(r -> r.processKey().equals(processKey)).findFirst()
          .map(r -> r.results(execution)).orElse(Map.of());
      cases.close(execution.getProcessBusinessKey(), CaseStatus.CANCELED, reason, done);
    }
  }
}
