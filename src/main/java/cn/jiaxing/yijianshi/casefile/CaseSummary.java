package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;

/** A case as the front desk sees it; the applicant's ID number is masked. */
public record CaseSummary(
    String caseNumber, CaseType type, CaseStatus status, String processInstanceId, String applicantName,
    String applicantIdMasked, Instant openedAt, Instant dueAt, Instant closedAt, String outcomeReason) {
}
