package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.count;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.InsuranceClaimsClient;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpInsuranceClaimsClient implements InsuranceClaimsClient {

  private static final String SYSTEM = "bx";

  private final DepartmentHttp http;

  HttpInsuranceClaimsClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public Claim fileDeathClaim(String idempotencyKey, String idNumber, LocalDate dateOfDeath, String beneficiaryIdNumber,
      String deathProofNumber) {
    var answer = http.post(SYSTEM, "death-claims", idempotencyKey, Map.of("idNumber", idNumber,
        "dateOfDeath", dateOfDeath.toString(), "beneficiaryIdNumber", beneficiaryIdNumber,
        "deathProofNumber", deathProofNumber));
    return new Claim(required(answer, "claimNumber", SYSTEM), count(answer, "policies", SYSTEM));
  }
}
