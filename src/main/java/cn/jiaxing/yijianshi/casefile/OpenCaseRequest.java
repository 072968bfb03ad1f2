package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;
import java.util.List;

/**
 * What a process start listener knows when it opens a case.
 *
 * @param applicantIdNumber stored masked only
 * @param applicantEmail where receipts and notices go; may be null
 * @param duplicateKeyParts identify "the same couple / the same child"; only their hash is stored,
 *     and only while the case is open
 * @param dueAt the case-level promise (承诺时限) from the SLA policy
 */
public record OpenCaseRequest(
    CaseType type,
    String processInstanceId,
    String applicantName,
    String applicantIdNumber,
    String applicantEmail,
    List<String> duplicateKeyParts,
    Instant dueAt) {
}
