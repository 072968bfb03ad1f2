package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.count;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.RealEstateRegistryClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpRealEstateRegistryClient implements RealEstateRegistryClient {

  private static final String SYSTEM = "bdc";

  private final DepartmentHttp http;

  HttpRealEstateRegistryClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Holdings holdings(String idempotencyKey, String idNumber) {
    var answer = http.post(SYSTEM, "holdings-queries", idempotencyKey, Map.of("idNumber", idNumber));
    int count = count(answer, "count", SYSTEM);
    return new Holdings(required(answer, "queryNumber", SYSTEM), count,
        count == 0 ? "" : required(answer, "holdings", SYSTEM));
  }
}
