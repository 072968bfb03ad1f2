package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 公安 户籍 system.
 *
 * <pre>
 * POST {base}/marital-status-updates {idNumbers:[..], marriageCertificateNumber} → 200 {updated: n}
 * POST {base}/household-moves {moverIdNumber, hostIdNumber, reason}           → 200 {moveNumber}
 *                                                                               422 HOUSEHOLD_NOT_FOUND
 * POST {base}/birth-registrations {childName, childSex, childBirthDate, birthCertificateNumber,
 *                                  householdParentIdNumber}                    → 200 {childIdNumber}
 *                                                                               422 HOUSEHOLD_NOT_FOUND
 * </pre>
 */
public interface HouseholdRegistryClient {

  void updateMaritalStatus(String idempotencyKey, String groomIdNumber, String brideIdNumber,
      String marriageCertificateNumber);

  String moveHousehold(String idempotencyKey, String moverIdNumber, String hostIdNumber);

  String registerBirth(String idempotencyKey, BirthRegistration registration);

  record BirthRegistration(String childName, String childSex, LocalDate childBirthDate,
      String birthCertificateNumber, String householdParentIdNumber) {
  }
}
