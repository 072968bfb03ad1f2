package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.TrafficPoliceClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpTrafficPoliceClient implements TrafficPoliceClient {

  private static final String SYSTEM = "jg";

  private final DepartmentHttp http;

  HttpTrafficPoliceClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String cancelDrivingLicence(String idempotencyKey, String idNumber, LocalDate dateOfDeath) {
    var answer = http.post(SYSTEM, "driving-licence-cancellations", idempotencyKey, Map.of("idNumber", idNumber,
        "dateOfDeath", dateOfDeath.toString()));
    return required(answer, "cancellationNumber", SYSTEM);
  }

  @Override
  public VehicleTransfer transferVehicles(String idempotencyKey, String idNumber, String heirIdNumber) {
    var answer = http.post(SYSTEM, "vehicle-transfers", idempotencyKey, Map.of("idNumber", idNumber,
        "heirIdNumber", heirIdNumber));
    return new VehicleTransfer(required(answer, "transferNumber", SYSTEM), required(answer, "plates", SYSTEM));
  }
}
