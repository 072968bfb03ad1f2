package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseIntake;
import cn.jiaxing.yijianshi.engine.ApplicantChecks;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${socialAssistanceApplicationListener}} on the start event: checks the 社会救助申请表 (who applies,
 * the household, its needs, how it came to the window), then opens the case. A household has one open case:
 * a second application naming the same applicant is refused with the first case's number. The
 * authorization for the economic check may come later (the case then waits for it); the 承诺 may not.
 */
@Component("socialAssistanceApplicationListener")
class SocialAssistanceApplicationListener implements ExecutionListener {

  static final Map<String, String> CHANNELS = cn.jiaxing.yijianshi.engine.InputChecks.options("WINDOW", "本人（家庭）到窗口申请",
      "GRID_WORKER", "网格员主动发现，代为申请");

  private final CaseIntake intake;
  private final SocialAssistanceRules rules;
  private final Clock clock;

  SocialAssistanceApplicationListener(CaseIntake intake, SocialAssistanceRules rules, Clock clock) {
    this.intake = intake;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock);
    InputChecks checks = new InputChecks(execution);
    String name = ApplicantChecks.name(checks, APPLICANT_NAME, "申请人姓名");
    ResidentIdNumber applicant = ApplicantChecks.idNumber(checks, execution, APPLICANT_ID_NUMBER, "申请人身份证号码", today);
    if (applicant != null) {
      checks.require(applicant.ageOn(today) >= 16, "申请人须年满十六周岁；未成年人由其监护人申请");
    }
    String channel = checks.choice(CHANNEL, "申请方式", CHANNELS);
    String gridWorker = checks.optionalText(GRID_WORKER_NAME, "网格员姓名");
    if ("GRID_WORKER".equals(channel)) {
      checks.require(gridWorker != null, "网格员主动发现的，请填写网格员姓名");
    }
    checks.require(gridWorker == null || gridWorker.length() <= 20, "网格员姓名不能超过20个字");
    String address = checks.text(RESIDENCE_ADDRESS, "居住地址", 100);
    List<String> members = members(execution, checks, applicant, today);
    int size = 1 + members.size();
    String reason = checks.text(APPLICATION_REASON, "申请理由", 500);
    boolean illness = checks.isTrue(SERIOUS_ILLNESS);
    Integer disabled = checks.count(DISABLED_MEMBERS, "持证残疾人数", 0, size);
    Integer pupils = checks.count(SCHOOL_CHILDREN, "在学子女人数", 0, size);
    Integer unemployed = checks.count(UNEMPLOYED_MEMBERS, "有劳动能力但未就业人数", 0, size);
    boolean urgent = checks.isTrue(URGENT);
    String situation = checks.optionalText(URGENT_SITUATION, "急难情形");
    if (urgent) {
      checks.require(situation != null, "急难情形请说明遭遇的困难（如突发重病、火灾），以便先行救助");
    }
    checks.require(situation == null || situation.length() <= 500, "急难情形不能超过500个字");
    checks.require(checks.isTrue(DECLARATION_SIGNED), "申请人须签署承诺书（所填家庭成员、收入和财产情况真实完整）");
    String email = ApplicantChecks.email(checks, APPLICANT_EMAIL);
    ApplicantChecks.phone(checks, APPLICANT_PHONE);
    checks.throwIfAny("社会救助申请未受理");

    execution.setVariable(MEMBER_IDS, String.join("\n", members));
    execution.setVariable(HOUSEHOLD_SIZE, size);
    execution.setVariable(SERIOUS_ILLNESS, illness);
    execution.setVariable(DISABLED_MEMBERS, disabled);
    execution.setVariable(SCHOOL_CHILDREN, pupils);
    execution.setVariable(UNEMPLOYED_MEMBERS, unemployed);
    execution.setVariable(HOUSING_DIFFICULTY, checks.isTrue(HOUSING_DIFFICULTY));
    execution.setVariable(DISASTER_AFFECTED, checks.isTrue(DISASTER_AFFECTED));
    execution.setVariable(URGENT, urgent);
    execution.setVariable(URGENT_SITUATION, urgent ? situation : null);
    execution.setVariable(GRID_WORKER_NAME, "GRID_WORKER".equals(channel) ? gridWorker : null);
    boolean signed = checks.isTrue(AUTHORIZATION_SIGNED);
    execution.setVariable(AUTHORIZATION_SIGNED, signed);
    String caseNumber = intake.open(execution, SocialAssistanceCases.SOCIAL_ASSISTANCE, name, applicant.value(), email,
        List.of(applicant.value()));
    if (signed) {
      execution.setVariable(AUTHORIZATION_NUMBER, SocialAssistanceDecisions.authorizationNumber(caseNumber));
    }
  }

  /** The other members' ID numbers (one per line, or separated by commas): valid, distinct, not the applicant. */
  private List<String> members(DelegateExecution execution, InputChecks checks, ResidentIdNumber applicant,
      LocalDate today) {
    String text = checks.optionalText(MEMBER_IDS, "其他家庭成员身份证号码");
    if (text == null) {
      return List.of();
    }
    if (text.length() > 1000) {
      checks.require(false, "其他家庭成员身份证号码过长：每行一个身份证号码，最多" + (rules.maxMembers() - 1) + "人");
      return List.of();
    }
    Set<String> members = new LinkedHashSet<>();
    List<String> wrong = new ArrayList<>();
    for (String line : text.split("[\\r\\n,，;；\\s]+")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        ResidentIdNumber id = ResidentIdNumber.parse(line.strip(), "家庭成员身份证号码", today);
        if (applicant == null || !id.equals(applicant)) {
          members.add(id.value());
        }
      } catch (IllegalArgumentException e) {
        wrong.add(ResidentIdNumber.maskAll(line.length() > 20 ? line.substring(0, 20) + "…" : line));
      }
    }
    checks.require(wrong.isEmpty(), "其他家庭成员身份证号码有误：" + String.join("、", wrong.stream().limit(5).toList()));
    checks.require(members.size() <= rules.maxMembers() - 1, "一次申请最多" + rules.maxMembers() + "名家庭成员");
    return new ArrayList<>(members);
  }
}
