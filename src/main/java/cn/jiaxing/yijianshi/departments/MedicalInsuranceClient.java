package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 医保 城乡居民医保 enrolment.
 *
 * <pre>
 * POST {base}/enrolments {childIdNumber, childName, childBirthDate} → 200 {enrolmentNumber, benefitStart}
 * </pre>
 */
public interface MedicalInsuranceClient {

  Enrolment enrol(String idempotencyKey, String childIdNumber, String childName, LocalDate childBirthDate);

  record Enrolment(String enrolmentNumber, LocalDate benefitStart) {
  }
}
