package cn.jiaxing.yijianshi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;

/** What a REST call's authentication may take from memory, and for how long. */
class LoginCacheTests {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private Instant now = Instant.parse("2026-12-02T01:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private final LoginCache cache = new LoginCache(identity, clock, Duration.ofSeconds(30));

  @Test
  void aRightPasswordIsCheckedOnceForTheTtlThenAgain() {
    when(identity.checkPassword("minzheng", "demo")).thenReturn(true);

    assertThat(cache.checkPassword("minzheng", "demo")).isTrue();
    now = now.plusSeconds(29);
    assertThat(cache.checkPassword("minzheng", "demo")).isTrue();
    verify(identity, times(1)).checkPassword("minzheng", "demo");

    now = now.plusSeconds(2); // past the TTL: a changed password would show now
    when(identity.checkPassword("minzheng", "demo")).thenReturn(false);
    assertThat(cache.checkPassword("minzheng", "demo")).isFalse();
  }

  @Test
  void aWrongPasswordIsNeverRememberedAndMakesTheNextRightOneAskTheEngine() {
    when(identity.checkPassword("minzheng", "demo")).thenReturn(true);
    assertThat(cache.checkPassword("minzheng", "demo")).isTrue();

    assertThat(cache.checkPassword("minzheng", "guess")).isFalse();
    assertThat(cache.checkPassword("minzheng", "guess")).isFalse();
    verify(identity, times(2)).checkPassword("minzheng", "guess");

    // while the engine delays the account after failures, the right password waits too
    when(identity.checkPassword("minzheng", "demo")).thenReturn(false);
    assertThat(cache.checkPassword("minzheng", "demo")).isFalse();
  }

  @Test
  void anotherUsersPasswordDoesNotOpenTheAccount() {
    when(identity.checkPassword("minzheng", "demo")).thenReturn(true);
    assertThat(cache.checkPassword("minzheng", "demo")).isTrue();

    assertThat(cache.checkPassword("gongan", "demo")).isFalse();
    verify(identity).checkPassword("gongan", "demo");
  }

  @Test
  void groupsAreRememberedForTheTtl() {
    Group mz = mock(Group.class);
    when(mz.getId()).thenReturn("mz");
    when(identity.createGroupQuery().groupMember("minzheng").list()).thenReturn(List.of(mz));

    assertThat(cache.groupsOf("minzheng")).containsExactly("mz");
    when(identity.createGroupQuery().groupMember("minzheng").list()).thenReturn(List.of());
    assertThat(cache.groupsOf("minzheng")).as("within the TTL").containsExactly("mz");
    now = now.plusSeconds(31);
    assertThat(cache.groupsOf("minzheng")).as("a removed membership shows after the TTL").isEmpty();
  }

  @Test
  void aZeroTtlRemembersNothing() {
    LoginCache off = new LoginCache(identity, clock, Duration.ZERO);
    when(identity.checkPassword("minzheng", "demo")).thenReturn(true);

    off.checkPassword("minzheng", "demo");
    off.checkPassword("minzheng", "demo");

    verify(identity, times(2)).checkPassword("minzheng", "demo");
  }
}
