package cn.jiaxing.yijianshi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** What the sender records after each attempt: a failed send is retried, a sent mail is never sent again. */
class MailDispatcherTests {

  private final MailOutbox outbox = mock(MailOutbox.class);
  private final JavaMailSender smtp = mock(JavaMailSender.class);
  private final MailDispatcher dispatcher = new MailDispatcher(outbox, smtp,
      new MailProperties("noreply@example.cn", Duration.ofSeconds(15), Duration.ofMinutes(10)), new SimpleMeterRegistry());
  private final MailOutbox.Mail mail = new MailOutbox.Mail(7, "a@example.cn", "【受理回执】", "正文", 0);

  @BeforeEach
  void oneDueMail() {
    when(smtp.createMimeMessage()).thenAnswer(i -> new MimeMessage(Session.getInstance(new Properties())));
    when(outbox.due(anyInt())).thenReturn(List.of(7L));
    when(outbox.claim(List.of(7L))).thenReturn(List.of(mail));
  }

  @Test
  void jakartaMailIsToldItsStreamProviderInsteadOfScanningTheClassPathForEachHeader() {
    // set when the class loads (the dispatcher above); a value given on the command line would stay
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(jakarta.mail.util.StreamProvider.provider())
        .isInstanceOf(org.eclipse.angus.mail.util.MailStreamProvider.class);
  }

  @Test
  void aLockConflictWhileRecordingASentMailIsRetriedAndTheMailIsNotSentAgain() {
    doThrow(new CannotAcquireLockException("Deadlock found")).doThrow(new CannotAcquireLockException("Deadlock found"))
        .doNothing().when(outbox).sent(List.of(7L));

    dispatcher.sendDue();

    verify(smtp, times(1)).send(any(MimeMessage.class));
    verify(outbox, times(3)).sent(List.of(7L));
    verify(outbox, never()).failed(eq(7L), anyInt(), anyBoolean(), anyString());
  }

  @Test
  void anSmtpOutageLeavesTheMailToRetry() {
    doThrow(new MailSendException("connection refused")).when(smtp).send(any(MimeMessage.class));

    dispatcher.sendDue();

    verify(outbox).failed(eq(7L), eq(0), eq(false), anyString());
    verify(outbox, never()).sent(any());
  }

  @Test
  void aMalformedAddressIsAPermanentFailure() {
    when(outbox.claim(List.of(7L))).thenReturn(List.of(new MailOutbox.Mail(7, "not an address@@", "s", "b", 0)));

    dispatcher.sendDue();

    verify(outbox).failed(eq(7L), eq(0), eq(true), anyString());
    verify(smtp, never()).send(any(MimeMessage.class));
  }

  @Test
  void aBatchIsClaimedAtOnceAndEachMailRecordedAsItGoesOutOnlyTheRefusedOneIsRetried() {
    MailOutbox.Mail other = new MailOutbox.Mail(8, "b@example.cn", "【办结通知】", "正文", 2);
    MailOutbox.Mail third = new MailOutbox.Mail(9, "c@example.cn", "【办结通知】", "正文", 0);
    when(outbox.due(anyInt())).thenReturn(List.of(7L, 8L, 9L));
    when(outbox.claim(List.of(7L, 8L, 9L))).thenReturn(List.of(mail, other, third));
    doNothing().doThrow(new MailSendException("452 mailbox full")).doNothing().when(smtp).send(any(MimeMessage.class));

    dispatcher.sendDue();

    verify(outbox, times(1)).claim(any());
    verify(outbox).sent(List.of(7L));
    verify(outbox).sent(List.of(9L));
    verify(outbox).failed(eq(8L), eq(2), eq(false), anyString());
    verify(outbox, never()).failed(eq(7L), anyInt(), anyBoolean(), anyString());
  }

  @Test
  void whenTheDatabaseGoesAwayMidBatchNoFurtherMailGoesOut() {
    MailOutbox.Mail other = new MailOutbox.Mail(8, "b@example.cn", "【办结通知】", "正文", 0);
    when(outbox.due(anyInt())).thenReturn(List.of(7L, 8L));
    when(outbox.claim(List.of(7L, 8L))).thenReturn(List.of(mail, other));
    doThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("database down")).when(outbox).sent(List.of(7L));

    dispatcher.sendDue();

    // the first went out and could not be recorded (it may go out once more); the second waits, claimed
    verify(smtp, times(1)).send(any(MimeMessage.class));
    verify(outbox, never()).sent(List.of(8L));
  }

  @Test
  void aFullBatchIsFollowedByTheNextUntilNothingIsDue() {
    List<Long> full = java.util.stream.LongStream.range(100, 100 + MailDispatcher.BATCH).boxed().toList();
    when(outbox.due(anyInt())).thenReturn(full, List.of(7L));
    when(outbox.claim(full)).thenReturn(List.of()); // another node claimed them all first

    dispatcher.sendDue();

    verify(outbox, times(2)).due(MailDispatcher.BATCH);
    verify(outbox).sent(List.of(7L));
  }

  @Test
  void anOutageIsLoggedOnceThenSummarisedNotPerAttempt() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MailDispatcher.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      java.time.Instant[] now = {java.time.Instant.parse("2026-12-01T01:00:00Z")};
      java.time.Clock clock = new java.time.Clock() {
        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public java.time.Instant instant() { return now[0]; }
      };
      MailDispatcher.FailureLog failures = new MailDispatcher.FailureLog(clock, Duration.ofMinutes(10));
      for (int i = 0; i < 120; i++) { // an hour of failed attempts, one every 30 s
        failures.failed(i, false, "MailSendException: connection refused");
        now[0] = now[0].plusSeconds(30);
      }
      failures.failed(999, true, "AddressException: bad address");
      failures.sent();

      java.util.List<String> lines = logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
      assertThat(lines).hasSize(1 + 5 + 1 + 1);
      assertThat(lines.get(0)).startsWith("WARN Mail not sent, kept in the outbox and retried: MailSendException");
      assertThat(lines.get(1)).isEqualTo("WARN Mail still not sent: 21 attempts failed so far, last error:"
          + " MailSendException: connection refused");
      assertThat(lines.get(6)).startsWith("WARN Mail 999 cannot be sent");
      assertThat(lines.get(7)).isEqualTo("INFO Mail sent again after 120 failed attempt(s)");
      assertThat(failures.failedSince()).isZero();
    } finally {
      logger.detachAppender(logged);
    }
  }
}
