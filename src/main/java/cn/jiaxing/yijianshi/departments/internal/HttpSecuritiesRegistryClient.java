package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.count;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.SecuritiesRegistryClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpSecuritiesRegistryClient implements SecuritiesRegistryClient {

  private static final String SYSTEM = "zq";

  private final DepartmentHttp http;

  HttpSecuritiesRegistryClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Transfer transferToHeir(String idempotencyKey, String idNumber, String heirIdNumber) {
    var answer = http.post(SYSTEM, "inheritance-transfers", idempotencyKey, Map.of("idNumber", idNumber,
        "heirIdNumber", heirIdNumber));
    return new Transfer(required(answer, "transferNumber", SYSTEM), count(answer, "accounts", SYSTEM));
  }
}
