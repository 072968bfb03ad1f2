package cn.jiaxing.yijianshi.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency, latency and injected faults around {@link DepartmentRules}. Every request with a
 * new idempotency key is stored with its answer; a repeated key gets the stored answer and the
 * work is not done again ({@code times_asked} counts the repeats).
 */
@Service
class SimulatedDepartments {

  /** How an injected fault behaves: fail before doing the work, or do the work and lose the answer. */
  enum FaultMode { BEFORE_WORK, AFTER_WORK }

  private final JdbcClient db;
  private final DepartmentRules rules;
  private final SimulatorProperties properties;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Deque<FaultMode>> faults = new ConcurrentHashMap<>();

  SimulatedDepartments(JdbcClient db, DepartmentRules rules, SimulatorProperties properties, TransactionTemplate tx,
      ObjectMapper json, Clock clock) {
    this.db = db;
    this.rules = rules;
    this.properties = properties;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  SimulatedAnswer handle(String department, String operation, String idempotencyKey, Map<String, Object> body) {
    if (!DepartmentRules.knows(department, operation)) {
      return new SimulatedAnswer(404, Map.of("code", "NOT_FOUND", "message",
          "unknown operation " + department + "/" + operation));
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return SimulatedAnswer.badRequest("Idempotency-Key header is required");
    }
    pause();
    FaultMode fault = nextFault(department, operation);
    if (fault == FaultMode.BEFORE_WORK
        || fault == null && properties.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < properties.failureRate()) {
      return new SimulatedAnswer(503, Map.of("code", "UNAVAILABLE", "message", "simulated outage"));
    }
    SimulatedAnswer answer = repeat(department, idempotencyKey).orElseGet(() -> {
      try {
        return tx.execute(status -> work(department, operation, idempotencyKey, body));
      } catch (DuplicateKeyException e) {
        // the same key arrived twice at once: the first one does the work, this one reads its answer
        return repeat(department, idempotencyKey).orElseThrow();
      }
    });
    return fault == FaultMode.AFTER_WORK
        ? new SimulatedAnswer(500, Map.of("code", "INTERNAL", "message", "simulated fault after the work was done"))
        : answer;
  }

  private SimulatedAnswer work(String department, String operation, String key, Map<String, Object> body) {
    GeneratedKeyHolder serial = new GeneratedKeyHolder();
    db.sql("insert into sim_request (department, operation, idempotency_key, request_body, status, response_body,"
            + " times_asked, created_at) values (?, ?, ?, ?, 0, '', 1, ?)")
        .params(department, operation, key, write(body), java.sql.Timestamp.from(clock.instant()))
        .update(serial, "id");
    long id = serial.getKey().longValue();
    SimulatedAnswer answer;
    try {
      answer = voidedStep(department, key)
          ? SimulatedAnswer.refused(DepartmentRules.VOIDED_CODE, "该办件已撤销，本部门不再办理")
          : rules.apply(department, operation, body, id);
    } catch (DepartmentRules.MissingFieldException | IllegalArgumentException | java.time.DateTimeException e) {
      answer = SimulatedAnswer.badRequest(e.getMessage());
    }
    db.sql("update sim_request set status = ?, response_body = ? where id = ?")
        .params(answer.status(), write(answer.body()), id).update();
    return answer;
  }

  /**
   * A step's further request (sub-key {@code <key>:withdrawal}) after its step was voided: refused, like the
   * step's own request would be (VoidClient's contract).
   */
  private boolean voidedStep(String department, String key) {
    int last = key.lastIndexOf(':');
    if (last < 0 || key.substring(last + 1).matches("\\d*") || key.endsWith(":void")
        || key.substring(0, last).indexOf(':') < 0) {
      return false;
    }
    return db.sql("select count(*) from sim_request where department = ? and idempotency_key = ? and operation = ?")
        .params(department, key.substring(0, last) + ":void", DepartmentRules.VOIDS).query(Integer.class).single() > 0;
  }

  private Optional<SimulatedAnswer> repeat(String department, String key) {
    return tx.execute(status -> {
      Optional<SimulatedAnswer> stored = db.sql(
              "select status, response_body from sim_request where department = ? and idempotency_key = ?")
          .params(department, key)
          .query((rs, n) -> new SimulatedAnswer(rs.getInt(1), read(rs.getString(2))))
          .optional();
      stored.ifPresent(s -> db.sql(
              "update sim_request set times_asked = times_asked + 1 where department = ? and idempotency_key = ?")
          .params(department, key).update());
      return stored;
    });
  }

  void injectFaults(String department, String operation, FaultMode mode, int count) {
    Deque<FaultMode> queue = faults.computeIfAbsent(department + "/" + operation, k -> new ConcurrentLinkedDeque<>());
    for (int i = 0; i < count; i++) {
      queue.add(mode);
    }
  }

  private FaultMode nextFault(String department, String operation) {
    Deque<FaultMode> queue = faults.get(department + "/" + operation);
    return queue == null ? null : queue.poll();
  }

  List<RecordedRequest> requests(String keyPrefix) {
    return db.sql("select department, operation, idempotency_key, status, times_asked, created_at, voided_at"
            + " from sim_request where idempotency_key like ? order by id")
        .param(keyPrefix.replace("%", "") + "%")
        .query((rs, n) -> new RecordedRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getInt(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .list();
  }

  /** One stored request, as the simulator's query endpoint shows it (no personal data). */
  record RecordedRequest(String department, String operation, String idempotencyKey, int status, int timesAsked,
      Instant createdAt, Instant voidedAt) {
  }

  private void pause() {
    long millis = properties.latency().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis); // simulated network/processing latency of a department system
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String value) {
    try {
      return json.readValue(value, new TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
