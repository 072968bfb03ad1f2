package cn.jiaxing.yijianshi.departments;

import java.math.BigDecimal;

/**
 * 住房公积金 system (system {@code gjj}): the heirs withdraw the deceased's housing fund; the centre decides
 * within 3 days (住房公积金管理条例 art. 25).
 *
 * <pre>
 * POST {base}/heir-withdrawals {idNumber, heirIdNumber} → 200 {withdrawalNumber, amount}
 *                                                        422 NO_ACCOUNT (no housing fund account)
 * </pre>
 */
public interface HousingFundClient {

  Withdrawal withdrawForHeir(String idempotencyKey, String idNumber, String heirIdNumber);

  /** The amount (yuan) paid to the heir. */
  record Withdrawal(String withdrawalNumber, BigDecimal amount) {
  }
}
