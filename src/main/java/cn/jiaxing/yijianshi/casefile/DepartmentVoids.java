package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.casefile.internal.JointCaseRepository;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.departments.VoidClient;
import cn.jiaxing.yijianshi.engine.StepOccurrences;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Void work: when a case is refused or cancelled, every department step started for it (done, in
 * flight, or not yet called) gets a void request ({@link VoidClient}), written in the transaction that
 * closes the case and sent after it commits, then retried with back-off until the department answers
 * (an outage loses nothing; the request is idempotent, so a second node sending it too is harmless).
 * When every department of the case has answered and some effect could not be undone, the applicant is
 * told what stands ({@link DepartmentVoidsAnswered}, written once even with several nodes).
 */
@Service
public class DepartmentVoids {

  private static final Logger log = LoggerFactory.getLogger(DepartmentVoids.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  enum Status { PENDING, UNDONE, STANDS, NOTHING }

  private final JdbcClient db;
  private final StepOccurrences occurrences;
  private final VoidClient client;
  private final Departments departments;
  private final JointCaseRepository cases;
  private final CaseTypes types;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration retry;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Executor executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "department-voids");
    t.setDaemon(true);
    return t;
  });

  DepartmentVoids(JdbcClient db, StepOccurrences occurrences, VoidClient client, Departments departments,
      JointCaseRepository cases, CaseTypes types, ApplicationEventPublisher events, TransactionTemplate tx,
      Clock clock, @Value("${yijianshi.departments.void-retry:PT30S}") Duration retry) {
    this.retry = retry;
    this.db = db;
    this.occurrences = occurrences;
    this.client = client;
    this.departments = departments;
    this.cases = cases;
    this.types = types;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** One void request and where it stands. */
  public record VoidRequest(String department, String requestKey, String status, String outcome, int attempts) {
  }

  @EventListener
  void on(CaseClosed e) {
    if (e.status() == CaseStatus.COMPLETED) {
      return;
    }
    String reason = truncate(e.status().displayName() + (e.reason() == null ? "" : "：" + e.reason()), 500);
    Timestamp now = Timestamp.from(clock.instant());
    int written = 0;
    for (StepOccurrences.CalledDepartment called : occurrences.ofCase(e.caseNumber())) {
      written += db.sql("insert into department_void (case_number, department, request_key, reason, status, attempts,"
              + " next_attempt_at, noticed, created_at) select ?, ?, ?, ?, 'PENDING', 0, ?, false, ? from (select 1 x) one"
              + " where not exists (select 1 from department_void where department = ? and request_key = ?)")
          .params(e.caseNumber(), called.department(), called.idempotencyKey(), reason, now, now,
              called.department(), called.idempotencyKey())
          .update();
    }
    if (written > 0) {
      log.info("Case {} {}: {} department step(s) to void", e.caseNumber(), e.status(), written);
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            executor.execute(DepartmentVoids.this::sendDue);
          }
        });
      }
    }
  }

  /** The void requests of a case, in order. */
  public List<VoidRequest> ofCase(String caseNumber) {
    return db.sql("select department, request_key, status, outcome, attempts from department_void"
            + " where case_number = ? order by id")
        .param(caseNumber)
        .query((rs, n) -> new VoidRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5)))
        .list();
  }

  /** Sends the void requests that are due; then tells the applicants of cases whose departments have all answered. */
  @Scheduled(fixedDelayString = "${yijianshi.departments.void-interval:PT30S}", initialDelayString = "PT10S")
  public void sendDue() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Due> due = db.sql("select id, department, request_key, reason, attempts, case_number from department_void"
              + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 50")
          .param(Timestamp.from(clock.instant()))
          .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
              rs.getString(6)))
          .list();
      for (Due d : due) {
        if (claim(d)) {
          send(d);
        }
      }
      for (String caseNumber : answeredCases()) {
        tx.executeWithoutResult(status -> notice(caseNumber));
      }
    } catch (RuntimeException e) {
      log.warn("Department void pass failed: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  private record Due(long id, String department, String requestKey, String reason, int attempts, String caseNumber) {
  }

  /** This node sends it now: the next attempt is pushed back first, so a crash mid-call only delays it. */
  private boolean claim(Due d) {
    Duration backoff = retry.multipliedBy(1L << Math.min(d.attempts(), 7));
    Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    return db.sql("update department_void set attempts = attempts + 1, next_attempt_at = ?"
            + " where id = ? and attempts = ? and status = 'PENDING'")
        .params(Timestamp.from(next), d.id(), d.attempts()).update() == 1;
  }

  private void send(Due d) {
    VoidClient.VoidAnswer answer;
    try {
      answer = client.requestVoid(d.department(), d.requestKey(), d.reason());
    } catch (RuntimeException e) {
      db.sql("update department_void set last_error = ? where id = ?")
          .params(truncate(ResidentIdNumber.maskAll(e.getMessage() == null ? e.toString() : e.getMessage()), 500), d.id())
          .update();
      log.warn("Void of {} at {} not answered (attempt {}): {}", d.requestKey(), d.department(), d.attempts() + 1,
          e.toString());
      return;
    }
    Status status = !answer.hadEffect() ? Status.NOTHING : answer.undone() ? Status.UNDONE : Status.STANDS;
    db.sql("update department_void set status = ?, outcome = ?, answered_at = ?, last_error = null"
            + " where id = ? and status = 'PENDING'")
        .params(status.name(), truncate(ResidentIdNumber.maskAll(answer.message()), 500),
            Timestamp.from(clock.instant()), d.id())
        .update();
    log.info("Void of {} at {}: {}", d.requestKey(), d.department(), status);
  }

  private List<String> answeredCases() {
    // only cases not yet told: read through ix_department_void_unnoticed, not the whole history
    return db.sql("select case_number from department_void where noticed = false group by case_number"
            + " having sum(case when status = 'PENDING' then 1 else 0 end) = 0")
        .query(String.class).list();
  }

  /** Once per case (the update decides which node): what could not be undone goes to the applicant. */
  private void notice(String caseNumber) {
    if (db.sql("update department_void set noticed = true where case_number = ? and noticed = false")
        .param(caseNumber).update() == 0) {
      return;
    }
    List<DepartmentVoidsAnswered.Standing> standing = db.sql("select department, outcome from department_void"
            + " where case_number = ? and status = 'STANDS' order by id")
        .param(caseNumber)
        .query((rs, n) -> new DepartmentVoidsAnswered.Standing(
            departments.find(rs.getString(1)).map(dep -> dep.organisation()).orElse(rs.getString(1)), rs.getString(2)))
        .list();
    cases.findByCaseNumber(caseNumber).ifPresent(c -> events.publishEvent(new DepartmentVoidsAnswered(caseNumber,
        types.byName(c.getType()), c.getApplicantName(), c.getApplicantEmail(), standing)));
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
