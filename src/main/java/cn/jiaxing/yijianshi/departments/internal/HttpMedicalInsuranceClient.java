package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpMedicalInsuranceClient implements MedicalInsuranceClient {

  private static final String SYSTEM = "yb";

  private final DepartmentHttp http;

  HttpMedicalInsuranceClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Enrolment enrol(String idempotencyKey, String childIdNumber, String childName, LocalDate childBirthDate) {
    var answer = http.post(SYSTEM, "enrolments", idempotencyKey, Map.of(
        "childIdNumber", childIdNumber, "childName", childName, "childBirthDate", childBirthDate.toString()));
    return new Enrolment(required(answer, "enrolmentNumber", SYSTEM),
        LocalDate.parse(required(answer, "benefitStart", SYSTEM)));
  }

  @Override
  public CoverageStop stopCoverage(String idempotencyKey, String idNumber, LocalDate dateOfDeath, String heirIdNumber) {
    var answer = http.post(SYSTEM, "coverage-stops", idempotencyKey, Map.of("idNumber", idNumber,
        "dateOfDeath", dateOfDeath.toString(), "heirIdNumber", heirIdNumber));
    return new CoverageStop(required(answer, "stopNumber", SYSTEM), LocalDate.parse(required(answer, "coverageEnd", SYSTEM)),
        DepartmentHttp.amount(answer, "accountBalance", SYSTEM));
  }
}
