package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;
import java.util.Map;

/**
 * Published inside the transaction that closes the case.
 *
 * @param results what the applicant receives, label → value, already masked where sensitive
 */
public record CaseClosed(
    String caseNumber, String processInstanceId, CaseType type, CaseStatus status, String reason, Map<String, String> results,
    String applicantName, String applicantEmail, Instant closedAt) {
}
