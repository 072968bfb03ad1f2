package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseIntake;
import cn.jiaxing.yijianshi.engine.ApplicantChecks;
import cn.jiaxing.yijianshi.engine.Decisions;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${marriageApplicationListener}} on the start event: checks the application the way the
 * registry must (婚姻登记条例, 民法典 1046–1049), then opens the case. Any problem rejects the start
 * with every problem listed; nothing is left behind.
 */
@Component("marriageApplicationListener")
class MarriageApplicationListener implements ExecutionListener {

  static final String MARRIAGEABLE_AGE = "Decision_MarriageableAge";
  private static final Set<String> DIRECTIONS = Set.of("BRIDE_TO_GROOM", "GROOM_TO_BRIDE");

  private final CaseIntake intake;
  private final MarriageBirthRules rules;
  private final Clock clock;

  MarriageApplicationListener(CaseIntake intake, MarriageBirthRules rules, Clock clock) {
    this.intake = intake;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * {@code ${marriageApprovedListener}} on the registrar's approval: the marriage is registered as of
   * that day (民法典 art. 1049), not the day of the application. Ages only grow, so the legal-age
   * check made at the application still holds.
   */
  @Component("marriageApprovedListener")
  static class MarriageApprovedListener implements ExecutionListener {
    private final Clock clock;

    MarriageApprovedListener(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
      execution.setVariable(REGISTRATION_DATE, LocalDate.now(clock).toString());
    }
  }

  /** The legal age is a policy rule: the DMN table {@value #MARRIAGEABLE_AGE} beside the process. */
  private static void legalAge(InputChecks checks, DelegateExecution execution, ResidentIdNumber person, String party,
      String sex, LocalDate today) {
    var rule = Decisions.single(execution, MARRIAGEABLE_AGE, Map.of("sex", person.isMale() ? "M" : "F"));
    int minimum = ((Number) rule.getEntry("minimumAge")).intValue();
    checks.require(person.ageOn(today) >= minimum, party + "未达法定婚龄：登记日（" + today + "）年满"
        + person.ageOn(today) + "周岁，" + sex + "不得早于" + minimum + "周岁（" + rule.getEntry("legalBasis") + "）");
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock);
    InputChecks checks = new InputChecks(execution);
    String groomName = ApplicantChecks.name(checks, GROOM_NAME, "男方姓名");
    ResidentIdNumber groom = ApplicantChecks.idNumber(checks, execution, GROOM_ID_NUMBER, "男方身份证号码", today);
    String brideName = ApplicantChecks.name(checks, BRIDE_NAME, "女方姓名");
    ResidentIdNumber bride = ApplicantChecks.idNumber(checks, execution, BRIDE_ID_NUMBER, "女方身份证号码", today);
    if (groom != null && bride != null) {
      checks.require(!groom.equals(bride), "男女双方身份证号码相同，请核对");
    }
    if (groom != null) {
      checks.require(groom.isMale(), "男方身份证号码显示性别为女，结婚登记双方须为一男一女");
      legalAge(checks, execution, groom, "男方", "男", today);
    }
    if (bride != null) {
      checks.require(!bride.isMale(), "女方身份证号码显示性别为男，结婚登记双方须为一男一女");
      legalAge(checks, execution, bride, "女方", "女", today);
    }
    checks.require(checks.isTrue(DECLARATION_SIGNED), "双方须签署《申请结婚登记声明书》（本人无配偶、与对方无禁止结婚的亲属关系）");
    checks.require(checks.isTrue(BOTH_PRESENT), "结婚登记须男女双方本人共同到场（民法典第一千零四十九条）");
    boolean move = checks.isTrue(HOUSEHOLD_MOVE_REQUESTED);
    if (move) {
      checks.require(checks.isOneOf(HOUSEHOLD_MOVE_DIRECTION, DIRECTIONS), "申请夫妻投靠户口迁移时须选择迁移方向");
    }
    String email = ApplicantChecks.email(checks, APPLICANT_EMAIL);
    ApplicantChecks.phone(checks, APPLICANT_PHONE);
    checks.throwIfAny("结婚登记申请未受理");

    execution.setVariable(HOUSEHOLD_MOVE_REQUESTED, move);
    execution.setVariable(BIRTH_PLANNING_REQUESTED, checks.isTrue(BIRTH_PLANNING_REQUESTED));
    intake.open(execution, MarriageBirthCases.MARRIAGE_HOUSEHOLD, CaseIntake.applicants(groomName, brideName),
        groom.value(), email,
        List.of(groom.value(), bride.value()));
  }
}
