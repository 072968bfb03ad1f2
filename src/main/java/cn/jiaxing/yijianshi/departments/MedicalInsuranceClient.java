package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 医保: 城乡居民医保 enrolment; the end of coverage after a death, the individual account paid out to the heirs.
 *
 * <pre>
 * POST {base}/enrolments {childIdNumber, childName, childBirthDate} → 200 {enrolmentNumber, benefitStart}
 * POST {base}/coverage-stops {idNumber, dateOfDeath, heirIdNumber}   → 200 {stopNumber, coverageEnd, accountBalance}
 * </pre>
 */
public interface MedicalInsuranceClient {

  Enrolment enrol(String idempotencyKey, String childIdNumber, String childName, LocalDate childBirthDate);

  record Enrolment(String enrolmentNumber, LocalDate benefitStart) {
  }

  CoverageStop stopCoverage(String idempotencyKey, String idNumber, LocalDate dateOfDeath, String heirIdNumber);

  /** Coverage ends on {@code coverageEnd}; the individual account's balance (yuan) is paid to the heir. */
  record CoverageStop(String stopNumber, LocalDate coverageEnd, java.math.BigDecimal accountBalance) {
  }
}
