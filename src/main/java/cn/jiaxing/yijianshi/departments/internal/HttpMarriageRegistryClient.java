package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.MarriageRegistryClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpMarriageRegistryClient implements MarriageRegistryClient {

  private static final String SYSTEM = "mz";

  private final DepartmentHttp http;

  HttpMarriageRegistryClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public void checkNotMarried(String idempotencyKey, String groomIdNumber, String brideIdNumber) {
    http.post(SYSTEM, "marriage-status-checks", idempotencyKey,
        Map.of("idNumbers", List.of(groomIdNumber, brideIdNumber)));
  }

  @Override
  public String registerMarriage(String idempotencyKey, Party groom, Party bride, LocalDate registrationDate) {
    var answer = http.post(SYSTEM, "marriages", idempotencyKey, Map.of(
        "groomName", groom.name(), "groomIdNumber", groom.idNumber(),
        "brideName", bride.name(), "brideIdNumber", bride.idNumber(),
        "registrationDate", registrationDate.toString()));
    return required(answer, "certificateNumber", SYSTEM);
  }
}
