package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.VaccinationClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpVaccinationClient implements VaccinationClient {

  private static final String SYSTEM = "jk";

  private final DepartmentHttp http;

  HttpVaccinationClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String issueVaccinationRecord(String idempotencyKey, String childName, LocalDate childBirthDate,
      String motherIdNumber) {
    var answer = http.post(SYSTEM, "vaccination-records", idempotencyKey, Map.of(
        "childName", childName, "childBirthDate", childBirthDate.toString(), "motherIdNumber", motherIdNumber));
    return required(answer, "recordNumber", SYSTEM);
  }
}
