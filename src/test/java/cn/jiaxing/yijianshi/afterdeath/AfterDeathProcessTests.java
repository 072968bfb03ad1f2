package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AfterDeathProcess on the real engine, departments mocked (domain.md §2). */
class AfterDeathProcessTests extends AfterDeathTestSupport {

  static final List<String> DEPARTMENT_STEPS = List.of("Task_CancelHousehold", "Task_SettlePension",
      "Task_StopMedicalInsurance", "Task_StopAllowances", "Task_CancelDisabilityCard", "Task_WithdrawHousingFund");

  private ProcessInstance start(Map<String, Object> v) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, v);
  }

  /** The death proved, the queries and the 惠民殡葬 decision made: at the funeral and the six departments. */
  private ProcessInstance atTheDepartments(Map<String, Object> v) {
    ProcessInstance pi = start(v);
    runStep(pi, "NON_NATURAL".equals(v.get(DEATH_KIND)) ? "Task_ConfirmNonNaturalDeath" : "Task_ConfirmDeathProof");
    runStep(pi, "Task_QueryHouseholdRecord");
    runStep(pi, "Task_QueryAssistanceStatus");
    return pi;
  }

  private void funeral(ProcessInstance pi) {
    complete(pi, "Task_ArrangeFuneral", Map.of(CREMATION_DATE, died.plusDays(2).toString(),
        CREMATION_CERTIFICATE_NUMBER, "HH330400-0001"));
  }

  @Test
  void aHospitalDeathRunsEveryProcedureAndTheFamilyIsToldEachResult() {
    ProcessInstance pi = start(application());
    assertThat(pi.getBusinessKey()).startsWith("JXSH");
    // the death is proved before anything else happens
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmDeathProof");
    runStep(pi, "Task_ConfirmDeathProof");
    verify(health).confirmDeathProof(pi.getBusinessKey() + ":Task_ConfirmDeathProof", deceased, "张建国", died,
        "HOSPITAL", "SZ330400-2026-0001");
    BpmnAwareTests.assertThat(pi).isWaitingAt(new String[] {"Task_QueryHouseholdRecord", "Task_CancelHousehold",
        "Task_SettlePension", "Task_StopMedicalInsurance", "Task_StopAllowances", "Task_CancelDisabilityCard",
        "Task_WithdrawHousingFund"});
    runStep(pi, "Task_QueryHouseholdRecord");
    runStep(pi, "Task_QueryAssistanceStatus");
    BpmnAwareTests.assertThat(task(pi, "Task_ArrangeFuneral")).hasCandidateGroup("mzbz");
    assertThat(runtime.getVariable(pi.getId(), FREE_FUNERAL_ITEMS)).asString().contains("遗体火化", "骨灰盒");
    assertThat(runtime.getVariable(pi.getId(), EXTRA_FUNERAL_REDUCTION)).isEqualTo("无");
    DEPARTMENT_STEPS.forEach(step -> runStep(pi, step));
    // benefits stop from the month after the death
    LocalDate monthAfter = died.withDayOfMonth(1).plusMonths(1);
    verify(pensions).settleAfterDeath(pi.getBusinessKey() + ":Task_SettlePension", deceased, died, monthAfter, applicant);
    verify(assistance).stopAllowances(pi.getBusinessKey() + ":Task_StopAllowances", deceased, monthAfter);
    verify(disability).cancelDisabilityCard(pi.getBusinessKey() + ":Task_CancelDisabilityCard", deceased, monthAfter);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ArrangeFuneral");
    funeral(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_AfterDeathCompleted");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "COMPLETION");
    String completion = String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION"));
    assertThat(completion).contains("死亡证明", "嘉兴市第一医院", "火化证明", "HH330400-0001", "惠民殡葬减免",
        "户口注销", "HKZX1", "丧葬补助金 5000.00 元", "抚恤金 24000.00 元", "个人账户余额 12345.60 元",
        "医保关系于 " + died, "高龄津贴自 " + monthAfter, "残疾人证已注销", "30000.00 元")
        .doesNotContain(deceased).doesNotContain(applicant);
  }

  @Test
  void aDeathAtHomeIsProvedByTheCommunityHealthCentre() {
    when(health.confirmDeathProof(anyString(), anyString(), anyString(), any(), eq("HOME"), anyString()))
        .thenAnswer(a -> new HealthCommissionClient.DeathProof(a.getArgument(5), "嘉兴市南湖区社区卫生服务中心"));
    Map<String, Object> v = application();
    v.put(DEATH_KIND, "HOME");
    v.put(PLACE_OF_DEATH, "家中");
    ProcessInstance pi = start(v);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmDeathProof");
    runStep(pi, "Task_ConfirmDeathProof");
    verify(health).confirmDeathProof(pi.getBusinessKey() + ":Task_ConfirmDeathProof", deceased, "张建国", died,
        "HOME", "SZ330400-2026-0001");
    verify(households, never()).confirmNonNaturalDeath(anyString(), anyString(), anyString(), any());
    assertThat(runtime.getVariable(pi.getId(), DEATH_PROOF_ISSUER)).isEqualTo("嘉兴市南湖区社区卫生服务中心");
    BpmnAwareTests.assertThat(pi).isWaitingAt(new String[] {"Task_QueryHouseholdRecord", "Task_CancelHousehold",
        "Task_SettlePension", "Task_StopMedicalInsurance", "Task_StopAllowances", "Task_CancelDisabilityCard",
        "Task_WithdrawHousingFund"});
    runtime.deleteProcessInstance(pi.getId(), "test cleanup");
  }

  @Test
  void aNonNaturalDeathIsProvedByThePolice() {
    Map<String, Object> v = application();
    v.put(DEATH_KIND, "NON_NATURAL");
    v.remove(DEATH_PROOF_NUMBER);
    ProcessInstance pi = start(v);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmNonNaturalDeath");
    runStep(pi, "Task_ConfirmNonNaturalDeath");
    verify(households).confirmNonNaturalDeath(pi.getBusinessKey() + ":Task_ConfirmNonNaturalDeath", deceased, "张建国", died);
    verify(health, never()).confirmDeathProof(anyString(), anyString(), anyString(), any(), anyString(), anyString());
    // the household is cancelled with the police's proof
    runStep(pi, "Task_CancelHousehold");
    verify(households).cancelHousehold(pi.getBusinessKey() + ":Task_CancelHousehold", deceased, died, "SW330420260001");
  }

  @Test
  void aDeathProofThatCannotBeConfirmedEndsTheCaseBeforeAnythingElse() {
    when(health.confirmDeathProof(anyString(), anyString(), anyString(), any(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("wj"), "DEATH_NOT_CONFIRMED",
            "未查询到逝者（" + deceased + "）的死亡证明信息，请核对证明编号或到出具机构补报"));
    ProcessInstance pi = start(application());
    runStep(pi, "Task_ConfirmDeathProof");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_DeathProofNotConfirmed")
        .hasNotPassed("Task_CancelHousehold", "Task_QueryHouseholdRecord");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).contains("未查询到逝者").doesNotContain(deceased);
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "REFUSAL");
  }

  @Test
  void aDibaoFamilyGetsTheExtraReductionsAndSomeoneFromOutsideZhejiangNone() {
    when(assistance.assistanceStatus(anyString(), anyString())).thenReturn("DIBAO");
    ProcessInstance assisted = atTheDepartments(application());
    assertThat(runtime.getVariable(assisted.getId(), EXTRA_FUNERAL_REDUCTION)).asString().contains("低保、特困供养家庭");
    assertThat(runtime.getVariable(assisted.getId(), FREE_FUNERAL_ITEMS)).asString().contains("遗体接运");

    deceased = TestPeople.woman(75);
    when(households.householdRecord(anyString(), anyString()))
        .thenReturn(new HouseholdRegistryClient.HouseholdRecord(true, false));
    ProcessInstance other = atTheDepartments(application());
    assertThat(runtime.getVariable(other.getId(), FREE_FUNERAL_ITEMS)).asString().startsWith("无");
    assertThat(runtime.getVariable(other.getId(), FUNERAL_POLICY_BASIS)).asString().contains("本省户籍");
    runtime.deleteProcessInstance(assisted.getId(), "test cleanup");
    runtime.deleteProcessInstance(other.getId(), "test cleanup");
  }

  @Test
  void aDepartmentWithNothingToDoIsAnOutcomeNotAnIncident() {
    when(pensions.settleAfterDeath(anyString(), anyString(), any(), any(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("rs"), "NO_PENSION_RECORD", "逝者在本市无养老保险参保记录"));
    when(disability.cancelDisabilityCard(anyString(), anyString(), any()))
        .thenThrow(new DepartmentRefusalException(departments.get("cl"), "NO_DISABILITY_CARD", "未查询到逝者的残疾人证"));
    when(housingFund.withdrawForHeir(anyString(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("gjj"), "NO_ACCOUNT", "逝者在本中心无住房公积金账户"));
    ProcessInstance pi = atTheDepartments(application());
    DEPARTMENT_STEPS.forEach(step -> runStep(pi, step));
    funeral(pi);

    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION")))
        .contains("无需办理：逝者在本市无养老保险参保记录", "无需办理：未查询到逝者的残疾人证",
            "无需办理：逝者在本中心无住房公积金账户", "户口注销");
  }

  @Test
  void theFuneralHomeRecordsACremationBetweenTheDeathAndToday() {
    ProcessInstance pi = atTheDepartments(application());
    String task = task(pi, "Task_ArrangeFuneral").getId();
    assertThatThrownBy(() -> tasks.complete(task, Map.of(CREMATION_DATE, died.minusDays(1).toString(),
        CREMATION_CERTIFICATE_NUMBER, "HH1234"))).hasMessageContaining("火化日期").hasMessageContaining("不能早于死亡日期");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(CREMATION_DATE, TestPeople.today().plusDays(1).toString(),
        CREMATION_CERTIFICATE_NUMBER, "HH1234"))).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(CREMATION_DATE, died.toString())))
        .hasMessageContaining("火化证明编号");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ArrangeFuneral");
    runtime.deleteProcessInstance(pi.getId(), "test cleanup");
  }

  static Stream<Arguments> invalidApplications() {
    return Stream.of(
        bad("死亡日期", "不能晚于今天", v -> v.put(DATE_OF_DEATH, TestPeople.today().plusDays(1).toString())),
        bad("超过6个月", "不再受理", v -> v.put(DATE_OF_DEATH, TestPeople.today().minusMonths(6).minusDays(1).toString())),
        bad("死亡日期格式", "死亡日期格式不正确", v -> v.put(DATE_OF_DEATH, "2026-13-01")),
        bad("死亡类型", "死亡类型只能是", v -> v.put(DEATH_KIND, "ACCIDENT")),
        bad("证明编号", "死亡医学证明", v -> v.remove(DEATH_PROOF_NUMBER)),
        bad("证明编号格式", "死亡医学证明编号只能是", v -> v.put(DEATH_PROOF_NUMBER, "编号<script>")),
        bad("申请人未成年", "申请人须年满十八周岁", v -> v.put(APPLICANT_ID_NUMBER, TestPeople.woman(16))),
        bad("申请人即逝者", "申请人与逝者身份证号码相同", v -> v.put(APPLICANT_ID_NUMBER, v.get(DECEASED_ID_NUMBER))),
        bad("关系", "申请人与逝者关系只能是", v -> v.put(RELATIONSHIP, "FRIEND")),
        bad("承诺书", "承诺书", v -> v.put(DECLARATION_SIGNED, false)),
        bad("逝者身份证", "逝者身份证号码", v -> v.put(DECEASED_ID_NUMBER, "330402194401011234")),
        bad("很长的地点", "死亡地点不能超过100个字", v -> v.put(PLACE_OF_DEATH, "医".repeat(100_000))));
  }

  private static Arguments bad(String name, String message, Consumer<Map<String, Object>> change) {
    return Arguments.of(name, message, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidApplications")
  void anInvalidApplicationIsRejectedAndLeavesNothingBehind(String name, String message,
      Consumer<Map<String, Object>> change) {
    Map<String, Object> v = application();
    change.accept(v);
    long instances = runtime.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> start(v)).isInstanceOf(RejectedInputException.class)
        .hasMessageStartingWith("身后一件事申请未受理").hasMessageContaining(message);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theSameDeceasedHasOneOpenCase() {
    ProcessInstance first = start(application());
    Map<String, Object> again = application();
    again.put(APPLICANT_ID_NUMBER, TestPeople.man(55));
    assertThatThrownBy(() -> start(again)).hasMessageContaining(first.getBusinessKey());
    runtime.deleteProcessInstance(first.getId(), "test cleanup");
  }

  @Test
  void everyDepartmentStepSendsItsOwnKeyOnce() {
    ProcessInstance pi = atTheDepartments(application());
    DEPARTMENT_STEPS.forEach(step -> runStep(pi, step));
    verify(households).cancelHousehold(eq(pi.getBusinessKey() + ":Task_CancelHousehold"), eq(deceased), eq(died),
        eq("SZ330400-2026-0001"));
    verify(insurance).stopCoverage(pi.getBusinessKey() + ":Task_StopMedicalInsurance", deceased, died, applicant);
    verify(housingFund).withdrawForHeir(pi.getBusinessKey() + ":Task_WithdrawHousingFund", deceased, applicant);
    runtime.deleteProcessInstance(pi.getId(), "test cleanup");
  }
}
