package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import static cn.jiaxing.yijianshi.marriagebirth.BirthVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import cn.jiaxing.yijianshi.engine.RejectedInputException;
import java.util.HashMap;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class BirthHouseholdProcessTests extends ProcessTestSupport {

  private static final String CHILD_ID = "330402202611200033";

  private String mother;
  private String father;

  @BeforeEach
  void parents() {
    mother = TestPeople.woman(29);
    father = TestPeople.man(31);
    when(health.issueBirthCertificate(anyString(), anyString(), anyString(), any(), anyString(), anyString()))
        .thenReturn("R33202600001");
    when(health.registerBirthPlanning(anyString(), anyString(), anyString())).thenReturn("SY1");
    when(vaccination.issueVaccinationRecord(anyString(), anyString(), any(), anyString())).thenReturn("JZ1");
    when(households.registerBirth(anyString(), any())).thenReturn(CHILD_ID);
    when(insurance.enrol(anyString(), anyString(), anyString(), any()))
        .thenReturn(new MedicalInsuranceClient.Enrolment("YB1", TestPeople.today().minusDays(5)));
    when(cards.applyForCard(anyString(), anyString(), anyString())).thenReturn("SBK1");
  }

  private Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put(CHILD_NAME, "张小宝");
    v.put(CHILD_SEX, "M");
    v.put(CHILD_BIRTH_DATE, TestPeople.today().minusDays(5).toString());
    v.put(BIRTH_HOSPITAL, "嘉兴市妇幼保健院");
    v.put(MOTHER_NAME, "王芳");
    v.put(MOTHER_ID_NUMBER, mother);
    v.put(FATHER_NAME, "张伟");
    v.put(FATHER_ID_NUMBER, father);
    v.put(HOUSEHOLD_PARENT, "FATHER");
    v.put(APPLICANT_EMAIL, "wangfang@example.cn");
    v.put(DECLARATION_SIGNED, true);
    return v;
  }

  private ProcessInstance start(Map<String, Object> v) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, v);
  }

  @Test
  void allSixServicesRunInTheLegalOrderAndTheCaseCompletes() {
    ProcessInstance pi = start(application());
    assertThat(pi.getBusinessKey()).startsWith("JXCS");

    // 1, 2, 3 in parallel; nothing of 4, 5, 6 yet
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_VerifyBirthRecord", "Task_IssueVaccinationRecord",
        "Task_RegisterBirthPlanning");
    BpmnAwareTests.assertThat(task(pi, "Task_VerifyBirthRecord")).hasCandidateGroup("wj");
    runStep(pi, "Task_IssueVaccinationRecord");
    runStep(pi, "Task_RegisterBirthPlanning");
    verify(health).registerBirthPlanning(pi.getBusinessKey() + ":Task_RegisterBirthPlanning", father, mother);

    complete(pi, "Task_VerifyBirthRecord", Map.of(BIRTH_RECORD_CONFIRMED, true));
    BpmnAwareTests.assertThat(pi).hasNotPassed("Task_RegisterBirthHousehold");
    runStep(pi, "Task_IssueBirthCertificate");
    BpmnAwareTests.assertThat(task(pi, "Task_ReviewBirthRegistration")).hasCandidateGroup("ga");
    assertThat(task(pi, "Task_ReviewBirthRegistration").getDueDate()).isNotNull();
    complete(pi, "Task_ReviewBirthRegistration", Map.of(BIRTH_REGISTRATION_APPROVED, true));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_RegisterBirthHousehold").hasNotPassed("Task_EnrolMedicalInsurance");
    runStep(pi, "Task_RegisterBirthHousehold");

    ArgumentCaptor<HouseholdRegistryClient.BirthRegistration> registration =
        ArgumentCaptor.forClass(HouseholdRegistryClient.BirthRegistration.class);
    verify(households).registerBirth(eq(pi.getBusinessKey() + ":Task_RegisterBirthHousehold"), registration.capture());
    assertThat(registration.getValue().birthCertificateNumber()).isEqualTo("R33202600001");
    assertThat(registration.getValue().householdParentIdNumber()).isEqualTo(father);

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EnrolMedicalInsurance", "Task_ApplySocialSecurityCard");
    runStep(pi, "Task_EnrolMedicalInsurance");
    runStep(pi, "Task_ApplySocialSecurityCard");
    verify(cards).applyForCard(pi.getBusinessKey() + ":Task_ApplySocialSecurityCard", CHILD_ID, "张小宝");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_BirthServicesCompleted");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.COMPLETED);
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "COMPLETION");
  }

  @Test
  void aBirthRecordThatDoesNotMatchEndsEveryBranch() {
    ProcessInstance pi = start(application());
    complete(pi, "Task_VerifyBirthRecord", Map.of(BIRTH_RECORD_CONFIRMED, false, REFUSAL_REASON, "医院无该产妇分娩记录"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_BirthRecordRejected");
    // the parallel department steps waiting for their calls were left uncalled
    org.mockito.Mockito.verifyNoInteractions(vaccination, health);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).isEqualTo("医院无该产妇分娩记录");
    assertThat(mailKinds(pi)).containsExactly("RECEIPT", "REFUSAL");
  }

  @Test
  void thePoliceRefusingTheRegistrationEndsTheCase() {
    ProcessInstance pi = start(application());
    complete(pi, "Task_VerifyBirthRecord", Map.of(BIRTH_RECORD_CONFIRMED, true));
    runStep(pi, "Task_IssueBirthCertificate");
    complete(pi, "Task_ReviewBirthRegistration", Map.of(BIRTH_REGISTRATION_APPROVED, false, REFUSAL_REASON, "户口簿信息不符"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_BirthRegistrationRefused")
        .hasNotPassed("Task_RegisterBirthHousehold");
    assertThat(caseOf(pi).outcomeReason()).isEqualTo("户口簿信息不符");
  }

  @Test
  void aParentHouseholdNotFoundEndsTheCaseWithThePoliceReason() {
    when(households.registerBirth(anyString(), any()))
        .thenThrow(new DepartmentRefusalException(departments.get("ga"), "HOUSEHOLD_NOT_FOUND",
            "未找到随其落户的父/母（" + father + "）的常住户口登记"));
    ProcessInstance pi = start(application());
    complete(pi, "Task_VerifyBirthRecord", Map.of(BIRTH_RECORD_CONFIRMED, true));
    runStep(pi, "Task_IssueBirthCertificate");
    complete(pi, "Task_ReviewBirthRegistration", Map.of(BIRTH_REGISTRATION_APPROVED, true));
    runStep(pi, "Task_RegisterBirthHousehold");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_HouseholdNotFound")
        .hasNotPassed("Task_EnrolMedicalInsurance", "Task_ApplySocialSecurityCard");
    assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.REFUSED);
    assertThat(caseOf(pi).outcomeReason()).contains("未找到随其落户").doesNotContain(father)
        .contains(father.substring(0, 6) + "********" + father.substring(14));
  }

  static Stream<Arguments> invalidApplications() {
    return Stream.of(
        bad("出生日期不能晚于今天", v -> v.put(CHILD_BIRTH_DATE, TestPeople.today().plusDays(1).toString())),
        bad("超出出生一件事联办时限", v -> v.put(CHILD_BIRTH_DATE, TestPeople.today().minusMonths(1).minusDays(1).toString())),
        bad("出生日期格式不正确", v -> v.put(CHILD_BIRTH_DATE, "20261301")),
        bad("母亲身份证号码显示性别为男", v -> v.put(MOTHER_ID_NUMBER, TestPeople.man(30))),
        bad("父亲身份证号码显示性别为女", v -> v.put(FATHER_ID_NUMBER, TestPeople.woman(30))),
        bad("出生医院不能为空", v -> v.remove(BIRTH_HOSPITAL)),
        bad("请选择新生儿性别", v -> v.put(CHILD_SEX, "X")),
        bad("请选择随父或随母落户", v -> v.remove(HOUSEHOLD_PARENT)),
        bad("办理登记表", v -> v.put(DECLARATION_SIGNED, false)),
        bad("联系电话应为11位手机号码", v -> v.put(APPLICANT_PHONE, "12345")));
  }

  private static Arguments bad(String message, Consumer<Map<String, Object>> change) {
    return Arguments.of(message, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidApplications")
  void anInvalidApplicationIsRejectedAndLeavesNothingBehind(String message, Consumer<Map<String, Object>> change) {
    Map<String, Object> v = application();
    change.accept(v);
    long instances = runtime.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> start(v)).isInstanceOf(RejectedInputException.class)
        .hasMessageStartingWith("出生一件事申请未受理").hasMessageContaining(message);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theSameChildCannotBeAppliedForTwiceWhileACaseIsOpen() {
    ProcessInstance first = start(application());
    assertThatThrownBy(() -> start(application())).hasMessageContaining(first.getBusinessKey());
    runtime.deleteProcessInstance(first.getId(), "test cleanup");
  }

  @Test
  void theReceiptAndTheNoticeMaskTheChildsIdNumber() {
    ProcessInstance pi = start(application());
    complete(pi, "Task_VerifyBirthRecord", Map.of(BIRTH_RECORD_CONFIRMED, true));
    runStep(pi, "Task_IssueBirthCertificate");
    complete(pi, "Task_ReviewBirthRegistration", Map.of(BIRTH_REGISTRATION_APPROVED, true));
    for (String step : new String[] {"Task_IssueVaccinationRecord", "Task_RegisterBirthPlanning",
        "Task_RegisterBirthHousehold", "Task_EnrolMedicalInsurance", "Task_ApplySocialSecurityCard"}) {
      runStep(pi, step);
    }
    String bodies = outboxBodies(pi.getBusinessKey());
    assertThat(bodies).contains("330402********0033").doesNotContain(CHILD_ID).doesNotContain(mother);
  }

  @Autowired
  JdbcClient jdbc;

  private String outboxBodies(String caseNumber) {
    return String.join("\n", outboxBodies(caseNumber, null));
  }
}
