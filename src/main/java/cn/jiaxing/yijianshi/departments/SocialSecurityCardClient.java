package cn.jiaxing.yijianshi.departments;

/**
 * 人社 社保卡 application.
 *
 * <pre>
 * POST {base}/card-applications {idNumber, name} → 200 {applicationNumber}
 * </pre>
 */
public interface SocialSecurityCardClient {

  String applyForCard(String idempotencyKey, String idNumber, String name);
}
