package cn.jiaxing.yijianshi.casefile;

/**
 * A step's result the applicant is told at once, while the case goes on or after it closed (e.g. an
 * assistance decision, each companion aid's answer, the yearly re-check).
 *
 * @param step what the step is, in the applicant's words (e.g. 教育救助（教育局）)
 * @param result its result, already masked where sensitive
 */
public record ApplicantInformed(String caseNumber, CaseType type, String applicantName, String applicantEmail,
    String step, String result) {
}
