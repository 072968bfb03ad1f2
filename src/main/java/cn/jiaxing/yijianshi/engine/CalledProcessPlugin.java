package cn.jiaxing.yijianshi.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A process started by a call activity is a part of its caller's case: unless the model passes a
 * business key of its own, the called instance carries the case number, so that Tasklist, Cockpit
 * and the history show which case its steps belong to. (The case itself stays with the root
 * instance, see {@link CaseNumbers}.)
 */
@Component
class CalledProcessPlugin extends AbstractProcessEnginePlugin {

  private static final ParameterValueProvider CASE_NUMBER = new ParameterValueProvider() {
    @Override
    public Object getValue(VariableScope scope) {
      return CaseNumbers.of((DelegateExecution) scope);
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior behavior
            && behavior.getCallableElement().getBusinessKeyValueProvider() == null) {
          behavior.getCallableElement().setBusinessKeyValueProvider(CASE_NUMBER);
        }
      }
    });
  }
}
