package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.CourtClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpCourtClient implements CourtClient {

  private static final String SYSTEM = "fy";

  private final DepartmentHttp http;

  HttpCourtClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String applyForProtectionOrder(String idempotencyKey, String policeCaseNumber, boolean urgent) {
    return required(http.post(SYSTEM, "protection-order-applications", idempotencyKey,
        Map.of("policeCaseNumber", policeCaseNumber, "urgent", urgent)), "applicationNumber", SYSTEM);
  }

  @Override
  public String fileGuardianshipSuit(String idempotencyKey, String policeCaseNumber, String adviceNumber) {
    return required(http.post(SYSTEM, "guardianship-suits", idempotencyKey,
        Map.of("policeCaseNumber", policeCaseNumber, "adviceNumber", adviceNumber)), "suitNumber", SYSTEM);
  }
}
