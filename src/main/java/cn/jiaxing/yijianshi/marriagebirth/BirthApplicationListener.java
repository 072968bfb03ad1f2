package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.BirthVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseIntake;
import cn.jiaxing.yijianshi.engine.ApplicantChecks;
import cn.jiaxing.yijianshi.engine.InputChecks;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${birthApplicationListener}} on the start event: checks the 出生一件事 application
 * (浙江省出生"一件事"办理登记表), then opens the case.
 */
@Component("birthApplicationListener")
class BirthApplicationListener implements ExecutionListener {

  private final CaseIntake intake;
  private final MarriageBirthRules rules;
  private final Clock clock;

  BirthApplicationListener(CaseIntake intake, MarriageBirthRules rules, Clock clock) {
    this.intake = intake;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock);
    InputChecks checks = new InputChecks(execution);
    String childName = ApplicantChecks.name(checks, CHILD_NAME, "新生儿姓名");
    checks.require(checks.isOneOf(CHILD_SEX, Set.of("M", "F")), "请选择新生儿性别");
    LocalDate birthDate = birthDate(checks, today);
    checks.text(BIRTH_HOSPITAL, "出生医院");
    String motherName = ApplicantChecks.name(checks, MOTHER_NAME, "母亲姓名");
    ResidentIdNumber mother = ApplicantChecks.idNumber(checks, execution, MOTHER_ID_NUMBER, "母亲身份证号码", today);
    ApplicantChecks.name(checks, FATHER_NAME, "父亲姓名");
    ResidentIdNumber father = ApplicantChecks.idNumber(checks, execution, FATHER_ID_NUMBER, "父亲身份证号码", today);
    if (mother != null) {
      checks.require(!mother.isMale(), "母亲身份证号码显示性别为男，请核对");
    }
    if (father != null) {
      checks.require(father.isMale(), "父亲身份证号码显示性别为女，请核对");
    }
    checks.require(checks.isOneOf(HOUSEHOLD_PARENT, Set.of("FATHER", "MOTHER")), "请选择随父或随母落户");
    checks.require(checks.isTrue(DECLARATION_SIGNED), "申请人须签署《浙江省出生“一件事”办理登记表》并确认信息真实");
    String email = ApplicantChecks.email(checks, APPLICANT_EMAIL);
    ApplicantChecks.phone(checks, APPLICANT_PHONE);
    checks.throwIfAny("出生一件事申请未受理");

    execution.setVariable(CHILD_BIRTH_DATE, birthDate.toString());
    intake.open(execution, MarriageBirthCases.BIRTH_HOUSEHOLD, motherName, mother.value(), email,
        List.of(mother.value(), birthDate.toString(), childName));
  }

  private LocalDate birthDate(InputChecks checks, LocalDate today) {
    String raw = checks.text(CHILD_BIRTH_DATE, "出生日期");
    if (raw == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
    } catch (DateTimeParseException e) {
      checks.require(false, "出生日期格式不正确，应为 年-月-日");
      return null;
    }
    checks.require(!date.isAfter(today), "出生日期不能晚于今天（" + today + "）");
    checks.require(!date.plus(rules.birthApplicationWindow()).isBefore(today),
        "新生儿出生已超过" + describe(rules) + "，超出出生一件事联办时限（户口登记条例第七条：出生后一个月内申报），"
            + "请到户籍窗口按规定单独办理");
    return date;
  }

  private static String describe(MarriageBirthRules rules) {
    var p = rules.birthApplicationWindow();
    return p.getMonths() > 0 && p.getDays() == 0 ? p.getMonths() + "个月" : p.toTotalMonths() * 30 + p.getDays() + "天";
  }
}
