package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import cn.jiaxing.yijianshi.sla.SlaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** 未成年人保护 on the real engine: every path, the court mocked, time moved by the engine clock. */
@ExtendWith(OutputCaptureExtension.class)
class ChildProtectionProcessTests extends ProcessTestSupport {

  @Autowired SlaRecords records;
  @Autowired cn.jiaxing.yijianshi.sla.SlaEscalation escalation;

  private String child;
  private final String childName = "小明" + Long.toString(System.nanoTime() % 100000, 36);

  @BeforeEach
  void theCourtAnswers() {
    child = TestPeople.man(9);
    when(court.applyForProtectionOrder(anyString(), anyString(), anyBoolean())).thenReturn("BHL3304-1");
    when(court.fileGuardianshipSuit(anyString(), anyString(), anyString())).thenReturn("(2026)浙04民特1号");
  }

  /** Cases left waiting for a visit are withdrawn, so their time limits end with them. */
  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "测试结束"));
    ClockUtil.reset();
  }

  private Map<String, Object> report() {
    Map<String, Object> v = new HashMap<>();
    v.put(REPORTER_KIND, "SCHOOL");
    v.put(REPORTER_NAME, "南湖区某小学 李老师");
    v.put(REPORTER_PHONE, "0573-82000000");
    v.put(REPORTER_EMAIL, "teacher@example.cn");
    v.put(ANONYMOUS_TO_FAMILY, true);
    v.put(OBSERVED, "学生手臂多处淤青，自述被父亲殴打");
    v.put(CHILD_LOCATION, "南湖区某小学");
    v.put(CHILD_NAME, childName);
    v.put(CHILD_ID_NUMBER, child);
    v.put(CHILD_AGE, 9L);
    return v;
  }

  private ProcessInstance reported() {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, report());
  }

  private void accept(ProcessInstance pi, String danger) {
    complete(pi, "Task_AcceptReport", Map.of(POLICE_CASE_NUMBER, "A3304020000001", DANGER, danger,
        ACCEPTANCE_NOTE, "已受案，民警已联系学校"));
  }

  private void assess(ProcessInstance pi, String help, String guardianship) {
    complete(pi, "Task_AssessChild", Map.of(RISK_LEVEL, "HIGH", ASSESSMENT, "存在家庭暴力，风险高", HELP_PLAN, "心理疏导、学业跟踪",
        HELP_DEPARTMENTS, help, GUARDIANSHIP, guardianship));
  }

  private void visit(ProcessInstance pi, boolean proposeClosure) {
    moveClock(Duration.ofDays(32));
    List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list();
    assertThat(due).as("a visit is due after a month (high risk)").hasSize(1);
    management.executeJob(due.get(0).getId());
    Map<String, Object> v = new HashMap<>(Map.of(VISIT_DATE, java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
        java.time.ZoneId.of("Asia/Shanghai")).toString(), VISIT_NOTE, "儿童情绪稳定，学业正常"));
    if (proposeClosure) {
      v.put(PROPOSE_CLOSURE, true);
    }
    complete(pi, "Task_RecordVisit", v);
  }

  @Test
  void aChildInDangerIsProtectedAssessedHelpedAndMonitoredUntilASupervisorApprovesClosure(CapturedOutput output) {
    ProcessInstance pi = reported();
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(pi.getBusinessKey()).startsWith("JXWB");
    assertThat(caseOf(pi).applicantName()).isEqualTo("南湖区某小学 李老师");
    var accept = task(pi, "Task_AcceptReport");
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), accept.getDueDate().toInstant()))
        .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    accept(pi, "DANGER");
    complete(pi, "Task_RespondOnSite", Map.of(PLACEMENT, "PROTECTION_CENTRE", ON_SITE_NOTE, "民警到校，送救助保护中心",
        PROTECTION_ORDER, "REQUEST_URGENT"));
    runStep(pi, "Task_ApplyForProtectionOrder");
    verify(court).applyForProtectionOrder(anyString(), eq("A3304020000001"), eq(true));
    // the court decides within 24 hours (urgent): the message ends the wait
    runtime.createMessageCorrelation(PROTECTION_ORDER_MESSAGE).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(PROTECTION_ORDER_GRANTED, true).setVariable(PROTECTION_ORDER_NUMBER, "(2026)浙0402民保令1号").correlate();
    assess(pi, "[\"EDUCATION\",\"COUNSELLING\"]", "FIT");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list()).extracting(t -> t.getTaskDefinitionKey())
        .containsExactlyInAnyOrder("Task_ProvideEducationSupport", "Task_ProvideCounselling");
    complete(pi, "Task_ProvideCounselling", Map.of(HELP_PROVIDED, "每周一次心理疏导"));
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKey(HELP_PROVIDED);
    complete(pi, "Task_ProvideEducationSupport", Map.of(HELP_PROVIDED, "班主任每日关注"));

    visit(pi, false);
    visit(pi, true);
    assertThatThrownBy(() -> complete(pi, "Task_ApproveClosure", Map.of(CLOSURE_DECISION, "CONTINUE")))
        .hasMessageContaining("继续监测的理由不能为空");
    complete(pi, "Task_ApproveClosure", Map.of(CLOSURE_DECISION, "CONTINUE", CLOSURE_NOTE, "再观察一个月"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
    visit(pi, true);
    complete(pi, "Task_ApproveClosure", Map.of(CLOSURE_DECISION, "APPROVE"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);

    // the reporter is told the case was handled, nothing about the child; nothing identifies the child in logs
    String mails = String.join("\n", outboxBodies(pi.getBusinessKey(), null));
    assertThat(mails).contains("强制报告").doesNotContain(childName, child, "淤青", "殴打");
    assertThat(output.getAll()).doesNotContain(childName).doesNotContain(child).doesNotContain("淤青");
  }

  @Test
  void aLateFirstResponseIsEscalatedByTheModelTheMomentItIsLateAndOnlyOnce() {
    ProcessInstance pi = reported();
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId("Boundary_FirstResponseOverdue").singleResult();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    moveClock(Duration.ofMinutes(61));
    management.executeJob(timer.getId());
    // still the police's task (the timer does not interrupt), and the supervisors were told at once
    task(pi, "Task_AcceptReport");
    var record = records.forInstance(pi.getId()).stream().filter(r -> r.stepId().equals("Task_AcceptReport")).findFirst().orElseThrow();
    assertThat(record.escalatedAt()).isNotNull();
    assertThat(mailKinds(pi)).filteredOn("SLA_OVERDUE"::equals).hasSize(1);
    // the minute scanner finds it escalated already
    escalation.scan();
    assertThat(mailKinds(pi)).filteredOn("SLA_OVERDUE"::equals).hasSize(1);
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), "SLA_OVERDUE"))).contains("受案登记并研判危险")
        .doesNotContain(childName);
    accept(pi, "NO_DANGER");
    task(pi, "Task_AssessChild");
  }

  @Test
  void aProtectionOrderTheCourtDecidesLateIsEscalatedAndStillAwaited() {
    ProcessInstance pi = reported();
    accept(pi, "DANGER");
    complete(pi, "Task_RespondOnSite", Map.of(PLACEMENT, "RELATIVE", ON_SITE_NOTE, "交由祖父母照料", PROTECTION_ORDER, "REQUEST"));
    runStep(pi, "Task_ApplyForProtectionOrder");
    verify(court).applyForProtectionOrder(anyString(), anyString(), eq(false));
    Job late = management.createJobQuery().processInstanceId(pi.getId()).activityId("Boundary_ProtectionOrderOverdue").singleResult();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), late.getDuedate().toInstant()))
        .isBetween(Duration.ofHours(72).minusMinutes(1), Duration.ofHours(72).plusMinutes(1));
    moveClock(Duration.ofHours(73));
    management.executeJob(late.getId());
    assertThat(mailKinds(pi)).contains("SLA_OVERDUE");
    assertThat(records.forInstance(pi.getId()).stream().filter(r -> r.stepId().equals("Task_AwaitProtectionOrder")))
        .singleElement().satisfies(r -> assertThat(r.escalatedAt()).isNotNull());
    // a message without the decision is refused; the case keeps waiting
    assertThatThrownBy(() -> runtime.createMessageCorrelation(PROTECTION_ORDER_MESSAGE)
        .processInstanceBusinessKey(pi.getBusinessKey()).correlate()).hasMessageContaining("是否作出人身安全保护令");
    runtime.createMessageCorrelation(PROTECTION_ORDER_MESSAGE).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(PROTECTION_ORDER_GRANTED, false).setVariable(PROTECTION_ORDER_NUMBER, "(2026)浙0402民保令2号").correlate();
    task(pi, "Task_AssessChild");
  }

  @Test
  void anUnfitGuardianIsRemovedOnTheProcuratoratesAdviceAndTheCourtsJudgment() {
    ProcessInstance pi = reported();
    accept(pi, "NO_DANGER");
    assess(pi, "", "TEMPORARY_CARE");
    complete(pi, "Task_ArrangeTemporaryGuardianship", Map.of(TEMPORARY_CARE_PLACE, "市未成年人救助保护中心"));
    complete(pi, "Task_ReviewGuardian", Map.of(GUARDIAN_REVIEW, "UNFIT", GUARDIAN_REVIEW_NOTE, "父亲拒不改正，母亲下落不明"));
    complete(pi, "Task_IssueProcuratorialAdvice", Map.of(ADVICE_NUMBER, "嘉检未建〔2026〕3号", ADVICE, "建议申请撤销监护人资格"));
    runStep(pi, "Task_FileGuardianshipSuit");
    verify(court).fileGuardianshipSuit(anyString(), eq("A3304020000001"), eq("嘉检未建〔2026〕3号"));
    runtime.createMessageCorrelation(JUDGMENT_MESSAGE).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(GUARDIAN_REMOVED, true).setVariable(JUDGMENT_NUMBER, "(2026)浙04民特1号").correlate();
    complete(pi, "Task_ArrangeLongTermGuardianship", Map.of(LONG_TERM_CARE_PLACE, "由民政部门长期监护，家庭寄养"));
    // monitoring starts once every part of the intervention is done
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(1);
  }

  @Test
  void aGuardianWhoIsFitAgainOrNotRemovedTakesTheChildHomeWithAPlan() {
    ProcessInstance pi = reported();
    accept(pi, "NO_DANGER");
    assess(pi, "SUBSIDY", "TEMPORARY_CARE");
    complete(pi, "Task_ArrangeTemporaryGuardianship", Map.of(TEMPORARY_CARE_PLACE, "外祖父母家"));
    complete(pi, "Task_ReviewGuardian", Map.of(GUARDIAN_REVIEW, "WARNED", GUARDIAN_REVIEW_NOTE, "父亲接受训诫和家庭教育指导"));
    complete(pi, "Task_ReturnChildHome", Map.of(RETURN_PLAN, "每月探访，学校每日反馈"));
    complete(pi, "Task_GrantChildSubsidy", Map.of(HELP_PROVIDED, "按月发放困境儿童生活补贴"));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(1);

    ProcessInstance second = reported(); // a second report on the same child is a new case, never refused
    assertThat(second.getBusinessKey()).isNotEqualTo(pi.getBusinessKey());
    accept(second, "NO_DANGER");
    assess(second, "", "REMOVAL_NEEDED");
    complete(second, "Task_IssueProcuratorialAdvice", Map.of(ADVICE_NUMBER, "嘉检未建〔2026〕4号", ADVICE, "建议申请撤销"));
    runStep(second, "Task_FileGuardianshipSuit");
    runtime.createMessageCorrelation(JUDGMENT_MESSAGE).processInstanceBusinessKey(second.getBusinessKey())
        .setVariable(GUARDIAN_REMOVED, false).setVariable(JUDGMENT_NUMBER, "(2026)浙04民特2号").correlate();
    complete(second, "Task_ReturnChildHome", Map.of(RETURN_PLAN, "驳回后返家，加强监测"));
    assertThat(management.createJobQuery().processInstanceId(second.getId()).timers().count()).isEqualTo(1);
  }

  @Test
  void aReportIsAcceptedWithWhatTheReporterKnowsAndBadReportsAreRefusedWithEveryProblem() {
    Map<String, Object> anonymous = new HashMap<>(Map.of(REPORTER_KIND, "PUBLIC", OBSERVED, "邻居家孩子长期无人照看",
        CHILD_LOCATION, "某小区3幢", CHILD_AGE, 5L));
    ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, anonymous);
    assertThat(caseOf(pi).applicantName()).isEqualTo("匿名报告人");

    Map<String, Object> bad = report();
    bad.put(REPORTER_PHONE, null);
    bad.put(CHILD_ID_NUMBER, TestPeople.man(30));
    bad.put(CHILD_AGE, 19L);
    bad.put(OBSERVED, "x".repeat(100_000));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, bad)).isInstanceOf(RejectedInputException.class)
        .hasMessageContaining("请填写联系电话").hasMessageContaining("不属于未成年人保护报告")
        .hasMessageContaining("儿童年龄（周岁，估计）应在0至17之间").hasMessageContaining("发现的情况不能超过2000个字");
  }

  private static void moveClock(Duration by) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.plus(by)));
  }
}
