package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.amount;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.PensionClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpPensionClient implements PensionClient {

  private static final String SYSTEM = "rs";

  private final DepartmentHttp http;

  HttpPensionClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public PensionSettlement settleAfterDeath(String idempotencyKey, String idNumber, LocalDate dateOfDeath,
      LocalDate stopFrom, String heirIdNumber) {
    var answer = http.post(SYSTEM, "pension-settlements", idempotencyKey, Map.of("idNumber", idNumber,
        "dateOfDeath", dateOfDeath.toString(), "stopFrom", stopFrom.toString(), "heirIdNumber", heirIdNumber));
    return new PensionSettlement(required(answer, "settlementNumber", SYSTEM), amount(answer, "funeralGrant", SYSTEM),
        amount(answer, "survivorBenefit", SYSTEM), amount(answer, "accountBalance", SYSTEM));
  }
}
