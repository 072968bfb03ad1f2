package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.DisabledPersonsClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpDisabledPersonsClient implements DisabledPersonsClient {

  private static final String SYSTEM = "cl";

  private final DepartmentHttp http;

  HttpDisabledPersonsClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String cancelDisabilityCard(String idempotencyKey, String idNumber, LocalDate effectiveFrom) {
    return required(http.post(SYSTEM, "disability-card-cancellations", idempotencyKey, Map.of("idNumber", idNumber,
        "effectiveFrom", effectiveFrom.toString())), "cancellationNumber", SYSTEM);
  }
}
