package cn.jiaxing.yijianshi.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA API for supervisors (and the Cockpit plugin): {@code /api/sla/dashboard},
 * {@code /api/sla/steps}, {@code /api/sla/process-instances/{id}}. Admitted groups: supervisor, camunda-admin.
 */
@RestController
@RequestMapping("/api/sla")
class SlaController {

  private final SlaDashboard dashboard;

  SlaController(SlaDashboard dashboard) {
    this.dashboard = dashboard;
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
