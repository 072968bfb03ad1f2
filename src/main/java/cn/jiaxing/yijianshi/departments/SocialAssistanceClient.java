package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 民政 社会救助 system (system {@code mzjz}): a person's 低保 / 特困 status, and stopping the assistance
 * and allowances a person received (低保, 特困供养, 高龄津贴) after their death.
 *
 * <pre>
 * POST {base}/assistance-statuses {idNumber}              → 200 {status: NONE | DIBAO | TEKUN}
 * POST {base}/allowance-stops {idNumber, effectiveFrom}   → 200 {stopNumber, stopped}
 *                                                           422 NO_ALLOWANCE (the person received none)
 * </pre>
 */
public interface SocialAssistanceClient {

  String assistanceStatus(String idempotencyKey, String idNumber);

  /** Stops every allowance from {@code effectiveFrom}; returns the stop number and what was stopped. */
  AllowanceStop stopAllowances(String idempotencyKey, String idNumber, LocalDate effectiveFrom);

  record AllowanceStop(String stopNumber, String stopped) {
  }
}
