package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseIntake;
import cn.jiaxing.yijianshi.engine.ApplicantChecks;
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
 * {@code ${childProtectionReportListener}} on the start event: a mandatory report (强制报告, 未成年人保护法 art. 11)
 * is accepted at once — what was seen, where the child is; the child's identity as far as the reporter knows
 * it (an ID number, when given, must be a child's valid one). Every report opens its own case: a second report
 * on the same child is a new report, never refused. The reporter may be anonymous (the public, the hotline);
 * institutions (school, hospital, 儿童主任) give their name and a phone.
 */
@Component("childProtectionReportListener")
class ChildProtectionReportListener implements ExecutionListener {

  static final Map<String, String> REPORTER_KINDS = cn.jiaxing.yijianshi.engine.InputChecks.options("SCHOOL", "学校、幼儿园",
      "HOSPITAL", "医疗机构", "CHILD_DIRECTOR", "村（居）儿童主任", "HOTLINE", "热线（12345、12355）", "PUBLIC", "其他个人");

  private final CaseIntake intake;
  private final Clock clock;

  ChildProtectionReportListener(CaseIntake intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock);
    InputChecks checks = new InputChecks(execution);
    String kind = checks.choice(REPORTER_KIND, "报告人类别", REPORTER_KINDS);
    String reporter = checks.optionalText(REPORTER_NAME, "报告人（单位）名称");
    String phone = checks.optionalText(REPORTER_PHONE, "报告人联系电话");
    boolean institution = kind != null && !List.of("HOTLINE", "PUBLIC").contains(kind);
    if (institution) {
      checks.require(reporter != null, "学校、医疗机构和儿童主任报告的，请填写报告单位和报告人");
      checks.require(phone != null, "学校、医疗机构和儿童主任报告的，请填写联系电话，以便公安机关核实");
    }
    checks.require(reporter == null || reporter.length() <= 60, "报告人（单位）名称不能超过60个字");
    checks.require(phone == null || phone.matches("[0-9-]{7,20}"), "报告人联系电话只能是7至20位数字或连字符");
    String email = ApplicantChecks.email(checks, REPORTER_EMAIL);
    String observed = checks.text(OBSERVED, "发现的情况", 2000);
    String location = checks.text(CHILD_LOCATION, "儿童现在所在地点", 200);
    String name = checks.optionalText(CHILD_NAME, "儿童姓名", 40);
    String raw = checks.optionalText(CHILD_ID_NUMBER, "儿童身份证号码");
    ResidentIdNumber id = raw == null ? null : checks.parse(() -> ResidentIdNumber.parse(raw, "儿童身份证号码", today));
    if (id != null) {
      checks.require(id.ageOn(today) < 18, "身份证号码显示已满十八周岁，不属于未成年人保护报告");
    }
    Integer age = checks.count(CHILD_AGE, "儿童年龄（周岁，估计）", 0, 17);
    checks.throwIfAny("强制报告未能登记");

    execution.setVariable(CHILD_AGE, id != null ? id.ageOn(today) : age);
    execution.setVariable(CHILD_ID_NUMBER, id == null ? null : id.value());
    execution.setVariable(ANONYMOUS_TO_FAMILY, checks.isTrue(ANONYMOUS_TO_FAMILY));
    // every report is its own case (never refused as a duplicate); the reporter is the case's applicant
    intake.open(execution, ChildProtectionCases.CHILD_PROTECTION, reporter == null ? "匿名报告人" : reporter, null,
        email, List.of(execution.getProcessInstanceId()));
  }
}
