package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpMedicalInsuranceClient implements MedicalInsuranceClient {

  private final DepartmentHttp http;

  HttpMedicalInsuranceClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Enrolment enrol(String idempotencyKey, String childIdNumber, String childName, LocalDate childBirthDate) {
    var answer = http.post(Department.YB, "enrolments", idempotencyKey, Map.of(
        "childIdNumber", childIdNumber, "childName", childName, "childBirthDate", childBirthDate.toString()));
    return new Enrolment(required(answer, "enrolmentNumber", Department.YB),
        LocalDate.parse(required(answer, "benefitStart", Department.YB)));
  }
}
