package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 民政 社会救助 system (system {@code mzjz}): a person's 低保 / 特困 status, stopping the assistance and
 * allowances a person received (低保, 特困供养, 高龄津贴) after their death, and the payments of an approved
 * household (社会救助一件事): registered from a month on, stopped from a month on.
 *
 * <pre>
 * POST {base}/assistance-statuses {idNumber}              → 200 {status: NONE | DIBAO | TEKUN}
 * POST {base}/allowance-stops {idNumber, effectiveFrom}   → 200 {stopNumber, stopped}
 *                                                           422 NO_ALLOWANCE (the person received none)
 * POST {base}/assistance-grants {idNumber, category, householdSize, monthlyAmount, paymentFrom}
 *                                                         → 200 {grantNumber}
 * POST {base}/assistance-stops {idNumber, grantNumber, effectiveFrom}
 *                                                         → 200 {stopNumber}
 * </pre>
 */
public interface SocialAssistanceClient {

  String assistanceStatus(String idempotencyKey, String idNumber);

  /** Stops every allowance from {@code effectiveFrom}; returns the stop number and what was stopped. */
  AllowanceStop stopAllowances(String idempotencyKey, String idNumber, LocalDate effectiveFrom);

  /** Registers an approved household's monthly payment (DIBAO or TEKUN) from {@code paymentFrom}; the grant number. */
  String grantAssistance(String idempotencyKey, String idNumber, String category, int householdSize,
      java.math.BigDecimal monthlyAmount, LocalDate paymentFrom);

  /** Stops a household's payment from {@code effectiveFrom}; the stop number. */
  String stopAssistance(String idempotencyKey, String idNumber, String grantNumber, LocalDate effectiveFrom);

  record AllowanceStop(String stopNumber, String stopped) {
  }
}
