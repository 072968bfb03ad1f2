package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A clerk's request that collided with the engine's own work is tried again, then answered 409 — never 500. */
class RejectedInputResponsesTests {

  private final RejectedInputResponses.Filter filter = new RejectedInputResponses.Filter(new ObjectMapper());

  /** A chain whose first {@code conflicts} passes end in Camunda's optimistic locking 500, then 204. */
  private static FilterChain engine(int conflicts, AtomicInteger calls) {
    return (request, response) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      if (calls.incrementAndGet() <= conflicts) {
        http.setStatus(500);
        http.setContentType("application/json");
        http.getOutputStream().write(("{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution"
            + " of 'UPDATE ExecutionEntity' failed. Entity was updated by another transaction concurrently.\"}")
            .getBytes(StandardCharsets.UTF_8));
      } else {
        http.setStatus(204);
      }
    };
  }

  /** A form submission whose first try fails with this 500 body is tried again, and the clerk sees the success. */
  private void assertTriedAgainAfter(String firstAnswer) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/t1/submit-form"), response, (request, r) -> {
      HttpServletResponse http = (HttpServletResponse) r;
      if (calls.incrementAndGet() == 1) {
        http.setStatus(500);
        http.getOutputStream().write(firstAnswer.getBytes(StandardCharsets.UTF_8));
      } else {
        http.setStatus(204);
      }
    });
    assertThat(calls).hasValue(2);
    assertThat(response.getStatus()).isEqualTo(204);
  }

  private static MockHttpServletRequest completion() {
    return new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
  }

  @Test
  void aConflictIsTriedAgainAndTheClerkSeesTheSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(completion(), response, engine(2, calls));
    assertThat(calls).hasValue(3);
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void aConflictThatPersistsIsA409InChinese() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(completion(), response, engine(5, calls));
    assertThat(calls).hasValue(RejectedInputResponses.ATTEMPTS);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("办件正由系统同时处理，未能提交，请稍后再试");
  }

  /** Tasklist submits forms: there the engine's conflict comes wrapped in a RestException. */
  @Test
  void aConflictOfAFormSubmissionIsTriedAgainToo() throws Exception {
    assertTriedAgainAfter("{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: ENGINE-03005"
            + " Execution of 'UPDATE ExecutionEntity[e1]' failed. Entity was updated by another transaction concurrently.\"}");
  }

  /** On MariaDB the loser of two clerks' transactions on one case can be a deadlock victim instead. */
  @Test
  void aDeadlockVictimIsTriedAgainToo() throws Exception {
    assertTriedAgainAfter("{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: ENGINE-03004"
            + " Exception while executing Database Operation 'DELETE TaskEntity[t1]' with message '### Error updating"
            + " database.  Cause: java.sql.SQLTransactionRollbackException: (conn=42) Deadlock found when trying to get"
            + " lock; try restarting transaction'\"}");
  }

  @Test
  void aDeadlockTheEngineReportsOnlyByItsCodeIsTriedAgain() throws Exception {
    // what /submit-form answered in CI on MariaDB: the driver's message hidden, Camunda's DEADLOCK code kept
    assertTriedAgainAfter("{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: An exception"
            + " occurred in the persistence layer. Please check the server logs for a detailed message and the entire"
            + " exception stack trace.\",\"code\":10000}");
  }

  @Test
  void aFailureWithAnotherCodeIsNotRepeated() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(completion(), response, (request, r) -> {
      calls.incrementAndGet();
      ((HttpServletResponse) r).setStatus(500);
      r.getOutputStream().write("{\"type\":\"ProcessEngineException\",\"message\":\"x\",\"code\":10001}"
          .getBytes(StandardCharsets.UTF_8));
    });
    assertThat(calls).hasValue(1);
    assertThat(response.getStatus()).isEqualTo(500);
  }

  @Test
  void otherFailuresAreNotRepeated() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(completion(), response, (request, r) -> {
      calls.incrementAndGet();
      ((HttpServletResponse) r).setStatus(500);
      r.getOutputStream().write("{\"type\":\"ProcessEngineException\"}".getBytes(StandardCharsets.UTF_8));
    });
    assertThat(calls).hasValue(1);
    assertThat(response.getStatus()).isEqualTo(500);
  }
}
