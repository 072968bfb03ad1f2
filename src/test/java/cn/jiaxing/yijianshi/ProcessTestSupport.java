package cn.jiaxing.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.casefile.CaseSummary;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.MarriageRegistryClient;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import cn.jiaxing.yijianshi.departments.SocialSecurityCardClient;
import cn.jiaxing.yijianshi.departments.VaccinationClient;
import cn.jiaxing.yijianshi.notification.MailOutbox;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Process tests: the real engine, listeners and SLA policies on in-memory H2; department clients
 * mocked; no job executor and no automatic department calls — each department step's call is made explicitly.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "yijianshi.simulator.enabled=false",
    "yijianshi.engine.department-calls.enabled=false",
    "yijianshi.sla.scan-interval=PT24H", "yijianshi.sla.scan-initial-delay=PT24H"})
public abstract class ProcessTestSupport {

  @MockitoBean protected MarriageRegistryClient marriageRegistry;
  @MockitoBean protected HouseholdRegistryClient households;
  @MockitoBean protected HealthCommissionClient health;
  @MockitoBean protected VaccinationClient vaccination;
  @MockitoBean protected MedicalInsuranceClient insurance;
  @MockitoBean protected SocialSecurityCardClient cards;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.SocialAssistanceClient assistance;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.PensionClient pensions;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.DisabledPersonsClient disability;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.HousingFundClient housingFund;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.BankDepositClient banks;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.RealEstateRegistryClient realEstate;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.TrafficPoliceClient traffic;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.SecuritiesRegistryClient securities;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.InsuranceClaimsClient insurers;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.EconomicCheckClient economicCheck;
  @MockitoBean protected cn.jiaxing.yijianshi.departments.CourtClient court;

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected cn.jiaxing.yijianshi.engine.DepartmentCalls calls;
  @Autowired protected CaseFiles cases;
  @Autowired protected cn.jiaxing.yijianshi.shared.DataProtection protection;

  /** The bodies of the case's mail in the outbox (sealed at rest), of one kind or all. */
  protected List<String> outboxBodies(String caseNumber, String kind) {
    return jdbc().sql("select body, kind from mail_outbox where case_number = ? order by id").param(caseNumber)
        .query((rs, n) -> kind == null || kind.equals(rs.getString(2))
            ? protection.open(cn.jiaxing.yijianshi.notification.MailOutbox.BODY, rs.getString(1)) : null)
        .list().stream().filter(java.util.Objects::nonNull).toList();
  }

  private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
    return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
  }

  @Autowired protected javax.sql.DataSource dataSource;
  @Autowired protected Departments departments;
  @Autowired protected MailOutbox outbox;

  @BeforeEach
  protected void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  /**
   * Makes the pending call of a department step (whatever its retry time; a technical fault is thrown), or
   * executes the pending job of another asynchronous step.
   */
  protected void runStep(ProcessInstance pi, String stepId) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(stepId).singleResult();
    if (job != null) {
      management.executeJob(job.getId());
      return;
    }
    assertThat(calls.callNow(pi.getId(), stepId)).as("call of " + stepId).isEqualTo(1);
  }

  /** Makes the calls of every element of a multi-instance step; returns how many were made. */
  protected int runSteps(ProcessInstance pi, String stepId) {
    return calls.callNow(pi.getId(), stepId);
  }

  /** The process instance a call activity of {@code pi} started (the case's part), or fails. */
  protected ProcessInstance called(ProcessInstance pi) {
    ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(called).as("called process of " + pi.getId()).isNotNull();
    return called;
  }

  protected Task task(ProcessInstance pi, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("task " + taskKey).isNotNull();
    return task;
  }

  protected void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(pi, taskKey).getId(), variables);
  }

  protected CaseSummary caseOf(ProcessInstance pi) {
    return cases.find(pi.getBusinessKey()).orElseThrow();
  }

  protected List<String> mailKinds(ProcessInstance pi) {
    return outbox.forCase(pi.getBusinessKey()).stream().map(MailOutbox.OutboxEntry::kind).toList();
  }
}
