package cn.jiaxing.yijianshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/**
 * Wrong passwords slow an account down for a bounded time; they never lock it for good (Camunda's
 * default locks an account after 10 failures, so anyone could lock any clerk out by name).
 */
class LoginThrottlingIT extends FullStackTestSupport {

  @Autowired IdentityService identity;

  @Test
  void manyWrongPasswordsDelayTheAccountButNeverLockIt() {
    String id = "throttle" + System.nanoTime() % 100_000;
    User user = identity.newUser(id);
    user.setPassword("right-password");
    identity.saveUser(user);
    identity.createMembership(id, StaffGroups.FRONT_DESK);

    RestClient wrong = client(id, "wrong-password");
    RestClient right = client(id, "right-password");
    Instant now = Instant.now();
    try {
      for (int i = 1; i <= 15; i++) {
        assertThat(status(wrong)).isEqualTo(401);
        // past the (capped) delay: every attempt counts, as a patient attacker's would
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61L * i)));
      }
      // fifteen counted failures: the right password still works
      assertThat(status(right)).as("the account is not locked").isEqualTo(404);
      // and while the delay runs, even the right password waits (bounded: the cap)
      assertThat(status(wrong)).isEqualTo(401);
      assertThat(status(right)).isEqualTo(401);
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61L * 17)));
      assertThat(status(right)).isEqualTo(404);
    } finally {
      ClockUtil.reset();
    }
  }

  private static int status(RestClient client) {
    return client.get().uri("/api/cases/JXJH00000000000000").retrieve().toBodilessEntity().getStatusCode().value();
  }

  private static RestClient client(String user, String password) {
    return RestClient.builder().baseUrl("http://localhost:" + PORT)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
  }
}
