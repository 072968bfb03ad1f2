package cn.jiaxing.yijianshi.sla;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA API for supervisors (and the Cockpit plugin): {@code /api/sla/dashboard},
 * {@code /api/sla/steps}, {@code /api/sla/process-instances/{id}}, {@code POST /api/sla/tasks/{id}/extension}. Admitted groups: supervisor, camunda-admin.
 */
@RestController
@RequestMapping("/api/sla")
class SlaController {

  private final SlaDashboard dashboard;
  private final SlaExtensions extensions;

  SlaController(SlaDashboard dashboard, SlaExtensions extensions) {
    this.dashboard = dashboard;
    this.extensions = extensions;
  }

  record ExtensionRequest(String reason) {
  }

  /**
   * Extends an open user task's time limit once, where its policy allows it ({@code extendable}):
   * 200 with the new policy and due instant; 400 without a reason; 404 for an unknown task; 409 when
   * the step is done, not extendable or extended already.
   */
  @PostMapping("/tasks/{taskId}/extension")
  ResponseEntity<?> extend(@PathVariable String taskId, @RequestBody(required = false) ExtensionRequest body,
      HttpServletRequest request) {
    try {
      return ResponseEntity.ok(extensions.extend(taskId, body == null ? null : body.reason(), request.getRemoteUser()));
    } catch (SlaExtensions.Refused e) {
      return ResponseEntity.status(e.status).body(Map.of("error", "EXTENSION_REFUSED", "message", e.getMessage()));
    }
  }

  /** Per process and department: open, due soon, overdue, paused; met on time over the last {@code days}. */
  @GetMapping("/dashboard")
  SlaDashboard.Summary dashboard(@RequestParam(defaultValue = "30") int days) {
    return dashboard.summary(Math.max(1, Math.min(days, 366)));
  }

  /**
   * Open steps that are due soon or overdue (or in one state), optionally of one process, most urgent
   * first: at most {@code maxResults} (default {@value #DEFAULT_STEPS}, at most {@value #MAX_STEPS}).
   */
  @GetMapping("/steps")
  List<SlaDashboard.OpenStep> steps(@RequestParam Optional<String> processKey,
      @RequestParam Optional<SlaRecord.State> state, @RequestParam(defaultValue = "" + DEFAULT_STEPS) int maxResults) {
    return dashboard.urgentSteps(processKey, state, Math.max(1, Math.min(maxResults, MAX_STEPS)));
  }

  static final int DEFAULT_STEPS = 200;
  static final int MAX_STEPS = 1000;

  /** A case's SLA timeline. */
  @GetMapping("/process-instances/{processInstanceId}")
  SlaDashboard.Timeline timeline(@PathVariable String processInstanceId) {
    return dashboard.timeline(processInstanceId);
  }
}
