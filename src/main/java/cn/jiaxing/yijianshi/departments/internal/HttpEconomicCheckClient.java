package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.amount;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.count;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.EconomicCheckClient;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpEconomicCheckClient implements EconomicCheckClient {

  private final DepartmentHttp http;

  HttpEconomicCheckClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Facts query(String idempotencyKey, String source, List<String> idNumbers, String authorizationNumber) {
    var answer = http.post(source, "household-economic-facts", idempotencyKey, Map.of("idNumbers", idNumbers,
        "authorizationNumber", authorizationNumber));
    long income = amount(answer, "monthlyIncome", source).setScale(0, RoundingMode.HALF_UP).longValueExact();
    long assets = amount(answer, "assets", source).setScale(0, RoundingMode.HALF_UP).longValueExact();
    if (income < 0 || assets < 0) {
      throw new cn.jiaxing.yijianshi.departments.DepartmentUnavailableException(source, "household-economic-facts",
          "answer has a negative amount", null);
    }
    return new Facts(required(answer, "summary", source), income, assets, count(answer, "vehicles", source),
        count(answer, "properties", source), count(answer, "businesses", source));
  }
}
