package cn.jiaxing.yijianshi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who a REST call is, remembered for {@code yijianshi.identity.login-cache-ttl} (30 s): a successful
 * password check, and a user's groups and tenants. Without it every call to {@code /engine-rest} or
 * {@code /api} costs three to five read-only transactions before it does anything (password, groups,
 * tenants). Only successes are remembered, as a SHA-256 digest of the password, never in clear; a
 * wrong password always goes to the engine, which counts failed attempts and delays the account, and
 * makes the cache forget that user's password until the engine accepts it again. A changed password, a removed group or a locked account takes effect within the TTL; {@code PT0S}
 * turns the cache off.
 */
@Component
class LoginCache {

  /** Beyond this many entries the cache starts over: it never grows with the number of passwords tried. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry<T>(T value, Instant expires) {
  }

  private final IdentityService identity;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry<String>> logins = new ConcurrentHashMap<>();
  private final Map<String, Entry<List<String>>> groups = new ConcurrentHashMap<>();
  private final Map<String, Entry<List<String>>> tenants = new ConcurrentHashMap<>();

  LoginCache(IdentityService identity, Clock clock,
      @Value("${yijianshi.identity.login-cache-ttl:PT30S}") Duration ttl) {
    this.identity = identity;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** A wrong password also forgets the user's remembered one: after a failure, the engine decides again (its delay applies). */
  boolean checkPassword(String user, String password) {
    String digest = sha256(password);
    if (digest.equals(fresh(logins.get(user)))) {
      return true;
    }
    boolean valid = identity.checkPassword(user, password);
    if (valid) {
      remember(logins, user, digest);
    } else {
      logins.remove(user);
    }
    return valid;
  }

  List<String> groupsOf(String user) {
    return cached(groups, user, () -> identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
  }

  List<String> tenantsOf(String user) {
    return cached(tenants, user, () -> identity.createTenantQuery().userMember(user).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList());
  }

  private <T> T cached(Map<String, Entry<T>> map, String key, Supplier<T> load) {
    T value = fresh(map.get(key));
    if (value == null) {
      value = load.get();
      remember(map, key, value);
    }
    return value;
  }

  private <T> T fresh(Entry<T> entry) {
    return entry != null && clock.instant().isBefore(entry.expires()) ? entry.value() : null;
  }

  private <T> void remember(Map<String, Entry<T>> map, String key, T value) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(key, new Entry<>(value, clock.instant().plus(ttl)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
