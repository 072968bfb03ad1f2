package cn.jiaxing.yijianshi.casefile;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Opens a case from a family's start listener, after the family's checks of its application form:
 * the case gets its number and promised due date, and its number becomes the process instance's
 * business key and its {@code caseNumber} variable. The one way every family opens a case.
 */
@Component
public class CaseIntake {

  /** The process variable holding the case number. */
  public static final String CASE_NUMBER = "caseNumber";

  /** Between the names of a case with two applicants ("张伟、王芳"). */
  private static final String APPLICANT_SEPARATOR = "、";

  /** The applicant name of a case two people apply for together, e.g. a couple. */
  public static String applicants(String first, String second) {
    return first + APPLICANT_SEPARATOR + second;
  }

  /** Each applicant's name in a case's applicant name (one, or those {@link #applicants} joined). */
  static List<String> applicantNames(String applicantName) {
    return java.util.Arrays.stream(applicantName.strip().split(APPLICANT_SEPARATOR)).map(String::strip).toList();
  }

  private final CaseFiles cases;
  private final CasePromise promise;

  CaseIntake(CaseFiles cases, CasePromise promise) {
    this.cases = cases;
    this.promise = promise;
  }

  /**
   * @param applicantIdNumber a checked resident ID number; stored masked only
   * @param applicantEmail where receipts and notices go; may be null
   * @param duplicateKeyParts identify "the same applicants" (only their hash is kept, while the case is open)
   * @throws DuplicateCaseException when the same applicants already have an open case of this type
   */
  public String open(DelegateExecution execution, CaseType type, String applicantName, String applicantIdNumber,
      String applicantEmail, List<String> duplicateKeyParts) {
    if (!type.processKey().equals(((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
        .getProcessDefinition().getKey())) {
      throw new IllegalStateException("Case type " + type + " is run by " + type.processKey() + ", not by this process");
    }
    String caseNumber = cases.open(new OpenCaseRequest(type, execution.getProcessInstanceId(), applicantName,
        applicantIdNumber, applicantEmail, duplicateKeyParts, promise.caseDueFromNow(type.processKey()).orElse(null)));
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    return caseNumber;
  }
}
