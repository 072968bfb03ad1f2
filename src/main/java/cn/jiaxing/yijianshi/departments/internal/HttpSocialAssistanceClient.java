package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.SocialAssistanceClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpSocialAssistanceClient implements SocialAssistanceClient {

  private static final String SYSTEM = "mzjz";

  private final DepartmentHttp http;

  HttpSocialAssistanceClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String assistanceStatus(String idempotencyKey, String idNumber) {
    return required(http.post(SYSTEM, "assistance-statuses", idempotencyKey, Map.of("idNumber", idNumber)),
        "status", SYSTEM);
  }

  @Override
  public AllowanceStop stopAllowances(String idempotencyKey, String idNumber, LocalDate effectiveFrom) {
    var answer = http.post(SYSTEM, "allowance-stops", idempotencyKey, Map.of("idNumber", idNumber,
        "effectiveFrom", effectiveFrom.toString()));
    return new AllowanceStop(required(answer, "stopNumber", SYSTEM), required(answer, "stopped", SYSTEM));
  }

  @Override
  public String grantAssistance(String idempotencyKey, String idNumber, String category, int householdSize,
      java.math.BigDecimal monthlyAmount, LocalDate paymentFrom) {
    var answer = http.post(SYSTEM, "assistance-grants", idempotencyKey, Map.of("idNumber", idNumber,
        "category", category, "householdSize", householdSize, "monthlyAmount", monthlyAmount.toPlainString(),
        "paymentFrom", paymentFrom.toString()));
    return required(answer, "grantNumber", SYSTEM);
  }

  @Override
  public String stopAssistance(String idempotencyKey, String idNumber, String grantNumber, LocalDate effectiveFrom) {
    var answer = http.post(SYSTEM, "assistance-stops", idempotencyKey, Map.of("idNumber", idNumber,
        "grantNumber", grantNumber, "effectiveFrom", effectiveFrom.toString()));
    return required(answer, "stopNumber", SYSTEM);
  }
}
