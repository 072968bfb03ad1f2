package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseIntake;
import cn.jiaxing.yijianshi.engine.ApplicantChecks;
import cn.jiaxing.yijianshi.engine.Decisions;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${afterDeathApplicationListener}} on the start event: checks the application (who died, when,
 * how, who applies), then opens the case. The deceased may have only one open case: a second application
 * for the same person is refused with the first case's number. Property matters are accepted only for an
 * applicant the law lets handle them (Decision_PropertyMatterEligibility). Any problem rejects the start
 * with every problem listed; nothing is left behind.
 */
@Component("afterDeathApplicationListener")
class AfterDeathApplicationListener implements ExecutionListener {

  static final Map<String, String> DEATH_KINDS = cn.jiaxing.yijianshi.engine.InputChecks.options("HOSPITAL", "医疗机构内死亡", "HOME", "家中正常死亡",
      "NON_NATURAL", "非正常死亡");
  static final Map<String, String> RELATIONSHIPS = cn.jiaxing.yijianshi.engine.InputChecks.options("SPOUSE", "配偶", "PARENT", "父母", "CHILD", "子女",
      "SIBLING", "兄弟姐妹", "OTHER_RELATIVE", "其他近亲属", "AGENT", "受委托的医疗机构或殡仪服务机构");

  private final CaseIntake intake;
  private final AfterDeathRules rules;
  private final Clock clock;

  AfterDeathApplicationListener(CaseIntake intake, AfterDeathRules rules, Clock clock) {
    this.intake = intake;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock);
    InputChecks checks = new InputChecks(execution);
    String deceasedName = ApplicantChecks.name(checks, DECEASED_NAME, "逝者姓名");
    ResidentIdNumber deceased = ApplicantChecks.idNumber(checks, execution, DECEASED_ID_NUMBER, "逝者身份证号码", today);
    LocalDate died = checks.date(DATE_OF_DEATH, "死亡日期");
    if (died != null) {
      checks.require(!died.isAfter(today), "死亡日期（" + died + "）不能晚于今天");
      checks.require(!died.isBefore(today.minus(rules.applicationWindow())), "死亡日期（" + died + "）距今已超过"
          + rules.applicationWindow().toTotalMonths() + "个月，身后一件事联办不再受理，请到各部门分别办理");
      checks.require(deceased == null || !died.isBefore(deceased.birthDate()), "死亡日期早于逝者出生日期，请核对");
    }
    String kind = checks.choice(DEATH_KIND, "死亡类型", DEATH_KINDS);
    String proof = checks.optionalText(DEATH_PROOF_NUMBER, "死亡医学证明编号");
    if (kind != null && !"NON_NATURAL".equals(kind)) {
      checks.require(proof != null, "请填写医疗机构出具的《死亡医学证明（推断）书》编号");
    }
    checks.require(proof == null || proof.matches("[A-Za-z0-9-]{4,32}"), "死亡医学证明编号只能是4至32位字母、数字或连字符");
    String place = checks.optionalText(PLACE_OF_DEATH, "死亡地点");
    checks.require(place == null || place.length() <= 100, "死亡地点不能超过100个字");
    String applicantName = ApplicantChecks.name(checks, APPLICANT_NAME, "申请人姓名");
    ResidentIdNumber applicant = ApplicantChecks.idNumber(checks, execution, APPLICANT_ID_NUMBER, "申请人身份证号码", today);
    if (applicant != null && deceased != null) {
      checks.require(!applicant.equals(deceased), "申请人与逝者身份证号码相同，请核对");
    }
    if (applicant != null) {
      checks.require(applicant.ageOn(today) >= 18, "申请人须年满十八周岁");
    }
    String relationship = checks.choice(RELATIONSHIP, "申请人与逝者关系", RELATIONSHIPS);
    propertyMatters(execution, checks, relationship);
    checks.require(checks.isTrue(DECLARATION_SIGNED), "申请人须签署《身后一件事联办承诺书》（所填信息真实，已取得其他继承人同意）");
    String email = ApplicantChecks.email(checks, APPLICANT_EMAIL);
    ApplicantChecks.phone(checks, APPLICANT_PHONE);
    checks.throwIfAny("身后一件事申请未受理");

    execution.setVariable(DEATH_PROOF_NUMBER, proof);
    intake.open(execution, AfterDeathCases.AFTER_DEATH, applicantName, applicant.value(), email,
        List.of(deceased.value()));
  }

  /**
   * The property matters chosen, each allowed for this applicant by Decision_PropertyMatterEligibility
   * (who may query a deceased's deposits is the law's: spouse, parents, children with relationship proof);
   * the banks named when deposits are among them. Stored as comma-separated codes.
   */
  private void propertyMatters(DelegateExecution execution, InputChecks checks, String relationship) {
    List<String> matters = checks.selections(PROPERTY_MATTERS, "涉财事项", AfterDeathPropertyMatters.MATTERS.keySet(), 0);
    List<String> banks = List.of();
    String proof = null;
    if (!matters.isEmpty()) {
      proof = checks.choice(RELATIONSHIP_PROOF, "亲属关系证明", AfterDeathPropertyMatters.RELATIONSHIP_PROOFS);
      for (String matter : relationship == null || proof == null ? List.<String>of() : matters) {
        var rule = Decisions.single(execution, "Decision_PropertyMatterEligibility",
            Map.of("matter", matter, "relationship", relationship, "relationshipProof", proof));
        checks.require(Boolean.TRUE.equals(rule.get("allowed")),
            AfterDeathPropertyMatters.MATTERS.get(matter) + "不予受理：" + rule.get("reason"));
      }
    }
    if (matters.contains("DEPOSITS")) {
      banks = checks.selections(BANKS, "存款银行", AfterDeathPropertyMatters.BANK_NAMES.keySet(), 1);
      checks.require(banks.size() <= rules.maxBanks(), "一次申请最多查询" + rules.maxBanks() + "家银行");
    }
    execution.setVariable(PROPERTY_MATTERS, String.join(",", matters));
    execution.setVariable(BANKS, String.join(",", banks));
    execution.setVariable(SMALL_SUM_WITHDRAWAL, matters.contains("DEPOSITS") && checks.isTrue(SMALL_SUM_WITHDRAWAL));
    execution.setVariable(RELATIONSHIP_PROOF, proof);
  }
}
