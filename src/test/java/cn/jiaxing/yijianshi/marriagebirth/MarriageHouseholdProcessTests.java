package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import cn.jiaxing.yijianshi.sla.SlaRecord;
import cn.jiaxing.yijianshi.sla.SlaRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MarriageHouseholdProcessTests extends ProcessTestSupport {

  private static final Map<String, Object> APPROVE = Map.of(MARRIAGE_APPROVED, true, PARTIES_PRESENT, true,
      VOLUNTARY, true, NO_PROHIBITED_KINSHIP, true);

  @Autowired SlaRecords slaRecords;
  @Autowired JdbcClient jdbc;

  private String groom;
  private String bride;

  @BeforeEach
  void couple() {
    groom = TestPeople.man(30);
    bride = TestPeople.woman(28);
    when(marriageRegistry.registerMarriage(anyString(), any(), any(), any())).thenReturn("J330400-2026-000001");
    when(households.moveHousehold(anyString(), anyString(), anyString())).thenReturn("QY1");
    when(health.registerBirthPlanning(anyString(), anyString(), anyString())).thenReturn("SY1");
  }

  private Map<String, Object> application(boolean move, boolean planning) {
    Map<String, Object> v = new HashMap<>();
    v.put(GROOM_NAME, "张伟");
    v.put(GROOM_ID_NUMBER, groom);
    v.put(BRIDE_NAME, "王芳");
    v.put(BRIDE_ID_NUMBER, bride);
    v.put(APPLICANT_EMAIL, "zhangwei@example.cn");
    v.put(DECLARATION_SIGNED, true);
    v.put(BOTH_PRESENT, true);
    v.put(HOUSEHOLD_MOVE_REQUESTED, move);
    if (move) {
      v.put(HOUSEHOLD_MOVE_DIRECTION, "BRIDE_TO_GROOM");
    }
    v.put(BIRTH_PLANNING_REQUESTED, planning);
    return v;
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, variables);
  }

  private ProcessInstance registered(boolean move, boolean planning) {
    ProcessInstance pi = start(application(move, planning));
    runStep(pi, "Task_CheckMarriageRecords");
    complete(pi, "Task_ConfirmMarriageRegistration", APPROVE);
    runStep(pi, "Task_RegisterMarriage");
    return pi;
  }

  @Test
  void marriageWithHouseholdMoveAndBirthPlanningCompletes() {
    ProcessInstance pi = start(application(true, true));

    assertThat(pi.getBusinessKey()).matches("JXJH\\d{8}\\d{6}");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CheckMarriageRecords");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(caseOf(pi).applicantIdMasked()).doesNotContain(groom.substring(6, 14));
    runStep(pi, "Task_CheckMarriageRecords");
    verify(marriageRegistry).checkNotMarried(pi.getBusinessKey() + ":Task_CheckMarriageRecords", groom, bride);

    Task confirm = task(pi, "Task_ConfirmMarriageRegistration");
    BpmnAwareTests.assertThat(confirm).hasCandidateGroup("mz");
    assertThat(confirm.getDueDate()).as("due date from the SLA policy").isAfter(Instant.now().minusSeconds(1));
    complete(pi, "Task_ConfirmMarriageRegistration", APPROVE);
    runStep(pi, "Task_RegisterMarriage");

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_UpdateMaritalStatus", "Task_ReviewHouseholdMove",
        "Task_RegisterBirthPlanning");
    runStep(pi, "Task_UpdateMaritalStatus");
    runStep(pi, "Task_RegisterBirthPlanning");
    BpmnAwareTests.assertThat(task(pi, "Task_ReviewHouseholdMove")).hasCandidateGroup("ga");
    complete(pi, "Task_ReviewHouseholdMove", Map.of(HOUSEHOLD_MOVE_APPROVED, true));
    runStep(pi, "Task_MoveHousehold");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_MoveHousehold")
        .hasPassed("EndEvent_MarriageCompleted");
    verify(households).moveHousehold(pi.getBusinessKey() + ":Task_MoveHousehold", bride, groom);
    verify(health).registerBirthPlanning(pi.getBusinessKey() + ":Task_RegisterBirthPlanning", groom, bride);
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "COMPLETION");
  }

  @Test
  void withoutFollowUpsOnlyTheMaritalStatusIsUpdated() {
    ProcessInstance pi = registered(false, false);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_UpdateMaritalStatus");
    runStep(pi, "Task_UpdateMaritalStatus");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MarriageCompleted")
        .hasNotPassed("Task_ReviewHouseholdMove", "Task_RegisterBirthPlanning");
    verify(health, never()).registerBirthPlanning(anyString(), anyString(), anyString());
  }

  @Test
  void aPartyAlreadyMarriedEndsTheCaseAsRefusedWithTheRegistrysReason() {
    doThrow(new DepartmentRefusalException(departments.get("mz"), "ALREADY_MARRIED", "当事人在全国婚姻信息库中有在婚登记记录"))
        .when(marriageRegistry).checkNotMarried(anyString(), anyString(), anyString());
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_AlreadyMarried");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).contains("在婚登记记录");
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "REFUSAL");
  }

  @Test
  void theRegistrarRefusesWithAReason() {
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");
    complete(pi, "Task_ConfirmMarriageRegistration", Map.of(MARRIAGE_APPROVED, false, REFUSAL_REASON, "一方非自愿"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MarriageRefused").hasNotPassed("Task_RegisterMarriage");
    assertThat(caseOf(pi).outcomeReason()).isEqualTo("一方非自愿");
  }

  @Test
  void theRegistryRefusingTheRegistrationEndsTheCase() {
    when(marriageRegistry.registerMarriage(anyString(), any(), any(), any()))
        .thenThrow(new DepartmentRefusalException(departments.get("mz"), "ALREADY_MARRIED", "女方已于他处登记结婚"));
    ProcessInstance pi = start(application(true, false));
    runStep(pi, "Task_CheckMarriageRecords");
    complete(pi, "Task_ConfirmMarriageRegistration", APPROVE);
    runStep(pi, "Task_RegisterMarriage");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MarriageRefused").hasNotPassed("Task_UpdateMaritalStatus");
    assertThat(caseOf(pi).outcomeReason()).isEqualTo("女方已于他处登记结婚");
  }

  @Test
  void aHouseholdMoveRejectedByThePoliceStillCompletesTheMarriage() {
    ProcessInstance pi = registered(true, false);
    runStep(pi, "Task_UpdateMaritalStatus");
    complete(pi, "Task_ReviewHouseholdMove", Map.of(HOUSEHOLD_MOVE_APPROVED, false,
        HOUSEHOLD_MOVE_REFUSAL_REASON, "投靠方户口不在本市"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MarriageCompleted").hasNotPassed("Task_MoveHousehold");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
  }

  @Test
  void aHouseholdMoveRefusedByThePoliceSystemIsRecordedAndTheCaseCompletes() {
    when(households.moveHousehold(anyString(), anyString(), anyString()))
        .thenThrow(new DepartmentRefusalException(departments.get("ga"), "HOUSEHOLD_NOT_FOUND", "未找到投靠对象的常住户口登记"));
    ProcessInstance pi = registered(true, false);
    runStep(pi, "Task_UpdateMaritalStatus");
    complete(pi, "Task_ReviewHouseholdMove", Map.of(HOUSEHOLD_MOVE_APPROVED, true));
    runStep(pi, "Task_MoveHousehold");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Boundary_HouseholdMoveRefused", "EndEvent_MarriageCompleted");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(HOUSEHOLD_MOVE_REFUSAL_REASON).singleResult().getValue()).isEqualTo("未找到投靠对象的常住户口登记");
  }

  @Test
  void anIdNumberTypedIntoAReasonIsMaskedInTheNotice() {
    String id = TestPeople.woman(30);
    ProcessInstance pi = registered(true, false);
    runStep(pi, "Task_UpdateMaritalStatus");
    complete(pi, "Task_ReviewHouseholdMove", Map.of(HOUSEHOLD_MOVE_APPROVED, false,
        HOUSEHOLD_MOVE_REFUSAL_REASON, "女方身份证 " + id + " 的户籍不在本市，请到户籍地办理"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_MarriageCompleted");
    List<String> bodies = outboxBodies(pi.getBusinessKey(), "COMPLETION");
    assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body)
        .contains("的户籍不在本市").contains(id.substring(0, 6) + "********").doesNotContain(id));
  }

  @Test
  void aDepartmentOutageIsRetriedThenBecomesAnIncident() {
    doThrow(new DepartmentUnavailableException("mz", "marriage-status-checks", "HTTP 503", null))
        .when(marriageRegistry).checkNotMarried(anyString(), anyString(), anyString());
    ProcessInstance pi = start(application(false, false));
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> runStep(pi, "Task_CheckMarriageRecords")).isInstanceOf(DepartmentUnavailableException.class);
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).activityId("Task_CheckMarriageRecords")
        .count()).isEqualTo(1);
    BpmnAwareTests.assertThat(pi).isActive();
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void theRegistrarCanSendTheCaseBackForMissingMaterialsThenRegister() {
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");
    complete(pi, "Task_ConfirmMarriageRegistration", Map.of("supplementRequested", true,
        "supplementNote", "请补交女方本人签名的声明书"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SupplementMarriageMaterials");
    BpmnAwareTests.assertThat(task(pi, "Task_SupplementMarriageMaterials")).hasCandidateGroup("frontdesk");
    assertThatThrownBy(() -> complete(pi, "Task_SupplementMarriageMaterials", Map.of()))
        .hasStackTraceContaining("请选择补正结果");
    complete(pi, "Task_SupplementMarriageMaterials", Map.of("materialsSupplemented", true));

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmMarriageRegistration");
    assertThat(runtime.getVariable(pi.getId(), "supplementRequested")).isEqualTo(false);
    complete(pi, "Task_ConfirmMarriageRegistration", APPROVE);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RegisterMarriage");
  }

  @Test
  void approvingWithoutTheRegistrarsChecksIsRejectedAndTheTaskStays() {
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");
    assertThatThrownBy(() -> complete(pi, "Task_ConfirmMarriageRegistration", Map.of(MARRIAGE_APPROVED, true)))
        .hasRootCauseInstanceOf(RejectedInputException.class)
        .hasStackTraceContaining("准予登记前须核实双方本人到场");
    assertThatThrownBy(() -> complete(pi, "Task_ConfirmMarriageRegistration", Map.of(MARRIAGE_APPROVED, false)))
        .hasStackTraceContaining("不予登记的理由不能为空");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmMarriageRegistration");
  }

  static Stream<Arguments> invalidApplications() {
    return Stream.of(
        bad("男方身份证号码校验位错误", v -> v.put(GROOM_ID_NUMBER, flipCheck((String) v.get(GROOM_ID_NUMBER)))),
        bad("男方未达法定婚龄", v -> v.put(GROOM_ID_NUMBER, TestPeople.man(21))),
        bad("女方未达法定婚龄", v -> v.put(BRIDE_ID_NUMBER, TestPeople.woman(19))),
        bad("一男一女", v -> v.put(BRIDE_ID_NUMBER, TestPeople.man(28))),
        bad("男女双方身份证号码相同", v -> v.put(BRIDE_ID_NUMBER, v.get(GROOM_ID_NUMBER))),
        bad("申请结婚登记声明书", v -> v.put(DECLARATION_SIGNED, false)),
        bad("双方本人共同到场", v -> v.remove(BOTH_PRESENT)),
        bad("女方姓名不能为空", v -> v.put(BRIDE_NAME, " ")),
        bad("男方姓名不能超过40个字", v -> v.put(GROOM_NAME, "张".repeat(41))),
        bad("须选择迁移方向", v -> v.put(HOUSEHOLD_MOVE_REQUESTED, true)),
        bad("联系邮箱格式不正确", v -> v.put(APPLICANT_EMAIL, "not-an-address")));
  }

  private static Arguments bad(String message, Consumer<Map<String, Object>> change) {
    return Arguments.of(message, change);
  }

  private static String flipCheck(String id) {
    char c = id.charAt(17);
    return id.substring(0, 17) + (c == '0' ? '1' : '0');
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidApplications")
  void anInvalidApplicationIsRejectedAndLeavesNothingBehind(String message, Consumer<Map<String, Object>> change) {
    Map<String, Object> v = application(false, false);
    change.accept(v);
    long instances = runtime.createProcessInstanceQuery().count();
    long open = cases.findByStatus(CaseStatus.OPEN).size();

    assertThatThrownBy(() -> start(v)).isInstanceOf(RejectedInputException.class)
        .hasMessageStartingWith("结婚登记申请未受理").hasMessageContaining(message);

    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(cases.findByStatus(CaseStatus.OPEN)).hasSize((int) open);
    verify(marriageRegistry, never()).checkNotMarried(anyString(), eq(groom), anyString());
  }

  @Test
  void aCaseWhoseInstanceAnOperatorDeletesIsCanceledAndTheCoupleMayApplyAgain() {
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");
    // as Cockpit's cancel dialog does by default: skip custom listeners
    runtime.deleteProcessInstance(pi.getId(), "申请人撤回申请", true);

    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CANCELED);
    assertThat(caseOf(pi).outcomeReason()).isEqualTo("办件已撤销：申请人撤回申请");
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "CANCELLATION");
    assertThat(slaRecords.forInstance(pi.getId())).extracting(r -> r.stepId() + ":" + r.stateAt(Instant.now()))
        .containsExactlyInAnyOrder("case:CANCELED", "Task_CheckMarriageRecords:MET",
            "Task_ConfirmMarriageRegistration:CANCELED");
    ProcessInstance again = start(application(false, false));
    assertThat(again.getBusinessKey()).isNotEqualTo(pi.getBusinessKey());
  }

  @Test
  void theDepartmentIsCalledWithNoTransactionOpen() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    org.mockito.Mockito.doAnswer(call -> {
      seen.add("transaction=" + org.springframework.transaction.support.TransactionSynchronizationManager
          .isActualTransactionActive() + " command=" + (org.camunda.bpm.engine.impl.context.Context.getCommandContext() != null));
      return null;
    }).when(marriageRegistry).checkNotMarried(anyString(), anyString(), anyString());
    ProcessInstance pi = start(application(false, false));
    runStep(pi, "Task_CheckMarriageRecords");

    // no database connection or engine command is held while the department answers
    assertThat(seen).containsExactly("transaction=false command=false");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmMarriageRegistration");
  }

  @Test
  void anAnswerArrivingAfterTheCaseWasCanceledIsNotRecorded() {
    ProcessInstance pi = start(application(false, false));
    // the applicant withdraws while 民政's system is still answering
    org.mockito.Mockito.doAnswer(call -> {
      runtime.deleteProcessInstance(pi.getId(), "申请人撤回申请", true);
      return null;
    }).when(marriageRegistry).checkNotMarried(anyString(), anyString(), anyString());
    runStep(pi, "Task_CheckMarriageRecords");

    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CANCELED);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(slaRecords.forInstance(pi.getId())).extracting(r -> r.stepId() + ":" + r.stateAt(Instant.now()))
        .contains("Task_CheckMarriageRecords:CANCELED");
  }

  @Test
  void aCanceledCaseTellsTheApplicantWhatWasAlreadyDone() {
    ProcessInstance pi = registered(false, false);
    runtime.deleteProcessInstance(pi.getId(), "户籍系统故障，转人工办理", true);

    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CANCELED);
    String notice = outboxBodies(pi.getBusinessKey(), "CANCELLATION").get(0);
    assertThat(notice).contains("撤销前已办理的事项").contains("结婚证字号：J330400-2026-000001")
        .contains("户籍系统故障，转人工办理").doesNotContain("户籍婚姻状况");
    // and each department step started for it is asked to void its work, with its own key
    assertThat(jdbc.sql("select request_key from department_void where case_number = ?").param(pi.getBusinessKey())
        .query(String.class).list()).contains(pi.getBusinessKey() + ":Task_CheckMarriageRecords",
            pi.getBusinessKey() + ":Task_RegisterMarriage");
  }

  @Test
  void aCaseCannotBeStartedInTheMiddleOrWithoutItsChecks() {
    long instances = runtime.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey("JXJH20260101000001")
        .setVariables(application(false, false)).startBeforeActivity("Task_RegisterMarriage").execute())
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("只能通过申请表单从头受理");
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(application(false, false))
        .startBeforeActivity("StartEvent_MarriageApplicationReceived").execute(true, false))
        .isInstanceOf(RejectedInputException.class);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    verify(marriageRegistry, never()).registerMarriage(anyString(), any(), any(), any());
  }

  @Test
  void theSameCoupleCannotOpenASecondCaseWhileOneIsOpen() {
    ProcessInstance first = start(application(false, false));
    assertThatThrownBy(() -> start(application(false, false))).isInstanceOf(RejectedInputException.class)
        .hasMessageContaining("已有相同申请人的办件正在办理中").hasMessageContaining(first.getBusinessKey());

    runtime.deleteProcessInstance(first.getId(), "test cleanup");
  }

  @Test
  void caseFilesWrittenBeforeSealingAreSealedAtStartUpAndStillRead() {
    jdbc.sql("insert into case_file (case_number, case_type, status, process_instance_id, applicant_name,"
            + " applicant_email, outcome_reason, opened_at, version) values ('JXJH20250101999999', 'MARRIAGE_HOUSEHOLD', 'REFUSED',"
            + " 'legacy-pi', '李雷', 'lilei@example.cn', '一方非自愿', ?, 0)")
        .param(java.sql.Timestamp.from(java.time.Instant.parse("2025-01-01T02:00:00Z"))).update();

    int sealed = cn.jiaxing.yijianshi.shared.Resealing.reseal(jdbc, protection, "case_file",
        cn.jiaxing.yijianshi.casefile.internal.JointCase.SEALED_COLUMNS, 2);

    assertThat(sealed).isGreaterThanOrEqualTo(1);
    Map<String, Object> row = jdbc.sql("select applicant_name, applicant_email, outcome_reason from case_file"
        + " where case_number = 'JXJH20250101999999'").query().singleRow();
    assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("enc:k1:"));
    var legacy = cases.find("JXJH20250101999999").orElseThrow();
    assertThat(legacy.applicantName()).isEqualTo("李雷");
    assertThat(legacy.outcomeReason()).isEqualTo("一方非自愿");
    assertThat(cn.jiaxing.yijianshi.shared.Resealing.reseal(jdbc, protection, "case_file",
        cn.jiaxing.yijianshi.casefile.internal.JointCase.SEALED_COLUMNS, 2)).isZero();
  }
}
