package cn.jiaxing.yijianshi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An SMTP outage loses no mail: the receipt waits in the outbox and goes out when the server is back. */
class MailOutboxIT extends FullStackTestSupport {

  @Autowired MailOutbox outbox;
  @Autowired JdbcClient db;

  @Test
  void aReceiptWrittenDuringAnSmtpOutageIsSentWhenTheServerIsBack() {
    mail.stop();
    String email = uniqueEmail("outage");
    String caseNumber;
    try {
      caseNumber = submitStartForm(BirthVariables.PROCESS_KEY,
          TestApplications.birth(TestPeople.woman(30), TestPeople.man(30), email)).getBody()
          .get("businessKey").asText();
      await().atMost(Duration.ofSeconds(20)).until(() -> attempts(caseNumber) >= 1);
      List<MailOutbox.OutboxEntry> entries = outbox.forCase(caseNumber);
      assertThat(entries).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("RECEIPT");
        assertThat(e.status()).isEqualTo(MailOutbox.Status.PENDING);
      });
    } finally {
      mail.start();
    }
    // the retry is due after the back-off; bring it forward rather than wait 30 s
    db.sql("update mail_outbox set next_attempt_at = created_at where case_number = ?").param(caseNumber).update();

    assertThat(awaitMail(email, 1)).singleElement().satisfies(m -> assertThat(m).contains(caseNumber));
    assertThat(outbox.forCase(caseNumber)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(MailOutbox.Status.SENT));
  }

  @Test
  void mailADeadNodeLeftSendingIsReleasedAfterTheStaleTimeAndNoOtherIs() {
    String caseNumber = submitStartForm(BirthVariables.PROCESS_KEY,
        TestApplications.birth(TestPeople.woman(31), TestPeople.man(31), uniqueEmail("stale"))).getBody()
        .get("businessKey").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.forCase(caseNumber).stream()
        .allMatch(e -> e.status() == MailOutbox.Status.SENT));
    // as a node that died mid-send leaves it: claimed five minutes ago, never marked (the app's own poll
    // releases after ten minutes, yijianshi.mail.stale-after)
    int before = attempts(caseNumber);
    db.sql("update mail_outbox set status = 'SENDING', next_attempt_at = ? where case_number = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofMinutes(5))), caseNumber).update();
    outbox.releaseStale(Duration.ofMinutes(30));
    assertThat(outbox.forCase(caseNumber)).allSatisfy(e -> assertThat(e.status()).isEqualTo(MailOutbox.Status.SENDING));

    outbox.releaseStale(Duration.ofMinutes(1));
    await().atMost(Duration.ofSeconds(20)).until(() -> attempts(caseNumber) > before
        && outbox.forCase(caseNumber).stream().allMatch(e -> e.status() == MailOutbox.Status.SENT));
  }

  private int attempts(String caseNumber) {
    return outbox.forCase(caseNumber).stream().mapToInt(MailOutbox.OutboxEntry::attempts).sum();
  }

}
