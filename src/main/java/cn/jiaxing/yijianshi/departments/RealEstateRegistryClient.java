package cn.jiaxing.yijianshi.departments;

/**
 * 不动产登记 system (system {@code bdc}): what real estate the deceased held; the inheritance
 * registration itself is a clerk's step in Tasklist (不动产登记暂行条例 art. 20).
 *
 * <pre>
 * POST {base}/holdings-queries {idNumber} → 200 {queryNumber, count, holdings}
 * </pre>
 */
public interface RealEstateRegistryClient {

  Holdings holdings(String idempotencyKey, String idNumber);

  /** {@code holdings}: the properties in words (location and certificate), empty when none. */
  record Holdings(String queryNumber, int count, String holdings) {
  }
}
