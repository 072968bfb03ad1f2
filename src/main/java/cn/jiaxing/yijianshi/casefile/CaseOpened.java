package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;

/** Published inside the transaction that opens the case. */
public record CaseOpened(
    String caseNumber, String processInstanceId, CaseType type, String applicantName, String applicantEmail, Instant openedAt,
    Instant dueAt) {
}
