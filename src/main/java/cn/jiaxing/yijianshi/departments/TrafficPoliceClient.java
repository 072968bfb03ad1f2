package cn.jiaxing.yijianshi.departments;

/**
 * 公安交管 system (system {@code jg}): the deceased's driving licence is cancelled, their vehicles are
 * transferred to the heir.
 *
 * <pre>
 * POST {base}/driving-licence-cancellations {idNumber, dateOfDeath} → 200 {cancellationNumber}
 *                                                                   422 NO_LICENCE
 * POST {base}/vehicle-transfers {idNumber, heirIdNumber} → 200 {transferNumber, plates}
 *                                                        422 NO_VEHICLE
 * </pre>
 */
public interface TrafficPoliceClient {

  String cancelDrivingLicence(String idempotencyKey, String idNumber, java.time.LocalDate dateOfDeath);

  VehicleTransfer transferVehicles(String idempotencyKey, String idNumber, String heirIdNumber);

  /** {@code plates}: the number plates transferred, e.g. "浙F·A1234". */
  record VehicleTransfer(String transferNumber, String plates) {
  }
}
