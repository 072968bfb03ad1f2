package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 民政 婚姻登记 system (全国婚姻信息库 and the registration itself).
 *
 * <pre>
 * POST {base}/marriage-status-checks {idNumbers:[..]}            → 200 {checked: n}
 *                                                                  422 ALREADY_MARRIED
 * POST {base}/marriages {groomName, groomIdNumber, brideName, brideIdNumber, registrationDate}
 *                                                                → 200 {certificateNumber}
 *                                                                  422 ALREADY_MARRIED
 * </pre>
 */
public interface MarriageRegistryClient {

  void checkNotMarried(String idempotencyKey, String groomIdNumber, String brideIdNumber);

  String registerMarriage(String idempotencyKey, Party groom, Party bride, LocalDate registrationDate);

  record Party(String name, String idNumber) {
  }
}
