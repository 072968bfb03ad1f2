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
 * POST {base}/death-proofs {deceasedIdNumber, deceasedName, dateOfDeath}       → 200 {proofNumber, issuer}
 *                                                                               422 DEATH_NOT_CONFIRMED
 * POST {base}/household-records {idNumber}                                     → 200 {found, zhejiangHousehold}
 * POST {base}/household-cancellations {idNumber, dateOfDeath, deathProofNumber} → 200 {cancellationNumber}
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

  /** A non-natural death: 公安 issues the proof after its inquiry. */
  HealthCommissionClient.DeathProof confirmNonNaturalDeath(String idempotencyKey, String deceasedIdNumber,
      String deceasedName, LocalDate dateOfDeath);

  /** Whether the person has a household registration, and whether it is in Zhejiang (浙江省户籍). */
  HouseholdRecord householdRecord(String idempotencyKey, String idNumber);

  /** 户口注销 after a death (户口登记条例 art. 8); returns the cancellation number. */
  String cancelHousehold(String idempotencyKey, String idNumber, LocalDate dateOfDeath, String deathProofNumber);

  record HouseholdRecord(boolean found, boolean zhejiangHousehold) {
  }
}
