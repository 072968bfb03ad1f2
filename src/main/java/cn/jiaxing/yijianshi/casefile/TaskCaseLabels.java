package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.engine.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a clerk's task list shows of each task's case: the case number ({@value #CASE_NUMBER}) and the applicant's
 * masked name ({@value #APPLICANT}, e.g. 张*三), set as the task's own (local) variables when the task is created.
 * Tasklist's filters list them (IdentitySetup's filter {@code variables}); a clerk reads a task's local variables
 * with the READ_VARIABLE Camunda grants on the tasks offered to the clerk's group, and nothing else of the case —
 * the process's variables stay closed. A confidential case (children's data) shows its number only. Two small
 * variables per task: the price of finding the right task without opening each one.
 */
@Component
class TaskCaseLabels extends AbstractProcessEnginePlugin {

  /** The task's case number, for Tasklist's list (办件编号). */
  static final String CASE_NUMBER = "taskCaseNumber";
  /** The applicant's masked name, for Tasklist's list (申请人). */
  static final String APPLICANT = "taskApplicant";

  private final CaseFiles cases;

  TaskCaseLabels(@Lazy CaseFiles cases) {
    this.cases = cases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener label = this::label;
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, label);
      }
    });
  }

  private void label(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (caseNumber == null) {
      return;
    }
    task.setVariableLocal(CASE_NUMBER, caseNumber);
    cases.find(caseNumber).filter(c -> !c.type().confidential()).map(CaseSummary::applicantName)
        .filter(name -> !name.isBlank()).ifPresent(name -> task.setVariableLocal(APPLICANT, maskName(name)));
  }

  /**
   * A name as the list shows it: the first and the last character, the rest starred (张*三, 欧阳**华); a two-character
   * name keeps its first (李*); a name of two applicants ("张三、李四") each masked.
   */
  static String maskName(String name) {
    return java.util.Arrays.stream(name.strip().split("、")).map(String::strip).map(one -> {
      int[] cps = one.codePoints().toArray();
      if (cps.length <= 1) {
        return one;
      }
      StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
      out.append("*".repeat(cps.length <= 2 ? 1 : cps.length - 2));
      if (cps.length > 2) {
        out.appendCodePoint(cps[cps.length - 1]);
      }
      return out.toString();
    }).collect(java.util.stream.Collectors.joining("、"));
  }
}
