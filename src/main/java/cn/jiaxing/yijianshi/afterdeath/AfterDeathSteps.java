package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.DisabledPersonsClient;
import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.HousingFundClient;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import cn.jiaxing.yijianshi.departments.PensionClient;
import cn.jiaxing.yijianshi.departments.SocialAssistanceClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.springframework.stereotype.Component;

/**
 * The department calls of {@code AfterDeathProcess} (domain.md §2). The death is proved first (卫健, or
 * 公安 for a non-natural death); then, in parallel, the funeral (户籍 and 低保/特困 status decide the 惠民殡葬
 * reductions) and each department's procedure. Benefits stop from the month after the death. A department
 * that has nothing to do for this person (no pension record, no disability card, no housing fund account)
 * says so: that is recorded as its outcome, and the case goes on.
 */
final class AfterDeathSteps {

  static final String DEATH_NOT_CONFIRMED = "Err_DeathNotConfirmed";

  private AfterDeathSteps() {
  }

  static LocalDate dateOfDeath(StepCall ex) {
    String date = ex.getVariable(DATE_OF_DEATH).toString();
    return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
  }

  /** Benefits and allowances stop from the first day of the month after the death. */
  static LocalDate monthAfter(LocalDate dateOfDeath) {
    return dateOfDeath.with(TemporalAdjusters.firstDayOfNextMonth());
  }

  static String yuan(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 元";
  }

  /**
   * A step whose outcome, in words the family reads, goes to one variable: the department's result, or its
   * refusal (nothing to do for this person) with the department's words, ID numbers masked.
   */
  abstract static class OutcomeStep extends DepartmentStep {
    private final String resultVariable;
    private final String refusalPrefix;

    OutcomeStep(String resultVariable, String refusalPrefix) {
      this.resultVariable = resultVariable;
      this.refusalPrefix = refusalPrefix;
    }

    void result(StepCall ex, String text) {
      ex.setVariable(resultVariable, text);
    }

    @Override
    protected final boolean refusalIsAnOutcome(StepCall ex, DepartmentRefusalException refusal) {
      result(ex, refusalPrefix + ResidentIdNumber.maskAll(refusal.getMessage()));
      return true;
    }
  }

  /** Task_ConfirmDeathProof: the 死亡医学证明 (卫健: the hospital, or the community health centre for a home death). */
  @Component("confirmDeathProofDelegate")
  static class ConfirmDeathProof extends DepartmentStep {
    private final HealthCommissionClient health;

    ConfirmDeathProof(HealthCommissionClient health) {
      this.health = health;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var proof = health.confirmDeathProof(key, string(ex, DECEASED_ID_NUMBER), string(ex, DECEASED_NAME),
          dateOfDeath(ex), string(ex, DEATH_KIND), string(ex, DEATH_PROOF_NUMBER));
      ex.setVariable(DEATH_PROOF_NUMBER, proof.proofNumber());
      ex.setVariable(DEATH_PROOF_ISSUER, proof.issuer());
    }

    @Override
    protected String refusalErrorCode() {
      return DEATH_NOT_CONFIRMED;
    }
  }

  /** Task_ConfirmNonNaturalDeath: 公安 proves a non-natural death. */
  @Component("confirmNonNaturalDeathDelegate")
  static class ConfirmNonNaturalDeath extends DepartmentStep {
    private final HouseholdRegistryClient police;

    ConfirmNonNaturalDeath(HouseholdRegistryClient police) {
      this.police = police;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var proof = police.confirmNonNaturalDeath(key, string(ex, DECEASED_ID_NUMBER), string(ex, DECEASED_NAME),
          dateOfDeath(ex));
      ex.setVariable(DEATH_PROOF_NUMBER, proof.proofNumber());
      ex.setVariable(DEATH_PROOF_ISSUER, proof.issuer());
    }

    @Override
    protected String refusalErrorCode() {
      return DEATH_NOT_CONFIRMED;
    }
  }

  /** Task_QueryHouseholdRecord: whether the deceased had a Zhejiang household registration (惠民殡葬). */
  @Component("queryHouseholdRecordDelegate")
  static class QueryHouseholdRecord extends DepartmentStep {
    private final HouseholdRegistryClient police;

    QueryHouseholdRecord(HouseholdRegistryClient police) {
      this.police = police;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var record = police.householdRecord(key, string(ex, DECEASED_ID_NUMBER));
      ex.setVariable(ZHEJIANG_HOUSEHOLD, record.found() && record.zhejiangHousehold());
    }
  }

  /** Task_QueryAssistanceStatus: 低保 / 特困 status (民政 社会救助), for the extra funeral reductions. */
  @Component("queryAssistanceStatusDelegate")
  static class QueryAssistanceStatus extends DepartmentStep {
    private final SocialAssistanceClient assistance;

    QueryAssistanceStatus(SocialAssistanceClient assistance) {
      this.assistance = assistance;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String status = assistance.assistanceStatus(key, string(ex, DECEASED_ID_NUMBER));
      if (!java.util.Set.of("NONE", "DIBAO", "TEKUN").contains(status)) {
        throw new IllegalStateException("mzjz answered an unknown assistance status: " + status);
      }
      ex.setVariable(ASSISTANCE_STATUS, status);
    }
  }

  /** Task_CancelHousehold: 户口注销 (公安; 户口登记条例 art. 8). */
  @Component("cancelHouseholdDelegate")
  static class CancelHousehold extends OutcomeStep {
    private final HouseholdRegistryClient police;

    CancelHousehold(HouseholdRegistryClient police) {
      super(HOUSEHOLD_RESULT, "未办理：");
      this.police = police;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String number = police.cancelHousehold(key, string(ex, DECEASED_ID_NUMBER), dateOfDeath(ex),
          string(ex, DEATH_PROOF_NUMBER));
      result(ex, "已注销（注销编号 " + number + "）");
    }

  }

  /** Task_SettlePension: pension stopped, 丧葬补助金 and 抚恤金 paid, the individual account settled (人社). */
  @Component("settlePensionDelegate")
  static class SettlePension extends OutcomeStep {
    private final PensionClient pensions;

    SettlePension(PensionClient pensions) {
      super(PENSION_RESULT, "无需办理：");
      this.pensions = pensions;
    }

    @Override
    protected void call(StepCall ex, String key) {
      LocalDate died = dateOfDeath(ex);
      var s = pensions.settleAfterDeath(key, string(ex, DECEASED_ID_NUMBER), died, monthAfter(died),
          string(ex, APPLICANT_ID_NUMBER));
      result(ex, "养老金自 " + monthAfter(died) + " 起停发；丧葬补助金 " + yuan(s.funeralGrant())
          + "，抚恤金 " + yuan(s.survivorBenefit()) + "，个人账户余额 " + yuan(s.accountBalance())
          + " 发放给申请人（结算编号 " + s.settlementNumber() + "）");
    }

  }

  /** Task_StopMedicalInsurance: coverage ends, the individual account is paid out (医保). */
  @Component("stopMedicalInsuranceDelegate")
  static class StopMedicalInsurance extends OutcomeStep {
    private final MedicalInsuranceClient insurance;

    StopMedicalInsurance(MedicalInsuranceClient insurance) {
      super(MEDICAL_INSURANCE_RESULT, "无需办理：");
      this.insurance = insurance;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var stop = insurance.stopCoverage(key, string(ex, DECEASED_ID_NUMBER), dateOfDeath(ex),
          string(ex, APPLICANT_ID_NUMBER));
      result(ex, "医保关系于 " + stop.coverageEnd() + " 终止，个人账户余额 "
          + yuan(stop.accountBalance()) + " 发放给申请人（编号 " + stop.stopNumber() + "）");
    }

  }

  /** Task_StopAllowances: 低保, 特困供养 and 高龄津贴 stop from the month after the death (民政). */
  @Component("stopAllowancesDelegate")
  static class StopAllowances extends OutcomeStep {
    private final SocialAssistanceClient assistance;

    StopAllowances(SocialAssistanceClient assistance) {
      super(ALLOWANCE_RESULT, "无需办理：");
      this.assistance = assistance;
    }

    @Override
    protected void call(StepCall ex, String key) {
      LocalDate from = monthAfter(dateOfDeath(ex));
      var stop = assistance.stopAllowances(key, string(ex, DECEASED_ID_NUMBER), from);
      result(ex, stop.stopped() + "自 " + from + " 起停发（编号 " + stop.stopNumber() + "）");
    }

  }

  /** Task_CancelDisabilityCard: the 残疾人证 and its two subsidies end from the month after the death (残联). */
  @Component("cancelDisabilityCardDelegate")
  static class CancelDisabilityCard extends OutcomeStep {
    private final DisabledPersonsClient disability;

    CancelDisabilityCard(DisabledPersonsClient disability) {
      super(DISABILITY_RESULT, "无需办理：");
      this.disability = disability;
    }

    @Override
    protected void call(StepCall ex, String key) {
      LocalDate from = monthAfter(dateOfDeath(ex));
      String number = disability.cancelDisabilityCard(key, string(ex, DECEASED_ID_NUMBER), from);
      result(ex, "残疾人证已注销，困难残疾人生活补贴和重度残疾人护理补贴自 " + from
          + " 起停发（注销编号 " + number + "）");
    }

  }

  /** Task_WithdrawHousingFund: the heir withdraws the housing fund (公积金; decided within 3 days). */
  @Component("withdrawHousingFundDelegate")
  static class WithdrawHousingFund extends OutcomeStep {
    private final HousingFundClient fund;

    WithdrawHousingFund(HousingFundClient fund) {
      super(HOUSING_FUND_RESULT, "无需办理：");
      this.fund = fund;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var w = fund.withdrawForHeir(key, string(ex, DECEASED_ID_NUMBER), string(ex, APPLICANT_ID_NUMBER));
      result(ex, "准予提取，" + yuan(w.amount()) + " 转入申请人账户（编号 " + w.withdrawalNumber() + "）");
    }

  }
}
