package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 疾控 immunisation system (预防接种证).
 *
 * <pre>
 * POST {base}/vaccination-records {childName, childBirthDate, motherIdNumber} → 200 {recordNumber}
 * </pre>
 */
public interface VaccinationClient {

  String issueVaccinationRecord(String idempotencyKey, String childName, LocalDate childBirthDate,
      String motherIdNumber);
}
