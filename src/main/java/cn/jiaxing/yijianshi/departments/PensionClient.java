package cn.jiaxing.yijianshi.departments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 人社 养老保险 system (system {@code rs}): after a death, the pension stops, the 丧葬补助金 and 抚恤金 are
 * paid to the heir and the individual pension account is settled.
 *
 * <pre>
 * POST {base}/pension-settlements {idNumber, dateOfDeath, stopFrom, heirIdNumber}
 *        → 200 {settlementNumber, funeralGrant, survivorBenefit, accountBalance}
 *          422 NO_PENSION_RECORD (the person had no pension insurance here)
 * </pre>
 */
public interface PensionClient {

  PensionSettlement settleAfterDeath(String idempotencyKey, String idNumber, LocalDate dateOfDeath, LocalDate stopFrom,
      String heirIdNumber);

  /** Amounts in yuan. */
  record PensionSettlement(String settlementNumber, BigDecimal funeralGrant, BigDecimal survivorBenefit,
      BigDecimal accountBalance) {
  }
}
