package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpHouseholdRegistryClient implements HouseholdRegistryClient {

  private static final String SYSTEM = "ga";

  private final DepartmentHttp http;

  HttpHouseholdRegistryClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public void updateMaritalStatus(String idempotencyKey, String groomIdNumber, String brideIdNumber,
      String marriageCertificateNumber) {
    http.post(SYSTEM, "marital-status-updates", idempotencyKey, Map.of(
        "idNumbers", List.of(groomIdNumber, brideIdNumber),
        "marriageCertificateNumber", marriageCertificateNumber));
  }

  @Override
  public String moveHousehold(String idempotencyKey, String moverIdNumber, String hostIdNumber) {
    var answer = http.post(SYSTEM, "household-moves", idempotencyKey, Map.of(
        "moverIdNumber", moverIdNumber, "hostIdNumber", hostIdNumber, "reason", "夫妻投靠"));
    return required(answer, "moveNumber", SYSTEM);
  }

  @Override
  public String registerBirth(String idempotencyKey, BirthRegistration r) {
    var answer = http.post(SYSTEM, "birth-registrations", idempotencyKey, Map.of(
        "childName", r.childName(), "childSex", r.childSex(), "childBirthDate", r.childBirthDate().toString(),
        "birthCertificateNumber", r.birthCertificateNumber(),
        "householdParentIdNumber", r.householdParentIdNumber()));
    return required(answer, "childIdNumber", SYSTEM);
  }

  @Override
  public cn.jiaxing.yijianshi.departments.HealthCommissionClient.DeathProof confirmNonNaturalDeath(
      String idempotencyKey, String deceasedIdNumber, String deceasedName, java.time.LocalDate dateOfDeath) {
    var answer = http.post(SYSTEM, "death-proofs", idempotencyKey, Map.of("deceasedIdNumber", deceasedIdNumber,
        "deceasedName", deceasedName, "dateOfDeath", dateOfDeath.toString()));
    return new cn.jiaxing.yijianshi.departments.HealthCommissionClient.DeathProof(
        required(answer, "proofNumber", SYSTEM), required(answer, "issuer", SYSTEM));
  }

  @Override
  public HouseholdRecord householdRecord(String idempotencyKey, String idNumber) {
    var answer = http.post(SYSTEM, "household-records", idempotencyKey, Map.of("idNumber", idNumber));
    return new HouseholdRecord(DepartmentHttp.flag(answer, "found", SYSTEM),
        DepartmentHttp.flag(answer, "zhejiangHousehold", SYSTEM));
  }

  @Override
  public String cancelHousehold(String idempotencyKey, String idNumber, java.time.LocalDate dateOfDeath,
      String deathProofNumber) {
    var answer = http.post(SYSTEM, "household-cancellations", idempotencyKey, Map.of("idNumber", idNumber,
        "dateOfDeath", dateOfDeath.toString(), "deathProofNumber", deathProofNumber));
    return required(answer, "cancellationNumber", SYSTEM);
  }
}
