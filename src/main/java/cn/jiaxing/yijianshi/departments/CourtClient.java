package cn.jiaxing.yijianshi.departments;

/**
 * 人民法院 (system {@code fy}): filings the child-protection case makes. The court's decisions come back
 * later as process messages (Message_ProtectionOrderDecided, Message_GuardianshipJudgment). The filings
 * carry the police case number and the protection centre's references, not the child's identity: the
 * court receives the file through its own channel.
 *
 * <pre>
 * POST {base}/protection-order-applications {policeCaseNumber, urgent}   → 200 {applicationNumber}
 *        (反家庭暴力法: decided within 72 hours, 24 hours when urgent)
 * POST {base}/guardianship-suits {policeCaseNumber, adviceNumber}        → 200 {suitNumber}
 *        (撤销监护人资格, filed by 民政 on the procuratorate's written advice)
 * </pre>
 */
public interface CourtClient {

  String applyForProtectionOrder(String idempotencyKey, String policeCaseNumber, boolean urgent);

  String fileGuardianshipSuit(String idempotencyKey, String policeCaseNumber, String adviceNumber);
}
