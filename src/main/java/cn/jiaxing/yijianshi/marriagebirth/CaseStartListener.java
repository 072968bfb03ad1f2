package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.casefile.CaseType;
import cn.jiaxing.yijianshi.casefile.OpenCaseRequest;
import cn.jiaxing.yijianshi.sla.SlaPolicies;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** Base of the start listeners: after their checks, they open the case the same way. */
abstract class CaseStartListener implements ExecutionListener {

  protected final MarriageBirthRules rules;
  protected final Clock clock;
  private final CaseFiles cases;
  private final SlaPolicies sla;

  CaseStartListener(CaseFiles cases, SlaPolicies sla, MarriageBirthRules rules, Clock clock) {
    this.cases = cases;
    this.sla = sla;
    this.rules = rules;
    this.clock = clock;
  }

  /** Opens the case with its promised due date; its number becomes the business key and {@code caseNumber}. */
  protected String openCase(DelegateExecution execution, CaseType type, String applicantName, String applicantIdNumber,
      String applicantEmail, List<String> duplicateKeyParts) {
    String caseNumber = cases.open(new OpenCaseRequest(type, execution.getProcessInstanceId(), applicantName,
        applicantIdNumber, applicantEmail, duplicateKeyParts, sla.caseDueFromNow(type.processKey()).orElse(null)));
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable("caseNumber", caseNumber);
    return caseNumber;
  }
}
