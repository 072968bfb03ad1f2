package cn.jiaxing.yijianshi.departments;

import java.time.LocalDate;

/**
 * 残联 残疾人证 system (system {@code cl}): after a death, the 残疾人证 is cancelled and the two disability
 * subsidies (困难残疾人生活补贴, 重度残疾人护理补贴) stop.
 *
 * <pre>
 * POST {base}/disability-card-cancellations {idNumber, effectiveFrom} → 200 {cancellationNumber}
 *                                                                      422 NO_DISABILITY_CARD
 * </pre>
 */
public interface DisabledPersonsClient {

  String cancelDisabilityCard(String idempotencyKey, String idNumber, LocalDate effectiveFrom);
}
