package cn.jiaxing.yijianshi.departments;

/**
 * 保险机构 (system {@code bx}, through the insurance industry's claims platform): death claims on the
 * deceased's policies, filed for the beneficiary.
 *
 * <pre>
 * POST {base}/death-claims {idNumber, dateOfDeath, beneficiaryIdNumber, deathProofNumber}
 *        → 200 {claimNumber, policies}
 *          422 NO_POLICY (no policy in force)
 * </pre>
 */
public interface InsuranceClaimsClient {

  Claim fileDeathClaim(String idempotencyKey, String idNumber, java.time.LocalDate dateOfDeath,
      String beneficiaryIdNumber, String deathProofNumber);

  /** {@code policies}: how many policies the claim covers. */
  record Claim(String claimNumber, int policies) {
  }
}
