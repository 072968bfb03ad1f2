package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.engine.CaseNumbers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * On every end event with an {@code outcome} property (added by {@link CaseLifecyclePlugin}): closes the case with the end event's
 * {@code outcome} property (COMPLETED or REFUSED), the {@code refusalReason} variable for a refusal,
 * and the family's {@link CaseResults}. Only the case's root process closes it: a called process's
 * end events are steps of the case.
 */
@Component
class CaseClosingListener implements ExecutionListener {

  /** Set by refusal paths: a boundary error's message or the clerk's reason. */
  static final String REFUSAL_REASON = "refusalReason";
  /** The end event's property naming the case's outcome. */
  static final String OUTCOME = "outcome";

  private final CaseFiles cases;
  private final List<CaseResults> results;

  CaseClosingListener(CaseFiles cases, List<CaseResults> results) {
    this.cases = cases;
    this.results = results;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (CaseNumbers.isCalled(execution)) {
      return; // a called process's end is a step of its case, not the case's end
    }
    FlowElement end = execution.getBpmnModelElementInstance();
    CaseStatus outcome = CaseStatus.valueOf(property(end, OUTCOME));
    String processKey = processKey(end);
    Map<String, String> delivered = results.stream().filter(r -> r.processKey().equals(processKey)).findFirst()
        .map(r -> r.results(execution)).orElse(Map.of());
    Object reason = execution.getVariable(REFUSAL_REASON);
    String text = outcome == CaseStatus.REFUSED
        ? (reason == null || reason.toString().isBlank() ? end.getName() : reason.toString())
        : null;
    cases.close(execution.getProcessBusinessKey(), outcome, text, delivered);
  }

  private static String property(FlowElement element, String name) {
    return element.getExtensionElements().getElementsQuery().filterByType(
            org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst()
        .orElseThrow(() -> new IllegalStateException("End event " + element.getId() + " lacks property " + name));
  }

  private static String processKey(ModelElementInstance element) {
    ModelElementInstance e = element;
    while (e != null && !(e instanceof Process)) {
      e = e.getParentElement();
    }
    return e == null ? null : ((Process) e).getId();
  }
}
