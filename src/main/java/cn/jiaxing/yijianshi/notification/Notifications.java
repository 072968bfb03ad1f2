package cn.jiaxing.yijianshi.notification;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to send mail, with every ID number in subject and body masked: written to the outbox in the caller's transaction (so it commits or
 * rolls back with the change it tells about), sent right after commit, retried until it goes out.
 */
@Service
public class Notifications {

  private final MailOutbox outbox;
  private final MailDispatcher dispatcher;

  Notifications(MailOutbox outbox, MailDispatcher dispatcher) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void send(String caseNumber, String kind, Collection<String> recipients, String subject, String body) {
    if (recipients.isEmpty()) {
      return;
    }
    // whatever a text says — a department's message, a clerk's reason, a result — no ID number leaves in mail
    String maskedSubject = ResidentIdNumber.maskAll(subject);
    String maskedBody = ResidentIdNumber.maskAll(body);
    for (String recipient : recipients) {
      outbox.add(caseNumber, kind, recipient, maskedSubject, maskedBody);
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        dispatcher.trigger();
      }
    });
  }
}
