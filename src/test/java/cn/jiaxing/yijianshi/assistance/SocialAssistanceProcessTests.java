package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import cn.jiaxing.yijianshi.departments.EconomicCheckClient;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import cn.jiaxing.yijianshi.sla.SlaRecords;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
import org.springframework.beans.factory.annotation.Autowired;

/** 社会救助一件事 on the real engine: every path, the departments mocked, time moved by the engine clock. */
class SocialAssistanceProcessTests extends ProcessTestSupport {

  @Autowired SlaRecords records;

  private String applicant;
  private String child;

  @BeforeEach
  void theDepartmentsAnswer() {
    applicant = TestPeople.woman(45);
    child = TestPeople.man(12);
    when(economicCheck.query(anyString(), anyString(), anyList(), anyString())).thenAnswer(a -> facts(a.getArgument(1)));
    when(assistance.grantAssistance(anyString(), anyString(), anyString(), anyInt(), any(), any())).thenReturn("DB330420260001");
    when(assistance.stopAssistance(anyString(), anyString(), anyString(), any())).thenReturn("JZTF1");
  }

  /** Cases left running (waiting a year for their re-check) are withdrawn, so their time limits end with them. */
  @AfterEach
  void resetClock() {
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "测试结束"));
    ClockUtil.reset();
  }

  /** A poor household as the sources see it: 600 yuan of pension a month, 5,000 yuan in the bank. */
  private static EconomicCheckClient.Facts facts(String source) {
    return switch (source) {
      case "rs" -> new EconomicCheckClient.Facts("1 人领取城乡居民基本养老金，月 600 元", 600, 0, 0, 0, 0);
      case "yh" -> new EconomicCheckClient.Facts("银行存款合计 5000 元", 0, 5000, 0, 0, 0);
      case "bdc" -> new EconomicCheckClient.Facts("住房 1 套（自住）", 0, 0, 0, 1, 0);
      default -> new EconomicCheckClient.Facts("未查询到", 0, 0, 0, 0, 0);
    };
  }

  private Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put(APPLICANT_NAME, "王秀英");
    v.put(APPLICANT_ID_NUMBER, applicant);
    v.put(APPLICANT_EMAIL, "wangxiuying@example.cn");
    v.put(RESIDENCE_ADDRESS, "嘉兴市南湖区新兴街道某小区1幢101室");
    v.put(CHANNEL, "WINDOW");
    v.put(MEMBER_IDS, child);
    v.put(APPLICATION_REASON, "丈夫去世，本人无固定工作，独自抚养在学子女");
    v.put(SERIOUS_ILLNESS, false);
    v.put(DISABLED_MEMBERS, 0L);
    v.put(SCHOOL_CHILDREN, 1L);
    v.put(UNEMPLOYED_MEMBERS, 1L);
    v.put(HOUSING_DIFFICULTY, false);
    v.put(DISASTER_AFFECTED, false);
    v.put(URGENT, false);
    v.put(AUTHORIZATION_SIGNED, true);
    v.put(DECLARATION_SIGNED, true);
    return v;
  }

  private ProcessInstance start(Map<String, Object> v) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, v);
  }

  private Map<String, Object> investigation(long monthlyIncome, String opinion) {
    Map<String, Object> v = new HashMap<>();
    v.put(INVESTIGATION_DATE, TestPeople.today().toString());
    v.put(VERIFIED_SIZE, 2L);
    v.put(VERIFIED_INCOME, (double) monthlyIncome);
    v.put(VERIFIED_ASSETS, 5000.0);
    v.put(ABLE_TO_WORK, 1L);
    v.put(CAPABLE_SUPPORTER, false);
    v.put(FINDINGS, "入户核实：母子二人，住自有房一套，无车辆");
    v.put(DEMOCRATIC_REVIEW, "村（居）民代表11人参加，一致同意");
    v.put(TOWNSHIP_OPINION, opinion);
    return v;
  }

  /** Runs the check round: the body's job, then one job per source; how many sources were asked. */
  private int check(ProcessInstance pi) {
    return runSteps(pi, "Task_QueryEconomicFacts");
  }

  private void noticeOver(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId("Boundary_NoticePeriodOver").singleResult();
    assertThat(timer).as("公示 timer").isNotNull();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()))
        .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
    management.executeJob(timer.getId());
  }

  /** From the application to the county's task, on the ordinary path. */
  private ProcessInstance toCounty() {
    ProcessInstance pi = start(application());
    assertThat(check(pi)).isEqualTo(7);
    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    noticeOver(pi);
    return pi;
  }

  @Test
  void anOrdinaryHouseholdIsCheckedInvestigatedPublishedApprovedAndItsCompanionAidsAreDecidedInParallel() {
    ProcessInstance pi = start(application());
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(pi.getBusinessKey()).startsWith("JXJZ");
    assertThat(check(pi)).isEqualTo(7);
    // every source asked once with the household's IDs and the authorization, each under its own key
    for (String source : SocialAssistancePolicy.SOURCES.keySet()) {
      verify(economicCheck).query(anyString(), eq(source), eq(List.of(applicant, child)), eq("SQ" + pi.getBusinessKey()));
    }
    Map<String, Object> v = runtime.getVariables(pi.getId());
    assertThat(v.get(CHECK_REPORT).toString()).contains("人社（工资、养老金）：1 人领取城乡居民基本养老金", "银行（存款）：银行存款合计 5000 元")
        .doesNotContain(applicant);
    assertThat(v).containsEntry(CHECK_MISSING, "").containsEntry(REPORTED_INCOME, 600L).containsEntry(REPORTED_ASSETS, 5000L)
        .containsEntry(REPORTED_PROPERTIES, 1);
    assertThat(records.forInstance(pi.getId()).stream().filter(r -> r.stepId().equals("Task_QueryEconomicFacts")))
        .hasSize(7);

    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    noticeOver(pi);
    v = runtime.getVariables(pi.getId());
    assertThat(v).containsEntry(INCOME_PER_PERSON, 350L).containsEntry(PROPOSED_CATEGORY, "DIBAO");

    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "DIBAO"));
    runStep(pi, "Task_GrantAssistance");
    LocalDate firstOfNextMonth = TestPeople.today().with(TemporalAdjusters.firstDayOfNextMonth());
    // 低保 pays the gap to the standard for each member: (1210 - 350) × 2
    verify(assistance).grantAssistance(anyString(), eq(applicant), eq("DIBAO"), eq(2), eq(new BigDecimal("1720.00")),
        eq(firstOfNextMonth));
    // medical (every approved household), education (a pupil), employment (one member out of work)
    assertThat(runtime.getVariable(pi.getId(), COMPANION_AIDS)).isEqualTo("MEDICAL,EDUCATION,EMPLOYMENT");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list()).extracting(t -> t.getTaskDefinitionKey())
        .containsExactlyInAnyOrder("Task_DecideMedicalAid", "Task_DecideEducationAid", "Task_DecideEmploymentAid");

    complete(pi, "Task_DecideEducationAid", Map.of(AID_OUTCOME, "APPROVED", AID_AMOUNT, 1500.0, AID_SERVICE, "免除学杂费"));
    // the next department's form starts empty
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys(AID_OUTCOME, AID_AMOUNT, AID_SERVICE);
    complete(pi, "Task_DecideEmploymentAid", Map.of(AID_OUTCOME, "REFUSED", AID_REASON, "该成员已于上月就业"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
    complete(pi, "Task_DecideMedicalAid", Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "资助参加城乡居民医保"));

    // the case closes with every result; the household stays followed up (动态管理)
    var closed = caseOf(pi);
    assertThat(closed.status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()).isNotNull();
    assertThat(mailKinds(pi)).contains("RECEIPT", "COMPLETION").filteredOn("PROGRESS"::equals).hasSize(4);
    String completion = outboxBodies(pi.getBusinessKey(), "COMPLETION").get(0);
    assertThat(completion).contains("最低生活保障（低保）", "每月 1720.00 元", "自 " + firstOfNextMonth,
        "教育救助（教育局）", "给予救助：1500.00 元；免除学杂费", "就业救助（人社局）", "不予救助：该成员已于上月就业",
        "医疗救助（医保局）", "资助参加城乡居民医保");
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), null))).doesNotContain(applicant, child);
  }

  @Test
  void theYearlyRecheckContinuesTheAssistanceThenGivesAGradualExitWhenWorkRaisedTheIncome() {
    ProcessInstance pi = toCounty();
    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "DIBAO"));
    runStep(pi, "Task_GrantAssistance");
    complete(pi, "Task_DecideMedicalAid", Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "资助参保"));
    complete(pi, "Task_DecideEducationAid", Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "免除学杂费"));
    complete(pi, "Task_DecideEmploymentAid", Map.of(AID_OUTCOME, "APPROVED", AID_SERVICE, "推荐公益性岗位"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);

    // nothing happens before the year is over
    assertThat(dueTimers(pi)).isEmpty();
    moveClock(Duration.ofDays(366));
    assertThat(dueTimers(pi)).hasSize(1);
    dueTimers(pi).forEach(j -> management.executeJob(j.getId()));
    complete(pi, "Task_RecheckHousehold", Map.of(RECHECK_SIZE, 2L, RECHECK_INCOME, 900.0, INCOME_FROM_WORK, false));
    assertThat(runtime.getVariable(pi.getId(), RECHECK_OUTCOME)).isEqualTo("CONTINUE");

    moveClock(Duration.ofDays(370));
    dueTimers(pi).forEach(j -> management.executeJob(j.getId()));
    complete(pi, "Task_RecheckHousehold", Map.of(RECHECK_SIZE, 2L, RECHECK_INCOME, 5200.0, INCOME_FROM_WORK, true));
    assertThat(runtime.getVariable(pi.getId(), RECHECK_OUTCOME)).isEqualTo("GRADUAL_EXIT");
    // the 渐退期: six months of assistance still, then it stops
    moveClock(Duration.ofDays(150));
    assertThat(dueTimers(pi)).isEmpty();
    moveClock(Duration.ofDays(40));
    dueTimers(pi).forEach(j -> management.executeJob(j.getId()));
    runStep(pi, "Task_StopAssistance");
    verify(assistance).stopAssistance(anyString(), eq(applicant), eq("DB330420260001"), any());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()).isNull();
    assertThat(outboxBodies(pi.getBusinessKey(), "PROGRESS")).anyMatch(b -> b.contains("渐退期"))
        .anyMatch(b -> b.contains("救助金停发"));
  }

  @Test
  void anIncomeAboveTheStandardWithoutWorkStopsTheAssistanceAtTheRecheck() {
    ProcessInstance pi = toCounty();
    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "DIBAO"));
    runStep(pi, "Task_GrantAssistance");
    for (String aid : List.of("Task_DecideMedicalAid", "Task_DecideEducationAid", "Task_DecideEmploymentAid")) {
      complete(pi, aid, Map.of(AID_OUTCOME, "REFUSED", AID_REASON, "不符合条件"));
    }
    moveClock(Duration.ofDays(366));
    dueTimers(pi).forEach(j -> management.executeJob(j.getId()));
    complete(pi, "Task_RecheckHousehold", Map.of(RECHECK_SIZE, 2L, RECHECK_INCOME, 4000.0, INCOME_FROM_WORK, false));
    assertThat(runtime.getVariable(pi.getId(), RECHECK_OUTCOME)).isEqualTo("STOP");
    runStep(pi, "Task_StopAssistance");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()).isNull();
  }

  @Test
  void anUrgentCaseGetsHelpFirstWithinADayThenItsPaperwork() {
    Map<String, Object> v = application();
    v.put(URGENT, true);
    v.put(URGENT_SITUATION, "家中失火，住房和财物受损");
    ProcessInstance pi = start(v);
    // nothing is asked of the departments before the household is helped
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    var help = task(pi, "Task_GrantUrgentAssistance");
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), help.getDueDate().toInstant()))
        .isBetween(Duration.ofHours(23), Duration.ofHours(24).plusMinutes(1));
    assertThatThrownBy(() -> complete(pi, "Task_GrantUrgentAssistance", Map.of(URGENT_AMOUNT, 20000.0, URGENT_HELP, "现金")))
        .hasMessageContaining("先行救助金额应在0.01元至5000元之间");
    complete(pi, "Task_GrantUrgentAssistance", Map.of(URGENT_AMOUNT, 3000.0, URGENT_HELP, "发放临时救助金"));
    assertThat(outboxBodies(pi.getBusinessKey(), "PROGRESS")).singleElement().asString().contains("已先行救助 3000.00 元");
    complete(pi, "Task_CompleteUrgentPaperwork", Map.of(PAPERWORK_COMPLETE, true));
    assertThat(check(pi)).isEqualTo(7);
    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    noticeOver(pi);
    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "DIBAO"));
    runStep(pi, "Task_GrantAssistance");
    assertThat(runtime.getVariable(pi.getId(), COMPANION_AIDS).toString()).contains("TEMPORARY");
  }

  @Test
  void withoutTheAuthorizationNothingIsQueriedUntilItIsSigned() {
    Map<String, Object> v = application();
    v.put(AUTHORIZATION_SIGNED, false);
    ProcessInstance pi = start(v);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(runtime.getVariable(pi.getId(), AUTHORIZATION_NUMBER)).isNull();
    complete(pi, "Task_CollectAuthorization", Map.of(AUTHORIZATION_OUTCOME, "SIGNED"));
    assertThat(check(pi)).isEqualTo(7);
    verify(economicCheck, times(7)).query(anyString(), anyString(), anyList(), eq("SQ" + pi.getBusinessKey()));
    task(pi, "Task_InvestigateHousehold");
  }

  @Test
  void aDeclinedAuthorizationRefusesTheCaseWithoutAnyQuery() {
    Map<String, Object> v = application();
    v.put(AUTHORIZATION_SIGNED, false);
    ProcessInstance pi = start(v);
    complete(pi, "Task_CollectAuthorization", Map.of(AUTHORIZATION_OUTCOME, "DECLINED"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).contains("未签署《家庭经济状况核对授权书》");
    verify(economicCheck, never()).query(anyString(), anyString(), anyList(), anyString());
  }

  @Test
  void aSourceThatDoesNotAnswerIsFlaggedAndOnlyItIsAskedAgain() {
    when(economicCheck.query(anyString(), eq("sw"), anyList(), anyString()))
        .thenThrow(new DepartmentUnavailableException("sw", "household-economic-facts", "timeout", null))
        .thenReturn(new EconomicCheckClient.Facts("未查询到应税收入", 0, 0, 0, 0, 0));
    ProcessInstance pi = start(application());
    assertThat(check(pi)).isEqualTo(7);
    // no incident: the report says who was silent, and the township decides
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).withException().count()).isZero();
    assertThat(runtime.getVariables(pi.getId())).containsEntry(CHECK_MISSING, "税务（应税收入）");
    assertThat(runtime.getVariable(pi.getId(), CHECK_REPORT).toString()).contains("税务（应税收入）：未答复");
    assertThatThrownBy(() -> complete(pi, "Task_ReviewMissingSources", Map.of(CHECK_FOLLOW_UP, "PROCEED")))
        .hasMessageContaining("核实方式说明不能为空");
    complete(pi, "Task_ReviewMissingSources", Map.of(CHECK_FOLLOW_UP, "RERUN"));
    assertThat(check(pi)).isEqualTo(1);
    verify(economicCheck, times(2)).query(anyString(), eq("sw"), anyList(), anyString());
    verify(economicCheck, times(1)).query(anyString(), eq("rs"), anyList(), anyString());
    assertThat(runtime.getVariables(pi.getId())).containsEntry(CHECK_MISSING, "");
    task(pi, "Task_InvestigateHousehold");
  }

  @Test
  void theTownshipMayGoOnWithoutASilentSourceAndVerifyItAtTheVisit() {
    when(economicCheck.query(anyString(), eq("yh"), anyList(), anyString()))
        .thenThrow(new DepartmentUnavailableException("yh", "household-economic-facts", "timeout", null));
    ProcessInstance pi = start(application());
    check(pi);
    complete(pi, "Task_ReviewMissingSources", Map.of(CHECK_FOLLOW_UP, "PROCEED", CHECK_FOLLOW_UP_NOTE, "入户时查看存折核实"));
    assertThat(runtime.getVariables(pi.getId())).containsEntry(CHECK_MISSING, "银行（存款）");
    task(pi, "Task_InvestigateHousehold");
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheCaseBackToInvestigationAndPublishesItAgain() {
    ProcessInstance pi = start(application());
    check(pi);
    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    complete(pi, "Task_RecordNoticeObjection", Map.of(NOTICE_OBJECTION, "邻居反映其子女在外地有稳定收入"));
    assertThat(runtime.getVariable(pi.getId(), NOTICE_OBJECTION)).isEqualTo("邻居反映其子女在外地有稳定收入");
    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    assertThat(runtime.getVariable(pi.getId(), NOTICE_OBJECTION)).isNull();
    // an objection by message (12345 hotline) does the same
    runtime.createMessageCorrelation(OBJECTION_MESSAGE).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(NOTICE_OBJECTION, "12345热线：反映申请人有经营收入").correlate();
    task(pi, "Task_InvestigateHousehold");
    complete(pi, "Task_InvestigateHousehold", investigation(700, "APPROVE"));
    noticeOver(pi);
    task(pi, "Task_ConfirmAssistance");
    assertThat(records.forInstance(pi.getId()).stream().filter(r -> r.stepId().equals("Task_InvestigateHousehold")))
        .hasSize(3);
  }

  @Test
  void aRefusalIsWrittenAndTheCaseEndsRefusedWithItsReason() {
    when(economicCheck.query(anyString(), eq("rs"), anyList(), anyString()))
        .thenReturn(new EconomicCheckClient.Facts("在职参保，月工资 5200 元", 5200, 0, 0, 0, 0));
    ProcessInstance pi = start(application());
    check(pi);
    // the township proposes a refusal: no 公示, straight to the county
    complete(pi, "Task_InvestigateHousehold", investigation(5200, "REFUSE"));
    assertThat(runtime.getVariable(pi.getId(), PROPOSED_CATEGORY)).isEqualTo("REFUSED");
    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "REFUSED"));
    var notice = task(pi, "Task_WriteRefusalNotice");
    assertThat(tasks.getVariable(notice.getId(), REFUSAL_NOTICE).toString()).contains("不低于当地最低生活保障标准");
    complete(pi, "Task_WriteRefusalNotice", Map.of(REFUSAL_NOTICE, "经核对，您家庭人均月收入2600元，高于当地低保标准1210元。"));
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).contains("不予救助", "高于当地低保标准");
    verify(assistance, never()).grantAssistance(anyString(), anyString(), anyString(), anyInt(), any(), any());
  }

  @Test
  void theCountyMayOverrideTheProposalOnlyWithAReason() {
    ProcessInstance pi = toCounty();
    assertThatThrownBy(() -> complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "TEKUN")))
        .hasMessageContaining("审批决定与核对建议（最低生活保障（低保））不同，请填写决定理由");
    complete(pi, "Task_ConfirmAssistance", Map.of(DECISION, "TEKUN", DECISION_REASON, "申请人经鉴定完全丧失劳动能力"));
    runStep(pi, "Task_GrantAssistance");
    // 特困: 1.3 × the standard per person
    verify(assistance).grantAssistance(anyString(), eq(applicant), eq("TEKUN"), eq(2), eq(new BigDecimal("3146.00")), any());
  }

  @Test
  void theTableProposesTekunForAHouseholdWithoutWorkOrSupporterAndRefusesAssetsAboveTheLimit() {
    ProcessInstance pi = start(application());
    check(pi);
    Map<String, Object> v = investigation(700, "APPROVE");
    v.put(ABLE_TO_WORK, 0L);
    complete(pi, "Task_InvestigateHousehold", v);
    noticeOver(pi);
    assertThat(runtime.getVariable(pi.getId(), PROPOSED_CATEGORY)).isEqualTo("TEKUN");

    applicant = TestPeople.woman(45);
    ProcessInstance rich = start(application());
    check(rich);
    v = investigation(700, "APPROVE");
    v.put(VERIFIED_ASSETS, 200000.0);
    complete(rich, "Task_InvestigateHousehold", v);
    noticeOver(rich);
    assertThat(runtime.getVariable(rich.getId(), PROPOSED_CATEGORY)).isEqualTo("REFUSED");
    assertThat(runtime.getVariable(rich.getId(), PROPOSAL_REASON).toString()).contains("金融资产超过");
  }

  @Test
  void aGridWorkerMayOpenTheCaseAndBadApplicationsAreRefusedWithEveryProblem() {
    Map<String, Object> v = application();
    v.put(CHANNEL, "GRID_WORKER");
    assertThatThrownBy(() -> start(v)).isInstanceOf(RejectedInputException.class).hasMessageContaining("请填写网格员姓名");
    v.put(GRID_WORKER_NAME, "李网格");
    assertThat(caseOf(start(v)).status()).isEqualTo(CaseStatus.OPEN);

    Map<String, Object> bad = application();
    bad.put(APPLICANT_ID_NUMBER, TestPeople.woman(40));
    bad.put(MEMBER_IDS, "330402201001011234\n12345");
    bad.put(SCHOOL_CHILDREN, 5L);
    bad.put(URGENT, true);
    bad.put(DECLARATION_SIGNED, false);
    bad.put(APPLICATION_REASON, "困".repeat(100_000));
    assertThatThrownBy(() -> start(bad)).isInstanceOf(RejectedInputException.class)
        .hasMessageContaining("其他家庭成员身份证号码有误").hasMessageContaining("在学子女人数应在0至1之间")
        .hasMessageContaining("急难情形请说明").hasMessageContaining("承诺书").hasMessageContaining("申请理由不能超过500个字");
    // one open case per household
    applicant = TestPeople.woman(46);
    Map<String, Object> again = application();
    start(again);
    assertThatThrownBy(() -> start(again)).hasMessageContaining("已有相同申请人的办件正在办理中");
  }

  private List<Job> dueTimers(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list();
  }

  private static void moveClock(Duration by) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.plus(by)));
  }
}
