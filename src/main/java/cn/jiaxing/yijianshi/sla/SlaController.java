package cn.jiaxing.yijianshi.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA API for supervisors (and the Cockpit plugin): {@code /api/sla/dashboard},
 * {@code /api/sla/steps}, {@code /api/sla/process-instances/{id}}, {@code POST /api/sla/tasks/{id}/extension}, the 督办 report
 * {@code /api/sla/report} and {@code /api/sla/report.xlsx}. Admitted groups: supervisor, camunda-admin.
 */
@RestController
@RequestMapping("/api/sla")
@Tag(name = "时限督办", description = "督办人员查看各流程、部门、环节的时限执行情况，延长可延长的办理时限（法定工作日计算）")
class SlaController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final SlaDashboard dashboard;
  private final SlaExtensions extensions;
  private final SlaReport report;
  private final Clock clock;
  private final ZoneId zone;

  SlaController(SlaDashboard dashboard, SlaExtensions extensions, SlaReport report, Clock clock,
      @Value("${yijianshi.zone:Asia/Shanghai}") String zone) {
    this.dashboard = dashboard;
    this.extensions = extensions;
    this.report = report;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** A report period, both days included. */
  record Period(LocalDate from, LocalDate to) {}

  /** A period the supervisor cannot have, with the reason in Chinese. */
  static final class BadPeriod extends Exception {
    BadPeriod(String message) {
      super(message, null, false, false);
    }
  }

  /** The period asked for: from the first of this month to today by default; at most a year; from not after to. */
  private Period period(String from, String to) throws BadPeriod {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate start;
    LocalDate end;
    try {
      start = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from.strip());
      end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
    } catch (DateTimeParseException e) {
      throw new BadPeriod("统计期间的日期格式不正确，应为 年-月-日（如 2026-11-01）");
    }
    if (start.isAfter(end)) {
      throw new BadPeriod("统计期间的开始日期不能晚于结束日期");
    }
    if (start.plusYears(1).isBefore(end)) {
      throw new BadPeriod("统计期间最长一年");
    }
    return new Period(start, end);
  }

  @ExceptionHandler(BadPeriod.class)
  ResponseEntity<Map<String, String>> badPeriod(BadPeriod e) {
    return ResponseEntity.badRequest().body(Map.of("error", "BAD_PERIOD", "message", e.getMessage()));
  }

  /** The 督办 report of time limits met and missed over a period, per process, department and step. */
  @Operation(summary = "时限统计报表",
      description = "统计期间（from、to，年-月-日，含两端，默认本月1日至今天，最长一年）内办结的各环节按时、超期数，"
          + "期末仍超期未办结数，平均与90%用时（小时，补正中止时间不计）。")
  @GetMapping("/report")
  SlaReport.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to)
      throws BadPeriod {
    Period p = period(from, to);
    return report.report(p.from(), p.to());
  }

  /** The same report as a spreadsheet (.xlsx). */
  @Operation(summary = "导出时限统计报表（Excel）", description = "与 /api/sla/report 相同的统计，xlsx 文件。")
  @GetMapping("/report.xlsx")
  ResponseEntity<byte[]> reportWorkbook(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) throws BadPeriod, IOException {
    Period p = period(from, to);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SlaReportWorkbook.write(report.report(p.from(), p.to()), out);
    String file = "时限统计_" + p.from() + "_" + p.to() + ".xlsx";
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
        .body(out.toByteArray());
  }

  record ExtensionRequest(String reason) {
  }

  /**
   * Extends an open user task's time limit once, where its policy allows it ({@code extendable}):
   * 200 with the new policy and due instant; 400 without a reason; 404 for an unknown task; 409 when
   * the step is done, not extendable or extended already.
   */
  @Operation(summary = "延长环节办理时限", description = "仅限政策允许延长的环节（如“30WD extendable 45WD”），只能延长一次，须填写理由；理由记入时限轨迹。")
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
  @Operation(summary = "时限总览", description = "按流程与部门统计办理中、即将超期、已超期、中止计时的环节，以及期间内办结与按时办结的数量。")
  @GetMapping("/dashboard")
  SlaDashboard.Summary dashboard(@RequestParam(defaultValue = "30") int days) {
    return dashboard.summary(Math.max(1, Math.min(days, SlaRecords.MAX_PERIOD_DAYS)));
  }

  /**
   * Open steps that are due soon or overdue (or in one state), optionally of one process, most urgent
   * first: at most {@code maxResults} (default {@value #DEFAULT_STEPS}, at most {@value #MAX_STEPS}).
   */
  @Operation(summary = "即将超期与已超期的环节", description = "按紧急程度排序，可按流程与状态筛选，maxResults 限制条数。")
  @GetMapping("/steps")
  List<SlaDashboard.OpenStep> steps(@RequestParam Optional<String> processKey,
      @RequestParam Optional<SlaRecord.State> state, @RequestParam(defaultValue = "" + DEFAULT_STEPS) int maxResults) {
    return dashboard.urgentSteps(processKey, state, Math.max(1, Math.min(maxResults, MAX_STEPS)));
  }

  static final int DEFAULT_STEPS = 200;
  static final int MAX_STEPS = 1000;

  /** A case's SLA timeline. */
  @Operation(summary = "办件的时限轨迹", description = "该办件各环节的时限记录与提醒、督办、中止、延长、重算等事件。")
  @GetMapping("/process-instances/{processInstanceId}")
  SlaDashboard.Timeline timeline(@PathVariable String processInstanceId) {
    return dashboard.timeline(processInstanceId);
  }

  /** A case's SLA timeline by its case number, finished cases included. */
  @Operation(summary = "按办件编号查询时限轨迹", description = "含已办结的办件；找不到时返回 404 及中文说明。")
  @GetMapping("/cases/{caseNumber}")
  ResponseEntity<?> caseTimeline(@PathVariable String caseNumber) {
    String number = caseNumber.strip();
    if (!number.matches("[A-Z0-9]{4,40}")) {
      return ResponseEntity.badRequest().body(Map.of("error", "BAD_CASE_NUMBER",
          "message", "办件编号格式不正确，应为 JX 开头的字母和数字（如 JXJH20261202000001）"));
    }
    return dashboard.timelineOfCase(number).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "CASE_NOT_FOUND",
            "message", "未找到办件编号为 " + number + " 的办件，请核对编号")));
  }
}
