package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathSteps.dateOfDeath;
import static cn.jiaxing.yijianshi.afterdeath.AfterDeathSteps.yuan;
import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.afterdeath.AfterDeathSteps.OutcomeStep;
import cn.jiaxing.yijianshi.departments.BankDepositClient;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.InsuranceClaimsClient;
import cn.jiaxing.yijianshi.departments.RealEstateRegistryClient;
import cn.jiaxing.yijianshi.departments.SecuritiesRegistryClient;
import cn.jiaxing.yijianshi.departments.TrafficPoliceClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The department calls of {@code AfterDeathPropertyProcess} (身后涉财事项, domain.md §2 item 9): one branch
 * per matter the family chose. A department with nothing of the deceased's (no account, no vehicle, no
 * policy) says so, and that is the matter's outcome.
 */
final class AfterDeathPropertySteps {

  private AfterDeathPropertySteps() {
  }

  /**
   * Task_SettleBankDeposits, one element per bank the family named: the deposits are queried and, when
   * the family asked and the bank's total is within the small-sum limit, withdrawn to the applicant
   * without notarisation (金规〔2024〕6号). Each bank's outcome is one line of {@code depositResults}.
   */
  @Component("settleBankDepositsDelegate")
  static class SettleBankDeposits extends DepartmentStep {
    private final BankDepositClient banks;
    private final AfterDeathRules rules;

    SettleBankDeposits(BankDepositClient banks, AfterDeathRules rules) {
      this.banks = banks;
      this.rules = rules;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String bank = string(ex, BANK);
      String deceased = string(ex, DECEASED_ID_NUMBER);
      String applicant = string(ex, APPLICANT_ID_NUMBER);
      var query = banks.queryDeposits(key, bank, deceased, applicant, string(ex, RELATIONSHIP),
          string(ex, DEATH_PROOF_NUMBER));
      String found = query.accounts() + " 个账户，余额合计 " + yuan(query.balance()) + "（查询编号 " + query.queryNumber() + "）";
      boolean asked = Boolean.TRUE.equals(ex.getVariable(SMALL_SUM_WITHDRAWAL));
      if (!asked || query.balance().signum() <= 0) {
        record(ex, bank, found);
      } else if (query.balance().compareTo(rules.smallSumLimit()) > 0) {
        record(ex, bank, found + "；超过小额存款免公证支取限额 " + yuan(rules.smallSumLimit())
            + "，请持继承公证书或人民法院法律文书到该行办理支取");
      } else {
        var w = banks.withdrawSmallSum(key + ":withdrawal", bank, deceased, applicant, query.balance());
        record(ex, bank, found + "；已免公证支取 " + yuan(w.amount()) + " 转入申请人账户（支取编号 "
            + w.withdrawalNumber() + "）");
      }
    }

    @Override
    protected boolean refusalIsAnOutcome(StepCall ex, DepartmentRefusalException refusal) {
      record(ex, string(ex, BANK), "未办理：" + ResidentIdNumber.maskAll(refusal.getMessage()));
      return true;
    }

    /**
     * Adds this bank's line, keeping the lines in the order of the banks list (elements finish in any order,
     * possibly at once: the line is added to the list as it is when the answer is recorded).
     */
    private static void record(StepCall call, String bank, String outcome) {
      call.onAnswer(ex -> record(ex, bank, outcome));
    }

    private static void record(DelegateExecution ex, String bank, String outcome) {
      Object before = ex.getVariable(DEPOSIT_RESULTS);
      List<String> lines = new ArrayList<>(before == null || before.toString().isBlank() ? List.of()
          : List.of(before.toString().split("\n")));
      String name = AfterDeathPropertyMatters.BANK_NAMES.getOrDefault(bank, bank);
      lines.removeIf(l -> l.startsWith(name + "："));
      // one line a bank: a department's words may hold line breaks; and not more than a line needs
      String line = outcome.replaceAll("\\s+", " ");
      lines.add(name + "：" + (line.length() > 300 ? line.substring(0, 300) + "…" : line));
      List<String> order = new ArrayList<>(AfterDeathPropertyMatters.BANK_NAMES.values());
      lines.sort(Comparator.comparingInt(l -> order.indexOf(l.substring(0, Math.max(0, l.indexOf('：'))))));
      ex.getProcessInstance().setVariable(DEPOSIT_RESULTS, String.join("\n", lines));
    }
  }

  /** Task_QueryRealEstate: what the deceased held (不动产登记中心); nothing held is the matter's outcome. */
  @Component("queryRealEstateDelegate")
  static class QueryRealEstate extends DepartmentStep {
    private final RealEstateRegistryClient registry;

    QueryRealEstate(RealEstateRegistryClient registry) {
      this.registry = registry;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var holdings = registry.holdings(key, string(ex, DECEASED_ID_NUMBER));
      ex.setVariable(REAL_ESTATE_COUNT, holdings.count());
      String listed = holdings.holdings();
      ex.setVariable(REAL_ESTATE_HOLDINGS, listed.length() > 2000 ? listed.substring(0, 2000) + "…（未列完，详见登记簿）" : listed);
      if (holdings.count() == 0) {
        ex.setVariable(REAL_ESTATE_RESULT, "逝者名下无不动产登记（查询编号 " + holdings.queryNumber() + "）");
      }
    }
  }

  /** Task_CancelDrivingLicence: the deceased's driving licence is cancelled (公安交管). */
  @Component("cancelDrivingLicenceDelegate")
  static class CancelDrivingLicence extends OutcomeStep {
    private final TrafficPoliceClient police;

    CancelDrivingLicence(TrafficPoliceClient police) {
      super(DRIVING_LICENCE_RESULT, "无需办理：");
      this.police = police;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String number = police.cancelDrivingLicence(key, string(ex, DECEASED_ID_NUMBER), dateOfDeath(ex));
      result(ex, "机动车驾驶证已注销（注销编号 " + number + "）");
    }
  }

  /** Task_TransferVehicles: the deceased's vehicles are registered to the heir (公安交管). */
  @Component("transferVehiclesDelegate")
  static class TransferVehicles extends OutcomeStep {
    private final TrafficPoliceClient police;

    TransferVehicles(TrafficPoliceClient police) {
      super(VEHICLE_RESULT, "无需办理：");
      this.police = police;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var t = police.transferVehicles(key, string(ex, DECEASED_ID_NUMBER), string(ex, APPLICANT_ID_NUMBER));
      result(ex, "机动车 " + t.plates() + " 已转移登记至申请人名下（业务编号 " + t.transferNumber() + "）");
    }
  }

  /** Task_TransferSecurities: the securities pass to the heir by a non-trading transfer (证券登记结算). */
  @Component("transferSecuritiesDelegate")
  static class TransferSecurities extends OutcomeStep {
    private final SecuritiesRegistryClient securities;

    TransferSecurities(SecuritiesRegistryClient securities) {
      super(SECURITIES_RESULT, "无需办理：");
      this.securities = securities;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var t = securities.transferToHeir(key, string(ex, DECEASED_ID_NUMBER), string(ex, APPLICANT_ID_NUMBER));
      result(ex, t.accounts() + " 个证券账户的证券已办理继承非交易过户至申请人名下（业务编号 " + t.transferNumber() + "）");
    }
  }

  /** Task_ClaimInsurance: death claims on the deceased's policies, for the applicant as beneficiary (保险机构). */
  @Component("claimInsuranceDelegate")
  static class ClaimInsurance extends OutcomeStep {
    private final InsuranceClaimsClient insurers;

    ClaimInsurance(InsuranceClaimsClient insurers) {
      super(INSURANCE_RESULT, "无需办理：");
      this.insurers = insurers;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var c = insurers.fileDeathClaim(key, string(ex, DECEASED_ID_NUMBER), dateOfDeath(ex),
          string(ex, APPLICANT_ID_NUMBER), string(ex, DEATH_PROOF_NUMBER));
      result(ex, c.policies() + " 份保单已报案理赔，保险机构将在30日内核定并通知受益人（报案编号 " + c.claimNumber() + "）");
    }
  }
}
