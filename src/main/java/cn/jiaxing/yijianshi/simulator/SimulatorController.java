package cn.jiaxing.yijianshi.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated department systems over HTTP, under {@code /sim}. Same contracts as the real
 * systems (see the client interfaces in {@code departments}); basic authentication with the
 * configured credentials. {@code GET /sim/requests?keyPrefix=} lists what was asked;
 * {@code POST /sim/faults} queues faults for an operation.
 */
@RestController
@RequestMapping("/sim")
@ConditionalOnProperty(name = "yijianshi.simulator.enabled", havingValue = "true")
class SimulatorController {

  private final SimulatedDepartments departments;
  private final SimulatorProperties properties;

  SimulatorController(SimulatedDepartments departments, SimulatorProperties properties) {
    this.departments = departments;
    this.properties = properties;
  }

  @PostMapping("/{department}/{operation}")
  ResponseEntity<?> call(@PathVariable String department, @PathVariable String operation,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody Map<String, Object> body) {
    return guarded(authorization, () -> {
      SimulatedAnswer answer = departments.handle(department, operation, key, body);
      return ResponseEntity.status(answer.status()).body(answer.body());
    });
  }

  @GetMapping("/requests")
  ResponseEntity<?> requests(@RequestParam String keyPrefix,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return guarded(authorization, () -> ResponseEntity.ok(departments.requests(keyPrefix)));
  }

  record FaultRequest(String department, String operation, SimulatedDepartments.FaultMode mode, int count) {
  }

  @PostMapping("/faults")
  ResponseEntity<?> faults(@RequestBody FaultRequest fault,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return guarded(authorization, () -> {
      departments.injectFaults(fault.department(), fault.operation(), fault.mode(), fault.count());
      return ResponseEntity.accepted().body(Map.of("queued", fault.count()));
    });
  }

  /** 401 without the configured credentials, else the answer. */
  private <T> ResponseEntity<?> guarded(String authorization, Supplier<ResponseEntity<T>> answer) {
    return authorized(authorization) ? answer.get()
        : ResponseEntity.status(401).body(Map.of("code", "UNAUTHORIZED", "message", "bad credentials"));
  }

  private boolean authorized(String authorization) {
    if (properties.username() == null) {
      return true;
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (properties.username() + ":" + (properties.password() == null ? "" : properties.password()))
            .getBytes(StandardCharsets.UTF_8));
    return expected.equals(authorization);
  }
}
