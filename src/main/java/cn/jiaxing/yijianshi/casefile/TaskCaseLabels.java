package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.engine.ParseListeners;
import cn.jiaxing.yijianshi.shared.TaskListColumns;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a clerk's task list shows of each task's case: the case number ({@value TaskListColumns#CASE_NUMBER}) and
 * the applicant's masked name ({@value TaskListColumns#APPLICANT}, e.g. 张*三), set as the task's own (local)
 * variables when the task is created. Tasklist's filters list them ({@link TaskListColumns}); a clerk reads a task's
 * local variables with the READ_VARIABLE Camunda grants on the tasks offered to the clerk's group, and nothing else
 * of the case — the process's variables stay closed. A confidential case (children's data) shows its number only.
 * Two small variables per task: the price of finding the right task without opening each one.
 */
@Component
class TaskCaseLabels extends AbstractProcessEnginePlugin {

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
        ParseListeners.userTask(activity).addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, label);
      }
    });
  }

  private void label(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (caseNumber == null) {
      return;
    }
    task.setVariableLocal(TaskListColumns.CASE_NUMBER, caseNumber);
    cases.find(caseNumber).filter(c -> !c.type().confidential()).map(CaseSummary::applicantName)
        .filter(name -> !name.isBlank())
        .ifPresent(name -> task.setVariableLocal(TaskListColumns.APPLICANT, maskName(name)));
  }

  /**
   * A name as the list shows it: the first and the last character, the rest starred (张*三, 欧阳**华); a two-character
   * name keeps its first (李*); a name of two applicants ("张三、李四") each masked.
   */
  static String maskName(String name) {
    return CaseIntake.applicantNames(name).stream().map(one -> {
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
    }).reduce(CaseIntake::applicants).orElse("");
  }
}
