package cn.jiaxing.yijianshi.notification;

import cn.jiaxing.yijianshi.shared.DataProtection;
import cn.jiaxing.yijianshi.shared.Resealing;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table. A row is claimed by a conditional update, so two nodes never send it twice at once. */
@Repository
public class MailOutbox {

  public enum Status { PENDING, SENDING, SENT, FAILED }

  record Mail(long id, String recipient, String subject, String body, int attempts) {
  }

  /** The columns sealed at rest: who a mail goes to and what it says (names, case details). */
  public static final String RECIPIENT = "mail_outbox.recipient";
  public static final String BODY = "mail_outbox.body";

  private final JdbcClient db;
  private final Clock clock;
  private final DataProtection protection;

  MailOutbox(JdbcClient db, Clock clock, DataProtection protection) {
    this.db = db;
    this.clock = clock;
    this.protection = protection;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void add(String caseNumber, String kind, String recipient, String subject, String body) {
    Timestamp now = Timestamp.from(clock.instant());
    db.sql("insert into mail_outbox (case_number, kind, recipient, subject, body, status, attempts, next_attempt_at,"
            + " created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
        .params(caseNumber, kind, protection.seal(RECIPIENT, recipient), subject, protection.seal(BODY, body), now, now)
        .update();
  }

  /** Seals at start-up what is not sealed with the current key (mail from before sealing, or a key being rotated out). */
  @EventListener(ApplicationReadyEvent.class)
  void resealAtStart() {
    int resealed = Resealing.reseal(db, protection, "mail_outbox", List.of(RECIPIENT, BODY), 500);
    if (resealed > 0) {
      LoggerFactory.getLogger(MailOutbox.class).info("Sealed {} outbox mail(s) with the current data key", resealed);
    }
  }

  /** The mail due longest, first: read in order from ix_mail_outbox_due (status, next_attempt_at[, id]). */
  List<Long> due(int limit) {
    return db.sql("select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
            + " order by next_attempt_at, id limit ?")
        .params(Timestamp.from(clock.instant()), limit)
        .query(Long.class).list();
  }

  /**
   * Stale SENDING rows (a node died mid-send) go back to PENDING. They are found by a plain read (no lock) and
   * released one by one by key: an update over the index range would lock rows the senders are claiming and
   * marking meanwhile (InnoDB reported deadlocks under load), and nearly always there is nothing stale.
   */
  void releaseStale(Duration after) {
    Timestamp before = Timestamp.from(clock.instant().minus(after));
    List<Long> stale = db.sql("select id from mail_outbox where status = 'SENDING' and next_attempt_at <= ?")
        .param(before).query(Long.class).list();
    for (Long id : stale) {
      db.sql("update mail_outbox set status = 'PENDING' where id = ? and status = 'SENDING' and next_attempt_at <= ?")
          .params(id, before).update();
    }
  }

  /**
   * Claims the due rows another sender has not claimed first, in one transaction (one durable commit
   * for the batch, not one per mail), and reads them.
   */
  @Transactional
  List<Mail> claim(List<Long> ids) {
    Timestamp now = Timestamp.from(clock.instant());
    List<Long> claimed = new java.util.ArrayList<>(ids.size());
    for (long id : ids) {
      if (db.sql("update mail_outbox set status = 'SENDING', next_attempt_at = ? where id = ? and status = 'PENDING'")
          .params(now, id).update() == 1) {
        claimed.add(id);
      }
    }
    if (claimed.isEmpty()) {
      return List.of();
    }
    return db.sql("select id, recipient, subject, body, attempts from mail_outbox where id in (:ids) order by id")
        .param("ids", claimed)
        .query((rs, n) -> new Mail(rs.getLong(1), protection.open(RECIPIENT, rs.getString(2)), rs.getString(3),
            protection.open(BODY, rs.getString(4)), rs.getInt(5)))
        .list();
  }

  /** The mails went out: one update for the batch. */
  void sent(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    db.sql("update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1 where id in (:ids)")
        .param("now", Timestamp.from(clock.instant())).param("ids", ids).update();
  }

  /**
   * A failed attempt: retried with a growing back-off (capped at an hour) for as long as it takes,
   * unless the mail itself is unsendable ({@code permanent}: a malformed address), which is FAILED.
   */
  void failed(long id, int attempts, boolean permanent, String error) {
    Instant next = clock.instant().plus(backoff(attempts + 1));
    db.sql("update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
        .params(permanent ? "FAILED" : "PENDING", attempts + 1, Timestamp.from(next),
            error.length() > 500 ? error.substring(0, 500) : error, id)
        .update();
  }

  /** 30 s, 1 min, 2 min … capped at 1 h. */
  static Duration backoff(int attempts) {
    long seconds = Math.min(3600, 30L << Math.min(attempts - 1, 7));
    return Duration.ofSeconds(seconds);
  }

  /** Mail not sent yet, and mail that cannot be sent: the gauges operators watch. */
  public int count(Status status) {
    return db.sql("select count(*) from mail_outbox where status = ?").param(status.name()).query(Integer.class).single();
  }

  public List<OutboxEntry> forCase(String caseNumber) {
    return db.sql("select kind, recipient, subject, status, attempts from mail_outbox where case_number = ? order by id")
        .param(caseNumber)
        .query((rs, n) -> new OutboxEntry(rs.getString(1), protection.open(RECIPIENT, rs.getString(2)), rs.getString(3),
            Status.valueOf(rs.getString(4)), rs.getInt(5)))
        .list();
  }

  public record OutboxEntry(String kind, String recipient, String subject, Status status, int attempts) {
  }
}
