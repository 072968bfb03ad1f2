package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 卫健 systems: 出生医学证明, 生育登记 and the 死亡医学证明 reported by hospitals and community health
 * centres (国卫规划发〔2026〕5号).
 *
 * <pre>
 * POST {base}/birth-certificates {childName, childSex, childBirthDate, birthHospital, motherIdNumber}
 *                                                        → 200 {certificateNumber}
 * POST {base}/birth-planning-registrations {fatherIdNumber, motherIdNumber} → 200 {registrationNumber}
 * POST {base}/death-proofs {deceasedIdNumber, deceasedName, dateOfDeath, deathKind, proofNumber}
 *                                                        → 200 {proofNumber, issuer}
 *                                                          422 DEATH_NOT_CONFIRMED (no such 死亡医学证明)
 * </pre>
 */
public interface HealthCommissionClient {

  String issueBirthCertificate(String idempotencyKey, String childName, String childSex, LocalDate childBirthDate,
      String birthHospital, String motherIdNumber);

  String registerBirthPlanning(String idempotencyKey, String fatherIdNumber, String motherIdNumber);

  /** Confirms the 死亡医学证明 the family holds (hospital or community health centre for a home death). */
  DeathProof confirmDeathProof(String idempotencyKey, String deceasedIdNumber, String deceasedName, LocalDate dateOfDeath,
      String deathKind, String proofNumber);

  /** A confirmed death proof: its number and who issued it. */
  record DeathProof(String proofNumber, String issuer) {
  }
}
