package cn.jiaxing.yijianshi.departments.internal;

import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.amount;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.count;
import static cn.jiaxing.yijianshi.departments.internal.DepartmentHttp.required;

import cn.jiaxing.yijianshi.departments.BankDepositClient;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class HttpBankDepositClient implements BankDepositClient {

  private static final String SYSTEM = "yh";

  private final DepartmentHttp http;

  HttpBankDepositClient(DepartmentHttp http) {
    this.http = http;
  }

  @Override
  public DepositQuery queryDeposits(String idempotencyKey, String bank, String idNumber, String applicantIdNumber,
      String relationship, String deathProofNumber) {
    var answer = http.post(SYSTEM, "deposit-queries", idempotencyKey, Map.of("bank", bank, "idNumber", idNumber,
        "applicantIdNumber", applicantIdNumber, "relationship", relationship, "deathProofNumber", deathProofNumber));
    return new DepositQuery(required(answer, "queryNumber", SYSTEM), count(answer, "accounts", SYSTEM),
        amount(answer, "balance", SYSTEM));
  }

  @Override
  public Withdrawal withdrawSmallSum(String idempotencyKey, String bank, String idNumber, String heirIdNumber,
      BigDecimal amount) {
    var answer = http.post(SYSTEM, "small-sum-withdrawals", idempotencyKey, Map.of("bank", bank, "idNumber", idNumber,
        "heirIdNumber", heirIdNumber, "amount", amount.toPlainString()));
    return new Withdrawal(required(answer, "withdrawalNumber", SYSTEM), amount(answer, "amount", SYSTEM));
  }
}
