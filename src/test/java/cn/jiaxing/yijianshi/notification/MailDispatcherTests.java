package cn.jiaxing.yijianshi.notification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.Optional;
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
    when(outbox.claim(7)).thenReturn(Optional.of(mail));
  }

  @Test
  void aLockConflictWhileRecordingASentMailIsRetriedAndTheMailIsNotSentAgain() {
    doThrow(new CannotAcquireLockException("Deadlock found")).doThrow(new CannotAcquireLockException("Deadlock found"))
        .doNothing().when(outbox).sent(7);

    dispatcher.sendDue();

    verify(smtp, times(1)).send(any(MimeMessage.class));
    verify(outbox, times(3)).sent(7);
    verify(outbox, never()).failed(eq(7L), anyInt(), anyBoolean(), anyString());
  }

  @Test
  void anSmtpOutageLeavesTheMailToRetry() {
    doThrow(new MailSendException("connection refused")).when(smtp).send(any(MimeMessage.class));

    dispatcher.sendDue();

    verify(outbox).failed(eq(7L), eq(0), eq(false), anyString());
    verify(outbox, never()).sent(7);
  }

  @Test
  void aMalformedAddressIsAPermanentFailure() {
    when(outbox.claim(7)).thenReturn(Optional.of(new MailOutbox.Mail(7, "not an address@@", "s", "b", 0)));

    dispatcher.sendDue();

    verify(outbox).failed(eq(7L), eq(0), eq(true), anyString());
  }
}
