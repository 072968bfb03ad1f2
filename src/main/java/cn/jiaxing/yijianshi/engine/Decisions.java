package cn.jiaxing.yijianshi.engine;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates a policy rule (a DMN decision beside its process) from code that runs before a
 * business-rule task could, e.g. a start listener's checks. The decision is the one deployed with
 * the running process (like {@code camunda:decisionRefBinding="deployment"}), so a changed table
 * applies to cases started after its deployment.
 */
public final class Decisions {

  private Decisions() {
  }

  /** The single result of a decision with one matching rule (hit policy UNIQUE or FIRST). */
  public static DmnDecisionResultEntries single(DelegateExecution execution, String decisionKey,
      Map<String, Object> inputs) {
    var services = execution.getProcessEngineServices();
    String deploymentId = services.getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId())
        .getDeploymentId();
    DecisionDefinition decision = services.getRepositoryService().createDecisionDefinitionQuery()
        .deploymentId(deploymentId).decisionDefinitionKey(decisionKey).singleResult();
    if (decision == null) {
      throw new IllegalStateException("Decision " + decisionKey + " is not deployed with "
          + execution.getProcessDefinitionId());
    }
    DmnDecisionResultEntries result = services.getDecisionService().evaluateDecisionById(decision.getId())
        .variables(Variables.fromMap(inputs)).evaluate().getSingleResult();
    if (result == null) {
      throw new IllegalStateException("Decision " + decisionKey + " has no rule for " + inputs.keySet());
    }
    return result;
  }
}
