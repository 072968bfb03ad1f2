package cn.jiaxing.yijianshi.casefile;

/**
 * Published inside the transaction of a step whose outcome needs the applicant to act (e.g. bring missing
 * materials to a department's window) while the case goes on: the applicant is told at once.
 *
 * @param step what the step is, in the applicant's words (e.g. 不动产继承登记)
 * @param needed what the applicant must do or bring, already masked where sensitive
 */
public record ApplicantActionNeeded(String caseNumber, CaseType type, String applicantName, String applicantEmail,
    String step, String needed) {
}
