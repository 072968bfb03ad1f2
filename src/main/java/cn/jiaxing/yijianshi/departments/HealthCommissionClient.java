package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 卫健 systems: 出生医学证明 and 生育登记.
 *
 * <pre>
 * POST {base}/birth-certificates {childName, childSex, childBirthDate, birthHospital, motherIdNumber}
 *                                                        → 200 {certificateNumber}
 * POST {base}/birth-planning-registrations {fatherIdNumber, motherIdNumber} → 200 {registrationNumber}
 * </pre>
 */
public interface HealthCommissionClient {

  String issueBirthCertificate(String idempotencyKey, String childName, String childSex, LocalDate childBirthDate,
      String birthHospital, String motherIdNumber);

  String registerBirthPlanning(String idempotencyKey, String fatherIdNumber, String motherIdNumber);
}
