package cn.jiaxing.yijianshi.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: right after the commit that wrote it, and every
 * {@code yijianshi.mail.send-interval} for retries; a batch of due mail is claimed in one commit, then
 * sent and recorded mail by mail. An SMTP outage leaves mail PENDING with a
 * growing back-off (capped at an hour) until the server is back; nothing is lost. Gauges
 * {@code yijianshi_mail_pending} and {@code yijianshi_mail_failed} at /actuator/prometheus.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  static final int BATCH = 50;

  static {
    namedStreamProvider();
  }

  /**
   * Jakarta Mail looks up its {@link jakarta.mail.util.StreamProvider} through {@link java.util.ServiceLoader} each
   * time a header is encoded or decoded (jakartaee/mail-api#861): in the application's nested jar that scan of
   * every library took ≈ 4% of all the platform's CPU under load. Named by the system property it reads first,
   * the provider is one {@code Class.forName} of a class already loaded. A value set on the command line stays.
   */
  static void namedStreamProvider() {
    if (System.getProperty(jakarta.mail.util.StreamProvider.class.getName()) == null) {
      System.setProperty(jakarta.mail.util.StreamProvider.class.getName(),
          org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
    }
  }

  private final MailOutbox outbox;
  private final JavaMailSender smtp;
  private final MailProperties properties;
  private final Executor executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mail-sender");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Timer polls;
  private final FailureLog failures = new FailureLog(java.time.Clock.systemUTC(), Duration.ofMinutes(10));

  MailDispatcher(MailOutbox outbox, JavaMailSender smtp, MailProperties properties, MeterRegistry meters) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
    Gauge.builder("yijianshi.mail.pending", outbox, o -> o.count(MailOutbox.Status.PENDING))
        .description("mail waiting in the outbox (an SMTP outage shows here)").register(meters);
    Gauge.builder("yijianshi.mail.failed", outbox, o -> o.count(MailOutbox.Status.FAILED))
        .description("mail that cannot be sent (e.g. a malformed address)").register(meters);
    this.polls = Timer.builder("yijianshi.mail.poll").description("one look into the outbox for mail due to be sent")
        .publishPercentiles(0.5, 0.95).register(meters);
  }

  /**
   * Sends due mail soon, off the caller's thread. Triggers that arrive while a pass is waiting to run
   * are one pass: a burst of commits is sent as batches, not as one pass per commit.
   */
  void trigger() {
    if (queued.compareAndSet(false, true)) {
      executor.execute(() -> {
        queued.set(false);
        sendDue();
      });
    }
  }

  /** The retry poll: releases mail a dead node left claimed, then sends what is due on the sender thread. */
  @Scheduled(fixedDelayString = "${yijianshi.mail.send-interval:PT15S}", initialDelayString = "PT5S")
  public void poll() {
    try {
      outbox.releaseStale(properties.staleAfter());
    } catch (RuntimeException e) {
      log.warn("Mail outbox release failed: {}", e.toString());
    }
    trigger();
  }

  /** Sends what is due, claimed in batches of up to {@value #BATCH}. */
  void sendDue() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Long> due;
      do {
        due = polls.record(() -> outbox.due(BATCH));
        if (!due.isEmpty()) {
          // each mail recorded as sent right after it went out: if the database goes away mid-batch, at
          // most the one in flight goes out again; the rest stays claimed until stale-after
          outbox.claim(due).forEach(this::send);
        }
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      log.warn("Mail outbox pass failed: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  private void send(MailOutbox.Mail mail) {
    try {
      MimeMessage message = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      helper.setTo(mail.recipient());
      helper.setSubject(mail.subject());
      helper.setText(mail.body());
      smtp.send(message);
    } catch (Exception e) {
      boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException
          || e instanceof jakarta.mail.internet.AddressException;
      outbox.failed(mail.id(), mail.attempts(), permanent, e.toString());
      failures.failed(mail.id(), permanent, e.toString());
      return;
    }
    markSent(mail);
    failures.sent();
  }

  /**
   * The mail went out: record it, retrying a lock conflict with another node (a deadlock here must
   * not look like a failed send, or the mail would be sent again).
   */
  private void markSent(MailOutbox.Mail mail) {
    for (int attempt = 1; ; attempt++) {
      try {
        outbox.sent(List.of(mail.id()));
        log.info("Sent mail {} (attempt {})", mail.id(), mail.attempts() + 1);
        return;
      } catch (TransientDataAccessException e) {
        if (attempt == 5) {
          // stays SENDING; released after 10 minutes and then sent once more: at least once, never lost
          log.warn("Mail {} sent but not recorded: {}", mail.id(), e.toString());
          return;
        }
      }
    }
  }

  /**
   * Failed sends, summarised: the first failure after a success is a WARN with its error, then one WARN
   * per {@code every} while they go on (how many attempts failed, the last error), and one INFO when
   * mail goes out again — an SMTP outage of a day is a few dozen lines, not one per mail and attempt.
   * A mail that can never be sent (a malformed address) is always a WARN of its own.
   */
  static final class FailureLog {

    private final java.time.Clock clock;
    private final Duration every;
    private int failedSince;
    private java.time.Instant lastSummary;
    private String lastError;

    FailureLog(java.time.Clock clock, Duration every) {
      this.clock = clock;
      this.every = every;
    }

    synchronized void failed(long mailId, boolean permanent, String error) {
      if (permanent) {
        log.warn("Mail {} cannot be sent and is marked FAILED: {}", mailId, error);
        return;
      }
      failedSince++;
      lastError = error;
      java.time.Instant now = clock.instant();
      if (failedSince == 1) {
        log.warn("Mail not sent, kept in the outbox and retried: {} (further failures are summarised every {})",
            error, every);
        lastSummary = now;
      } else if (!now.isBefore(lastSummary.plus(every))) {
        log.warn("Mail still not sent: {} attempts failed so far, last error: {}", failedSince, lastError);
        lastSummary = now;
      }
    }

    synchronized void sent() {
      if (failedSince > 0) {
        log.info("Mail sent again after {} failed attempt(s)", failedSince);
        failedSince = 0;
      }
    }

    synchronized int failedSince() {
      return failedSince;
    }
  }
}
