package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.sla.SlaCalendarRecount;
import cn.jiaxing.yijianshi.sla.SlaDashboard;
import cn.jiaxing.yijianshi.sla.SlaEscalation;
import cn.jiaxing.yijianshi.sla.SlaRecord;
import cn.jiaxing.yijianshi.sla.SlaRecords;
import cn.jiaxing.yijianshi.sla.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Time limits in Chinese working days, 补正 clock stops, reminders and 督办 — with the engine clock moved. */
class SlaSupervisionProcessTests extends ProcessTestSupport {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

  @Autowired SlaEscalation escalation;
  @Autowired SlaDashboard dashboard;
  @Autowired SlaRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Instant at(String local) {
    Instant instant = LocalDateTime.parse(local).atZone(SH).toInstant();
    ClockUtil.setCurrentTime(Date.from(instant));
    return instant;
  }

  private static Instant local(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  private ProcessInstance marriage() {
    ProcessInstance pi = marriageApplication();
    runStep(pi, "Task_CheckMarriageRecords");
    return pi;
  }

  private ProcessInstance marriageApplication() {
    Map<String, Object> v = new HashMap<>();
    v.put(MarriageVariables.GROOM_NAME, "张伟");
    v.put(MarriageVariables.GROOM_ID_NUMBER, TestPeople.man(30));
    v.put(MarriageVariables.BRIDE_NAME, "王芳");
    v.put(MarriageVariables.BRIDE_ID_NUMBER, TestPeople.woman(28));
    v.put(MarriageVariables.DECLARATION_SIGNED, true);
    v.put(MarriageVariables.BOTH_PRESENT, true);
    return runtime.startProcessInstanceByKey(MarriageVariables.PROCESS_KEY, v);
  }

  private SlaRecord record(ProcessInstance pi, String step) {
    return records.forInstance(pi.getId()).stream().filter(r -> r.stepId().equals(step)).findFirst().orElseThrow();
  }

  private List<String> mails(ProcessInstance pi, String kind) {
    return jdbc.sql("select recipient from mail_outbox where case_number = ? and kind = ?")
        .params(pi.getBusinessKey(), kind).query(String.class).list().stream()
        .map(r -> protection.open(cn.jiaxing.yijianshi.notification.MailOutbox.RECIPIENT, r)).toList();
  }

  /**
   * The dashboard's figures per process and department, each state counted once (the counts are read
   * through four indexes, V10): on track, due soon, overdue (past due even when the warning instant was
   * moved after it), paused, met, missed, canceled, and completed before the period.
   */
  @Test
  void theDashboardCountsEachRecordInItsState() {
    Instant now = at("2026-11-10T10:00:00");
    String process = "DashboardCheck" + System.nanoTime();
    java.util.function.BiConsumer<String, Object[]> row = (department, v) -> jdbc.sql(
            "insert into sla_record (occurrence_id, process_instance_id, process_key, step_id, department, policy,"
                + " started_at, warn_at, due_at, completed_at, canceled, paused_since, paused_ms)"
                + " values (?, ?, ?, 's', ?, '5WD', ?, ?, ?, ?, ?, ?, 0)")
        .params(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), process, department,
            ts(now.minus(Duration.ofDays(40))), ts((Instant) v[0]), ts((Instant) v[1]), ts((Instant) v[2]), v[3],
            ts((Instant) v[4]))
        .update();
    Instant past = now.minus(Duration.ofHours(1));
    Instant later = now.plus(Duration.ofDays(2));
    Instant soon = now.plus(Duration.ofHours(2));
    row.accept("mz", new Object[] {later, later, null, false, null});                          // on track
    row.accept("mz", new Object[] {past, soon, null, false, null});                            // due soon
    row.accept("mz", new Object[] {past, past, null, false, null});                            // overdue
    row.accept("mz", new Object[] {later, past, null, false, null});                           // overdue, warning moved
    row.accept("mz", new Object[] {past, past, null, false, now.minus(Duration.ofDays(1))});   // paused
    row.accept("mz", new Object[] {past, soon, past, false, null});                            // met
    row.accept("mz", new Object[] {past, past, now.minus(Duration.ofMinutes(1)), false, null}); // missed
    row.accept("mz", new Object[] {past, past, past, true, null});                             // canceled
    row.accept("mz", new Object[] {past, soon, now.minus(Duration.ofDays(31)), false, null});  // before the period
    row.accept(null, new Object[] {later, later, null, false, null});                          // the case, on track
    row.accept("ga", new Object[] {past, soon, now.minus(Duration.ofDays(31)), false, null});  // only before the period

    List<SlaDashboard.Row> rows = dashboard.summary(30).rows().stream().filter(r -> r.processKey().equals(process)).toList();
    assertThat(rows).extracting(SlaDashboard.Row::department).containsExactly("case", "mz");
    SlaDashboard.Row mz = rows.get(1);
    assertThat(List.of(mz.open(), mz.dueSoon(), mz.overdue(), mz.paused(), mz.completed(), mz.met()))
        .containsExactly(5, 1, 2, 1, 2, 1);
    assertThat(mz.metShare()).isEqualTo(0.5);
    SlaDashboard.Row theCase = rows.get(0);
    assertThat(List.of(theCase.open(), theCase.dueSoon(), theCase.overdue(), theCase.paused(), theCase.completed()))
        .containsExactly(1, 0, 0, 0, 0);
    assertThat(theCase.metShare()).isNull();
  }

  private static java.sql.Timestamp ts(Instant instant) {
    return instant == null ? null : java.sql.Timestamp.from(instant);
  }

  @Test
  void aCaseOpenedTheAfternoonBeforeNationalDayIsDueAfterTheHolidays() {
    at("2026-09-30T15:30");
    ProcessInstance pi = marriage();

    assertThat(task(pi, "Task_ConfirmMarriageRegistration").getDueDate().toInstant())
        .isEqualTo(local("2026-10-08T23:59:59"));
    // case promise 5WD: Oct 8, 9, 10 (make-up Saturday), 12, 13
    assertThat(caseOf(pi).dueAt()).isEqualTo(local("2026-10-13T23:59:59"));
    assertThat(record(pi, SlaRecords.CASE_STEP).dueAt()).isEqualTo(local("2026-10-13T23:59:59"));
    assertThat(record(pi, "Task_ConfirmMarriageRegistration").department()).isEqualTo("mz");
  }

  @Test
  void aDueDateInAYearWithoutItsNoticeIsProvisionalAndRecountedWhenTheNoticeIsAdded() throws Exception {
    at("2026-12-31T10:00");
    ProcessInstance pi = marriage();

    // 2027 has no block in the bundled calendar: 1 Jan (元旦) is off by the law, no 调休 known
    SlaRecord step = record(pi, "Task_ConfirmMarriageRegistration");
    assertThat(step.dueAt()).isEqualTo(local("2027-01-04T23:59:59"));
    assertThat(step.provisionalFrom()).isEqualTo(2027);
    assertThat(record(pi, SlaRecords.CASE_STEP).dueAt()).isEqualTo(local("2027-01-08T23:59:59"));
    assertThat(record(pi, SlaRecords.CASE_STEP).provisional()).isTrue();
    assertThat(recount(WorkingDayCalendar.loadDefault())).isZero(); // still no notice: nothing moves

    // the notice arrives (hypothetical block for this test: Saturday 2 Jan a make-up working day)
    String published;
    try (var in = getClass().getClassLoader().getResourceAsStream(WorkingDayCalendar.DEFAULT_RESOURCE)) {
      published = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          + "\n[2027] 测试用\noff 2027-01-01\nwork 2027-01-02\n";
    }
    WorkingDayCalendar withNotice = WorkingDayCalendar.parse(new java.io.StringReader(published));
    assertThat(recount(withNotice)).isEqualTo(2);
    assertThat(recount(withNotice)).isZero(); // once, also with several nodes starting

    step = record(pi, "Task_ConfirmMarriageRegistration");
    assertThat(step.dueAt()).isEqualTo(local("2027-01-02T23:59:59"));
    assertThat(step.provisional()).isFalse();
    assertThat(task(pi, "Task_ConfirmMarriageRegistration").getDueDate().toInstant())
        .isEqualTo(local("2027-01-02T23:59:59"));
    // case promise 5WD: Jan 2, 4, 5, 6, 7
    assertThat(record(pi, SlaRecords.CASE_STEP).dueAt()).isEqualTo(local("2027-01-07T23:59:59"));
    assertThat(caseOf(pi).dueAt()).isEqualTo(local("2027-01-07T23:59:59"));
    assertThat(dashboard.timeline(pi.getId()).events()).extracting(SlaRecords.SlaEvent::message)
        .contains("2027年放假安排已发布，核实双方并准予登记办理期限由2027年1月4日改为2027年1月2日");
  }

  private int recount(WorkingDayCalendar calendar) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    SlaCalendarRecount recount = new SlaCalendarRecount(records, calendar, tasks, cases, java.time.Clock.systemUTC(), SH,
        tx);
    return tx.execute(status -> recount.recount());
  }

  @Test
  void theReminderAndTheEscalationGoOutExactlyOnceEvenWithTwoNodesScanning() throws Exception {
    at("2026-09-30T15:30");
    ProcessInstance pi = marriage();

    at("2026-10-07T18:00");
    escalation.scan();
    assertThat(mails(pi, "SLA_DUE_SOON")).isEmpty();
    assertThat(record(pi, "Task_ConfirmMarriageRegistration").stateAt(local("2026-10-07T18:00")))
        .isEqualTo(SlaRecord.State.ON_TRACK);

    at("2026-10-08T09:00");
    escalation.scan();
    escalation.scan();
    assertThat(mails(pi, "SLA_DUE_SOON")).containsExactly("minzheng@yijianshi.jiaxing.local");

    at("2026-10-09T09:00");
    twoNodesScan();
    twoNodesScan();
    assertThat(mails(pi, "SLA_OVERDUE")).containsExactly("dubang@yijianshi.jiaxing.local");
    assertThat(mails(pi, "SLA_DUE_SOON")).hasSize(1);
    SlaDashboard.Timeline timeline = dashboard.timeline(pi.getId());
    assertThat(timeline.events()).extracting(SlaRecords.SlaEvent::kind).containsExactly("DUE_SOON", "OVERDUE");
    assertThat(timeline.events().get(1).message()).startsWith("【督办】").contains(pi.getBusinessKey())
        .contains("已超期 1 个工作日");
    assertThat(tasks.getProcessInstanceComments(pi.getId())).extracting(c -> c.getFullMessage())
        .anySatisfy(m -> assertThat(m).startsWith("【督办】"));
    // the case promise (Oct 13) is not overdue yet
    assertThat(record(pi, SlaRecords.CASE_STEP).escalatedAt()).isNull();

    at("2026-10-14T09:00");
    escalation.scan();
    assertThat(mails(pi, "SLA_OVERDUE")).hasSize(2);
    assertThat(record(pi, SlaRecords.CASE_STEP).escalatedAt()).isNotNull();
  }

  private void twoNodesScan() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Runnable node = () -> {
      ClockUtil.setCurrentTime(Date.from(now));
      try {
        together.await();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      escalation.scan();
    };
    CompletableFuture.allOf(CompletableFuture.runAsync(node), CompletableFuture.runAsync(node)).get();
  }

  @Test
  void aDepartmentSystemThatDoesNotAnswerIsTimedAndEscalated() {
    at("2026-11-02T10:00");
    ProcessInstance pi = marriageApplication(); // the registry's job is not run: the department is down
    SlaRecord wait = record(pi, "Task_CheckMarriageRecords");
    assertThat(wait.department()).isEqualTo("mz");
    assertThat(wait.dueAt()).isEqualTo(local("2026-11-03T23:59:59")); // yijianshi.sla.department-call: 1WD

    at("2026-11-04T09:00");
    escalation.scan();
    assertThat(mails(pi, "SLA_OVERDUE")).containsExactly("dubang@yijianshi.jiaxing.local");
    assertThat(dashboard.timeline(pi.getId()).events()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("查询婚姻登记记录").contains("民政局（婚姻登记）"));

    runStep(pi, "Task_CheckMarriageRecords");
    assertThat(record(pi, "Task_CheckMarriageRecords").stateAt(Instant.now())).isEqualTo(SlaRecord.State.MISSED);
  }

  @Test
  void theMarriageIsRegisteredAsOfTheDayTheRegistrarApproves() {
    at("2026-11-02T10:00");
    ProcessInstance pi = marriage();
    at("2026-11-04T15:00");
    complete(pi, "Task_ConfirmMarriageRegistration", Map.of(MarriageVariables.MARRIAGE_APPROVED, true,
        MarriageVariables.PARTIES_PRESENT, true, MarriageVariables.VOLUNTARY, true,
        MarriageVariables.NO_PROHIBITED_KINSHIP, true));
    runStep(pi, "Task_RegisterMarriage");
    verify(marriageRegistry).registerMarriage(anyString(), any(), any(), eq(LocalDate.of(2026, 11, 4)));
  }

  @Test
  void completingOnTimeIsMetAndLateIsMissed() {
    at("2026-11-02T10:00");
    ProcessInstance onTime = marriage();
    ProcessInstance late = marriage();
    complete(onTime, "Task_ConfirmMarriageRegistration", Map.of(MarriageVariables.MARRIAGE_APPROVED, false,
        MarriageVariables.REFUSAL_REASON, "测试"));
    at("2026-11-04T10:00");
    complete(late, "Task_ConfirmMarriageRegistration", Map.of(MarriageVariables.MARRIAGE_APPROVED, false,
        MarriageVariables.REFUSAL_REASON, "测试"));

    assertThat(record(onTime, "Task_ConfirmMarriageRegistration").stateAt(Instant.now())).isEqualTo(SlaRecord.State.MET);
    assertThat(record(late, "Task_ConfirmMarriageRegistration").stateAt(Instant.now())).isEqualTo(SlaRecord.State.MISSED);
  }

  @Test
  void supplementingMaterialsStopsTheDepartmentsClockAndMovesTheDueDates() {
    at("2026-11-02T10:00"); // Monday
    Map<String, Object> application = TestApplications.birth(TestPeople.woman(29), TestPeople.man(31), null);
    application.put(BirthVariables.CHILD_BIRTH_DATE, "2026-10-30");
    ProcessInstance pi = runtime.startProcessInstanceByKey(BirthVariables.PROCESS_KEY, application);
    assertThat(task(pi, "Task_VerifyBirthRecord").getDueDate().toInstant()).isEqualTo(local("2026-11-03T23:59:59"));
    assertThat(caseOf(pi).dueAt()).isEqualTo(local("2026-11-09T23:59:59"));

    assertThatThrownBy(() -> complete(pi, "Task_VerifyBirthRecord", Map.of("supplementRequested", true)))
        .hasStackTraceContaining("需补正的材料及要求不能为空");
    complete(pi, "Task_VerifyBirthRecord", Map.of("supplementRequested", true, "supplementNote", "请补交出生医学证明首联"));
    BpmnAwareTestsBridge.assertWaitingAt(pi, "Task_SupplementBirthMaterials");
    assertThat(record(pi, "Task_VerifyBirthRecord").stateAt(local("2026-11-04T12:00"))).isEqualTo(SlaRecord.State.PAUSED);
    assertThat(record(pi, SlaRecords.CASE_STEP).pausedSince()).isNotNull();

    at("2026-11-05T15:00"); // Thursday: Tue, Wed, Thu do not count against the hospital
    complete(pi, "Task_SupplementBirthMaterials", Map.of("materialsSupplemented", true));

    assertThat(task(pi, "Task_VerifyBirthRecord").getDueDate().toInstant()).isEqualTo(local("2026-11-06T23:59:59"));
    assertThat(caseOf(pi).dueAt()).isEqualTo(local("2026-11-12T23:59:59"));
    SlaRecord verify = record(pi, "Task_VerifyBirthRecord");
    assertThat(verify.pausedSince()).isNull();
    assertThat(verify.pausedMillis()).isEqualTo((3 * 24 + 5) * 3600_000L);
    assertThat(dashboard.timeline(pi.getId()).events()).extracting(e -> e.stepId() + ":" + e.kind())
        .containsExactly("Task_VerifyBirthRecord:PAUSED", "Task_VerifyBirthRecord:RESUMED", "case:RESUMED");

    complete(pi, "Task_VerifyBirthRecord", Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, true));
    assertThat(record(pi, "Task_VerifyBirthRecord").stateAt(Instant.now())).isEqualTo(SlaRecord.State.MET);
  }

  @Test
  void aCaseEndedByARefusalLeavesNoStepOpen() {
    ProcessInstance pi = runtime.startProcessInstanceByKey(BirthVariables.PROCESS_KEY,
        TestApplications.birth(TestPeople.woman(29), TestPeople.man(31), null));
    // the vaccination and 生育登记 jobs are pending when the hospital rejects the record (terminate end event)
    complete(pi, "Task_VerifyBirthRecord", Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, false,
        BirthVariables.REFUSAL_REASON, "医院无该产妇分娩记录"));

    assertThat(records.forInstance(pi.getId())).allSatisfy(r -> assertThat(r.completedAt()).isNotNull());
    assertThat(record(pi, "Task_IssueVaccinationRecord").stateAt(Instant.now())).isEqualTo(SlaRecord.State.CANCELED);
    assertThat(record(pi, SlaRecords.CASE_STEP).stateAt(Instant.now())).isEqualTo(SlaRecord.State.MET);
  }

  /** camunda-bpm-assert's assertThat clashes with AssertJ's; keep its use in one place. */
  private static final class BpmnAwareTestsBridge {
    static void assertWaitingAt(ProcessInstance pi, String... activities) {
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt(activities);
    }
  }
}
