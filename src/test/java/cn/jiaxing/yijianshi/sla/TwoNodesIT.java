package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database: this test's application and a second one started from
 * the packaged jar. Both scan for overdue steps every second and both send mail; each 督办 still
 * happens, and each mail is delivered, exactly once. Needs a database both JVMs reach, so it runs
 * in the {@code -Pmysql} suite (skipped on the in-memory H2 of the default run).
 */
class TwoNodesIT extends FullStackTestSupport {

  private static final int CASES = 4;
  /** Extra overdue records, so that the two nodes' scan passes overlap. */
  private static final int SYNTHETIC = 300;

  @Autowired Environment environment;
  @Autowired JdbcClient db;

  @Test
  void eachEscalationAndEachMailHappensOnceWithTwoNodesScanning() throws Exception {
    String url = environment.getProperty("spring.datasource.url");
    assumeFalse(url.startsWith("jdbc:h2:mem:"), "needs a database shared by two JVMs: runs with -Pmysql");
    Process node2 = startSecondNode(url);
    String batch = "TN" + System.nanoTime() % 1_000_000_000L;
    try {
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        cases.add(submitStartForm(BirthVariables.PROCESS_KEY, TestApplications.birth(TestPeople.woman(29),
            TestPeople.man(31), uniqueEmail("twonodes"))).getBody().get("businessKey").asText());
      }
      cases.forEach(c -> awaitTask("weijian", c, "Task_VerifyBirthRecord"));

      // the hospital's steps are overdue now, with many more like them; both nodes' scanners race for them
      Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
      for (int i = 0; i < SYNTHETIC; i++) {
        db.sql("insert into sla_record (process_instance_id, case_number, process_key, step_id, step_name, department,"
                + " policy, started_at, warn_at, due_at, canceled, paused_ms)"
                + " values (?, ?, 'BirthHouseholdProcess', 'Task_VerifyBirthRecord', '核对出生医学信息', 'wj', '1WD', ?, ?, ?,"
                + " false, 0)")
            .params(batch + "-" + i, batch + "-" + i, past, past, past).update();
      }
      for (String c : cases) {
        db.sql("update sla_record set warn_at = ?, due_at = ? where case_number = ? and step_id = 'Task_VerifyBirthRecord'")
            .params(past, past, c).update();
      }

      await().atMost(Duration.ofSeconds(90)).until(() -> cases.stream().allMatch(c -> delivered(c) >= 1)
          && db.sql("select count(*) from mail_outbox where case_number like ? and status = 'SENT'"
              + " and kind = 'SLA_OVERDUE'").param(batch + "-%").query(Integer.class).single() == SYNTHETIC);
      // and it stays at one while both nodes keep scanning and sending
      await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
          .until(() -> cases.stream().allMatch(c -> delivered(c) == 1));
      for (String c : cases) {
        assertThat(db.sql("select count(*) from sla_event where case_number = ? and kind = 'OVERDUE'"
            + " and step_id = 'Task_VerifyBirthRecord'").param(c).query(Integer.class).single()).isEqualTo(1);
        assertThat(db.sql("select count(*) from mail_outbox where case_number = ? and kind = 'SLA_OVERDUE'")
            .param(c).query(Integer.class).single()).isEqualTo(1);
      }
      assertThat(db.sql("select count(*) from sla_event where case_number like ? and kind = 'OVERDUE'")
          .param(batch + "-%").query(Integer.class).single()).isEqualTo(SYNTHETIC);
      assertThat(db.sql("select count(*) from sla_event where case_number like ? and kind = 'DUE_SOON'")
          .param(batch + "-%").query(Integer.class).single()).as("no late due-soon reminder once overdue").isZero();
      assertThat(db.sql("select count(*) from sla_event where case_number like ? group by record_id, kind"
              + " having count(*) > 1").param(batch + "-%").query(Integer.class).list()).isEmpty();
      assertThat(mailTo("dubang@yijianshi.jiaxing.local").stream().filter(m -> m.contains(batch + "-")).count())
          .as("each synthetic 督办 delivered once").isEqualTo(SYNTHETIC);
    } finally {
      node2.destroy();
      node2.waitFor();
      // the synthetic steps are no one's work: close them, so later tests' lists of overdue steps do not hold them
      db.sql("update sla_record set completed_at = ?, canceled = true where case_number like ?")
          .params(Timestamp.from(Instant.now()), batch + "-%").update();
    }
  }

  /** 督办 mails about the hospital's step of this case that reached the supervisor. */
  private long delivered(String caseNumber) {
    return mailTo("dubang@yijianshi.jiaxing.local").stream()
        .filter(m -> m.contains(caseNumber) && m.contains("核对出生医学信息")).count();
  }

  private Process startSecondNode(String url) throws IOException, InterruptedException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("yijianshi-.*\\.jar")).findFirst().orElseThrow();
    }
    int port = freePort();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "--server.port=" + port, "--spring.profiles.active=mysql",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
        "--spring.mail.port=" + SMTP_PORT, "--yijianshi.demo.enabled=true", "--yijianshi.simulator.enabled=true",
        "--yijianshi.sla.scan-interval=PT1S", "--yijianshi.sla.scan-initial-delay=PT1S",
        "--yijianshi.mail.send-interval=PT1S",
        // the same data keys as this node: each opens what the other sealed
        "--yijianshi.data.current-key=" + environment.getProperty("yijianshi.data.current-key"),
        "--yijianshi.data.keys.k1=" + environment.getProperty("yijianshi.data.keys.k1"),
        "--yijianshi.data.hash-key=" + environment.getProperty("yijianshi.data.hash-key"));
    Process node = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Path.of("target", "second-node.log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      await().atMost(Duration.ofSeconds(180)).until(() -> {
        assertThat(node.isAlive()).as("second node died: see target/second-node.log").isTrue();
        try {
          return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
              HttpResponse.BodyHandlers.ofString()).body().contains("UP");
        } catch (IOException e) {
          return false;
        }
      });
    } catch (RuntimeException | AssertionError e) {
      // a node that starts after the test gave up would go on working on the tests' database
      node.destroyForcibly();
      throw e;
    }
    return node;
  }
}
