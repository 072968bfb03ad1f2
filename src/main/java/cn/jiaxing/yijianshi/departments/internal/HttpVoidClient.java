package cn.jiaxing.yijianshi.departments.internal;

import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import cn.jiaxing.yijianshi.departments.VoidClient;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpVoidClient implements VoidClient {

  static final String OPERATION = "voids";

  private final DepartmentHttp http;

  HttpVoidClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public VoidAnswer requestVoid(String system, String requestKey, String reason) {
    try {
      var answer = http.post(system, OPERATION, requestKey + ":void", Map.of("idempotencyKey", requestKey, "reason", reason));
      if (!answer.path("undone").isBoolean()) {
        throw new DepartmentUnavailableException(system, OPERATION, "answer lacks 'undone'", null);
      }
      return new VoidAnswer(answer.get("undone").asBoolean(), answer.path("hadEffect").asBoolean(true),
          answer.path("message").asText(""));
    } catch (DepartmentRefusalException e) {
      return new VoidAnswer(false, true, e.getMessage());
    }
  }
}
