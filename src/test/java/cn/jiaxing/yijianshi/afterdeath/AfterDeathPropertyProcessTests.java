package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.departments.BankDepositClient;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.InsuranceClaimsClient;
import cn.jiaxing.yijianshi.departments.RealEstateRegistryClient;
import cn.jiaxing.yijianshi.departments.SecuritiesRegistryClient;
import cn.jiaxing.yijianshi.departments.TrafficPoliceClient;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/**
 * The property matters of 身后一件事 (AfterDeathPropertyProcess, called by AfterDeathProcess) on the real
 * engine, departments mocked: one branch per matter chosen, one deposit step per bank, who may apply.
 */
class AfterDeathPropertyProcessTests extends AfterDeathTestSupport {

  @BeforeEach
  void thePropertyDepartmentsAnswer() {
    // 工商银行 holds a small sum, 建设银行 more than the limit, 嘉兴银行 nothing
    when(banks.queryDeposits(anyString(), eq("ICBC"), anyString(), anyString(), anyString(), anyString()))
        .thenReturn(new BankDepositClient.DepositQuery("CKCX1", 2, new BigDecimal("12000.5")));
    when(banks.queryDeposits(anyString(), eq("CCB"), anyString(), anyString(), anyString(), anyString()))
        .thenReturn(new BankDepositClient.DepositQuery("CKCX2", 1, new BigDecimal("50000.01")));
    when(banks.queryDeposits(anyString(), eq("JXBANK"), anyString(), anyString(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("yh"), "NO_ACCOUNT", "逝者在本行（JXBANK）无存款账户"));
    when(banks.withdrawSmallSum(anyString(), anyString(), anyString(), anyString(), any()))
        .thenAnswer(a -> new BankDepositClient.Withdrawal("XEZQ1", a.getArgument(4)));
    when(realEstate.holdings(anyString(), anyString()))
        .thenReturn(new RealEstateRegistryClient.Holdings("BDCCX1", 1, "嘉兴市南湖区中山东路100号1幢"));
    when(traffic.cancelDrivingLicence(anyString(), anyString(), any())).thenReturn("JSZZX1");
    when(traffic.transferVehicles(anyString(), anyString(), anyString()))
        .thenReturn(new TrafficPoliceClient.VehicleTransfer("JDCZY1", "浙F·A1234"));
    when(securities.transferToHeir(anyString(), anyString(), anyString()))
        .thenReturn(new SecuritiesRegistryClient.Transfer("FJYGH1", 1));
    when(insurers.fileDeathClaim(anyString(), anyString(), any(), anyString(), anyString()))
        .thenReturn(new InsuranceClaimsClient.Claim("SGLP1", 2));
  }

  private Map<String, Object> application(String matters) {
    Map<String, Object> v = application();
    // as Tasklist's checklists send them: JSON arrays in text
    v.put(PROPERTY_MATTERS, matters);
    v.put(RELATIONSHIP_PROOF, "HOUSEHOLD_REGISTER");
    v.put(BANKS, "[\"ICBC\",\"CCB\",\"JXBANK\"]");
    v.put(SMALL_SUM_WITHDRAWAL, true);
    return v;
  }

  private static final String ALL = "[\"DEPOSITS\",\"REAL_ESTATE\",\"VEHICLES\",\"SECURITIES\",\"INSURANCE\"]";

  /** The death proved: the funeral, the departments and the property matters are under way. */
  private ProcessInstance atTheDepartments(Map<String, Object> v) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, v);
    runStep(pi, "Task_ConfirmDeathProof");
    return pi;
  }

  /** Everything but the property matters done (after them: the case goes on in a job of its own). */
  private void finishTheRest(ProcessInstance pi) {
    if (management.createJobQuery().processInstanceId(pi.getId()).activityId("CallActivity_PropertyMatters").count() > 0) {
      runStep(pi, "CallActivity_PropertyMatters");
    }
    runStep(pi, "Task_QueryHouseholdRecord");
    runStep(pi, "Task_QueryAssistanceStatus");
    AfterDeathProcessTests.DEPARTMENT_STEPS.forEach(step -> runStep(pi, step));
    complete(pi, "Task_ArrangeFuneral", Map.of(CREMATION_DATE, died.plusDays(2).toString(),
        CREMATION_CERTIFICATE_NUMBER, "HH330400-0002"));
  }

  @Test
  void everyMatterChosenRunsItsBranchAndTheFamilyIsToldEveryResult() {
    ProcessInstance pi = atTheDepartments(application(ALL));
    ProcessInstance part = called(pi);
    assertThat(part.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    BpmnAwareTests.assertThat(part).isWaitingAt("Task_SettleBankDeposits#multiInstanceBody", "Task_QueryRealEstate",
        "Task_CancelDrivingLicence", "Task_TransferSecurities", "Task_ClaimInsurance");

    // one deposit step per bank, each with its own key (and its own time limit)
    assertThat(runSteps(part, "Task_SettleBankDeposits")).isEqualTo(3);
    ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
    verify(banks, times(3)).queryDeposits(keys.capture(), anyString(), eq(deceased), eq(applicant), eq("CHILD"),
        eq("SZ330400-2026-0001"));
    assertThat(keys.getAllValues()).doesNotHaveDuplicates()
        .allSatisfy(k -> assertThat(k).startsWith(pi.getBusinessKey() + ":Task_SettleBankDeposits"));
    assertThat(jdbcCount("select count(*) from sla_record where case_number = ? and step_id = 'Task_SettleBankDeposits'",
        pi.getBusinessKey())).isEqualTo(3);
    // only the small sum is withdrawn without notarisation: the 50,000.01 yuan at 建设银行 is over the limit
    verify(banks).withdrawSmallSum(anyString(), eq("ICBC"), eq(deceased), eq(applicant), eq(new BigDecimal("12000.5")));
    verify(banks, never()).withdrawSmallSum(anyString(), eq("CCB"), anyString(), anyString(), any());

    runStep(part, "Task_QueryRealEstate");
    BpmnAwareTests.assertThat(task(part, "Task_RegisterRealEstateInheritance")).hasCandidateGroup("bdc");
    complete(part, "Task_RegisterRealEstateInheritance", Map.of(REAL_ESTATE_OUTCOME, "REGISTERED",
        REAL_ESTATE_CERTIFICATE, "浙(2026)嘉兴市不动产权第0001234号"));
    runStep(part, "Task_CancelDrivingLicence");
    runStep(part, "Task_TransferVehicles");
    runStep(part, "Task_TransferSecurities");
    runStep(part, "Task_ClaimInsurance");
    verify(traffic).transferVehicles(pi.getBusinessKey() + ":Task_TransferVehicles", deceased, applicant);
    verify(insurers).fileDeathClaim(pi.getBusinessKey() + ":Task_ClaimInsurance", deceased, died, applicant,
        "SZ330400-2026-0001");
    BpmnAwareTests.assertThat(part).isEnded();
    // what the case learned from its part: results only, not the property holdings
    assertThat(runtime.getVariable(pi.getId(), REAL_ESTATE_HOLDINGS)).isNull();

    finishTheRest(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_PropertyMatters", "EndEvent_AfterDeathCompleted");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    String completion = String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION"));
    assertThat(completion).contains("银行存款（中国工商银行）", "已免公证支取 12000.50 元",
        "银行存款（中国建设银行）", "超过小额存款免公证支取限额 50000.00 元", "银行存款（嘉兴银行）", "无存款账户",
        "不动产继承登记", "浙(2026)嘉兴市不动产权第0001234号", "机动车驾驶证已注销", "浙F·A1234",
        "证券非交易过户", "2 份保单已报案理赔")
        .doesNotContain(deceased).doesNotContain(applicant);
    // the banks in the order of the list, whatever order their steps ran in
    assertThat(completion.indexOf("中国工商银行")).isLessThan(completion.indexOf("中国建设银行"));
    assertThat(completion.indexOf("中国建设银行")).isLessThan(completion.indexOf("嘉兴银行"));
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()
        + runtime.createIncidentQuery().processInstanceId(part.getId()).count()).isZero();
  }

  @Test
  void withoutPropertyMattersNothingIsCalled() {
    Map<String, Object> v = application("[]");
    v.remove(RELATIONSHIP_PROOF);
    v.put(RELATIONSHIP, "AGENT"); // the funeral home may apply for the procedures, not for property
    ProcessInstance pi = atTheDepartments(v);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
    finishTheRest(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("CallActivity_PropertyMatters");
    verify(banks, never()).queryDeposits(anyString(), anyString(), anyString(), anyString(), anyString(), anyString());
  }

  @Test
  void onlyTheChosenMattersRunAndTheFamilyNeedNotWithdraw() {
    Map<String, Object> v = application("DEPOSITS,INSURANCE");
    v.put(SMALL_SUM_WITHDRAWAL, false);
    ProcessInstance pi = atTheDepartments(v);
    ProcessInstance part = called(pi);
    BpmnAwareTests.assertThat(part).isWaitingAt("Task_SettleBankDeposits#multiInstanceBody", "Task_ClaimInsurance");
    runSteps(part, "Task_SettleBankDeposits");
    runStep(part, "Task_ClaimInsurance");
    verify(banks, never()).withdrawSmallSum(anyString(), anyString(), anyString(), anyString(), any());
    verify(realEstate, never()).holdings(anyString(), anyString());
    verify(traffic, never()).cancelDrivingLicence(anyString(), anyString(), any());
    BpmnAwareTests.assertThat(part).isEnded().hasNotPassed("Task_QueryRealEstate", "Task_TransferSecurities");
    finishTheRest(pi);
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION")))
        .contains("2 个账户，余额合计 12000.50 元").doesNotContain("已免公证支取");
  }

  @Test
  void nothingHeldIsTheOutcomeNotAnIncident() {
    when(realEstate.holdings(anyString(), anyString())).thenReturn(new RealEstateRegistryClient.Holdings("BDCCX9", 0, ""));
    when(traffic.cancelDrivingLicence(anyString(), anyString(), any()))
        .thenThrow(new DepartmentRefusalException(departments.get("jg"), "NO_LICENCE", "逝者未持有机动车驾驶证"));
    when(traffic.transferVehicles(anyString(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("jg"), "NO_VEHICLE", "逝者名下无登记的机动车"));
    when(securities.transferToHeir(anyString(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("zq"), "NO_SECURITIES_ACCOUNT", "逝者无证券账户"));
    ProcessInstance pi = atTheDepartments(application("REAL_ESTATE,VEHICLES,SECURITIES"));
    ProcessInstance part = called(pi);
    runStep(part, "Task_QueryRealEstate");
    runStep(part, "Task_CancelDrivingLicence");
    runStep(part, "Task_TransferVehicles");
    runStep(part, "Task_TransferSecurities");
    BpmnAwareTests.assertThat(part).isEnded().hasNotPassed("Task_RegisterRealEstateInheritance");
    finishTheRest(pi);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()
        + runtime.createIncidentQuery().processInstanceId(part.getId()).count()).isZero();
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION")))
        .contains("逝者名下无不动产登记", "无需办理：逝者未持有机动车驾驶证", "无需办理：逝者名下无登记的机动车",
            "无需办理：逝者无证券账户");
  }

  @Test
  void missingMaterialsAreToldAtOnceAndTheCaseGoesOn() {
    ProcessInstance pi = atTheDepartments(application("REAL_ESTATE"));
    ProcessInstance part = called(pi);
    runStep(part, "Task_QueryRealEstate");
    String task = task(part, "Task_RegisterRealEstateInheritance").getId();
    assertThatThrownBy(() -> tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "REGISTERED")))
        .hasMessageContaining("不动产权证书号");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "MATERIALS_NEEDED")))
        .hasMessageContaining("需补充的材料");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "MATERIALS_NEEDED",
        REAL_ESTATE_NOTE, "材".repeat(100_000)))).hasMessageContaining("不能超过500个字");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "DONE")))
        .hasMessageContaining("办理结果只能是");
    assertThatThrownBy(() -> tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "REGISTERED",
        REAL_ESTATE_CERTIFICATE, "<script>"))).hasMessageContaining("不动产权证书号只能含");
    assertThat(mailKinds(pi)).containsExactly("RECEIPT");

    tasks.complete(task, Map.of(REAL_ESTATE_OUTCOME, "MATERIALS_NEEDED", REAL_ESTATE_NOTE, "其他继承人放弃继承的声明书"));
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "ACTION_NEEDED");
    assertThat(outboxBodies(pi.getBusinessKey(), "ACTION_NEEDED").get(0)).contains("张丽", "其他继承人放弃继承的声明书",
        pi.getBusinessKey()).doesNotContain(deceased);
    finishTheRest(pi);
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(String.join("\n", outboxBodies(pi.getBusinessKey(), "COMPLETION"))).contains("需补充材料");
  }

  @Test
  void aCaseCanceledWhileTheRegistryWorksAsksTheFamilyForNothing() {
    ProcessInstance pi = atTheDepartments(application("REAL_ESTATE"));
    ProcessInstance part = called(pi);
    runStep(part, "Task_QueryRealEstate");
    task(part, "Task_RegisterRealEstateInheritance");
    runtime.deleteProcessInstance(pi.getId(), "家属撤回申请");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CANCELED);
    assertThat(mailKinds(pi)).doesNotContain("ACTION_NEEDED");
  }

  static Stream<Arguments> applicationsTheLawRefuses() {
    return Stream.of(
        bad("受托机构", "受委托的医疗机构或殡仪服务机构不能代办涉财事项", v -> v.put(RELATIONSHIP, "AGENT")),
        bad("兄弟姐妹查存款", "仅限配偶、父母、子女", v -> v.put(RELATIONSHIP, "SIBLING")),
        bad("无亲属关系证明", "须提供与逝者的亲属关系证明", v -> v.put(RELATIONSHIP_PROOF, "NONE")),
        bad("未选亲属关系证明", "请选择亲属关系证明", v -> v.remove(RELATIONSHIP_PROOF)),
        bad("配偶凭出生证明", "出生医学证明不能证明配偶关系", v -> v.put(RELATIONSHIP, "SPOUSE"),
            v -> v.put(RELATIONSHIP_PROOF, "BIRTH_CERTIFICATE")),
        bad("兄弟姐妹凭结婚证", "兄弟姐妹及其他近亲属须提供户口簿", v -> v.put(RELATIONSHIP, "SIBLING"),
            v -> v.put(PROPERTY_MATTERS, "REAL_ESTATE"), v -> v.put(RELATIONSHIP_PROOF, "MARRIAGE_CERTIFICATE")),
        bad("未选银行", "请至少选择1项存款银行", v -> v.put(BANKS, "[]")),
        bad("未知银行", "存款银行中含有不可选的项目：SWISS", v -> v.put(BANKS, "ICBC,SWISS")),
        bad("未知事项", "涉财事项中含有不可选的项目", v -> v.put(PROPERTY_MATTERS, "DEPOSITS,GOLD")),
        bad("超长的事项", "…", v -> v.put(PROPERTY_MATTERS, "X".repeat(100_000))));
  }

  @SafeVarargs
  private static Arguments bad(String name, String message, Consumer<Map<String, Object>>... changes) {
    return Arguments.of(name, message, List.of(changes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applicationsTheLawRefuses")
  void whoMayApplyForPropertyIsTheLawsAndARefusalLeavesNothingBehind(String name, String message,
      List<Consumer<Map<String, Object>>> changes) {
    Map<String, Object> v = application(ALL);
    changes.forEach(c -> c.accept(v));
    long instances = runtime.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, v)).isInstanceOf(RejectedInputException.class)
        .hasMessageStartingWith("身后一件事申请未受理").hasMessageContaining(message);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aSiblingMayApplyForTheEstateButNotForDeposits() {
    Map<String, Object> v = application("REAL_ESTATE,VEHICLES");
    v.put(RELATIONSHIP, "SIBLING");
    ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, v);
    assertThat(runtime.getVariable(pi.getId(), PROPERTY_MATTERS)).isEqualTo("REAL_ESTATE,VEHICLES");
    assertThat(runtime.getVariable(pi.getId(), BANKS)).isEqualTo(""); // named banks without deposits are not kept
    runtime.deleteProcessInstance(pi.getId(), "test cleanup");
  }

  private long jdbcCount(String sql, String param) {
    return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql(sql).param(param)
        .query(Long.class).single();
  }
}
