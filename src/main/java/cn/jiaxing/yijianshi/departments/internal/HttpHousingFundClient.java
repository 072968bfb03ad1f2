package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.amount;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.HousingFundClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpHousingFundClient implements HousingFundClient {

  private static final String SYSTEM = "gjj";

  private final DepartmentHttp http;

  HttpHousingFundClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Withdrawal withdrawForHeir(String idempotencyKey, String idNumber, String heirIdNumber) {
    var answer = http.post(SYSTEM, "heir-withdrawals", idempotencyKey, Map.of("idNumber", idNumber,
        "heirIdNumber", heirIdNumber));
    return new Withdrawal(required(answer, "withdrawalNumber", SYSTEM), amount(answer, "amount", SYSTEM));
  }
}
