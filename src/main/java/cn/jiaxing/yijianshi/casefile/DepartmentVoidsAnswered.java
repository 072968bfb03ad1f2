package cn.jiaxing.yijianshi.casefile;

import java.util.List;

/**
 * Every department of a refused or cancelled case has answered its void request (see
 * {@link DepartmentVoids}); published once per case, in the transaction that records it.
 *
 * @param standing what could not be undone: the organisation and its explanation (masked)
 */
public record DepartmentVoidsAnswered(String caseNumber, CaseType type, String applicantName, String applicantEmail,
    List<Standing> standing) {

  public record Standing(String organisation, String explanation) {
  }
}
