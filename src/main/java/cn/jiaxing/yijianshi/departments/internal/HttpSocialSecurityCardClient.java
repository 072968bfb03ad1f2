package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.SocialSecurityCardClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpSocialSecurityCardClient implements SocialSecurityCardClient {

  private static final String SYSTEM = "rs";

  private final DepartmentHttp http;

  HttpSocialSecurityCardClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String applyForCard(String idempotencyKey, String idNumber, String name) {
    var answer = http.post(SYSTEM, "card-applications", idempotencyKey, Map.of(
        "idNumber", idNumber, "name", name));
    return required(answer, "applicationNumber", SYSTEM);
  }
}
