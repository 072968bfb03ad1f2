package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpHealthCommissionClient implements HealthCommissionClient {

  private static final String SYSTEM = "wj";

  private final DepartmentHttp http;

  HttpHealthCommissionClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public String issueBirthCertificate(String idempotencyKey, String childName, String childSex,
      LocalDate childBirthDate, String birthHospital, String motherIdNumber) {
    var answer = http.post(SYSTEM, "birth-certificates", idempotencyKey, Map.of(
        "childName", childName, "childSex", childSex, "childBirthDate", childBirthDate.toString(),
        "birthHospital", birthHospital, "motherIdNumber", motherIdNumber));
    return required(answer, "certificateNumber", SYSTEM);
  }

  @Override
  public String registerBirthPlanning(String idempotencyKey, String fatherIdNumber, String motherIdNumber) {
    var answer = http.post(SYSTEM, "birth-planning-registrations", idempotencyKey, Map.of(
        "fatherIdNumber", fatherIdNumber, "motherIdNumber", motherIdNumber));
    return required(answer, "registrationNumber", SYSTEM);
  }

  @Override
  public DeathProof confirmDeathProof(String idempotencyKey, String deceasedIdNumber, String deceasedName,
      LocalDate dateOfDeath, String deathKind, String proofNumber) {
    var answer = http.post(SYSTEM, "death-proofs", idempotencyKey, Map.of("deceasedIdNumber", deceasedIdNumber,
        "deceasedName", deceasedName, "dateOfDeath", dateOfDeath.toString(), "deathKind", deathKind,
        "proofNumber", proofNumber));
    return new DeathProof(required(answer, "proofNumber", SYSTEM), required(answer, "issuer", SYSTEM));
  }
}
