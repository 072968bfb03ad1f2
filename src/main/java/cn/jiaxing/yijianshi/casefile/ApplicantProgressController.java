package cn.jiaxing.yijianshi.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /public/cases/progress}: the applicant's own 办件进度查询 (the page {@code /chaxun/}), without an
 * account: the case number and the last six characters of the ID number given at intake. It answers the case's
 * kind, status, promised date and its steps (done or in progress, with dates) — no department clerk, no
 * applicant data. A wrong number and a wrong second factor get the same answer; failures are limited per case
 * number and per address (429), so the second factor cannot be guessed.
 */
@RestController
@RequestMapping("/public/cases")
class ApplicantProgressController {

  private static final Logger log = LoggerFactory.getLogger(ApplicantProgressController.class);
  static final int FAILURES_PER_CASE = 5;
  static final int REQUESTS_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);

  record Query(String caseNumber, String idTail) {
  }

  record PublicStep(String name, String state, String stateName, LocalDate startedOn, LocalDate endedOn) {
  }

  record PublicProgress(String caseNumber, String typeName, String statusName, LocalDate openedOn,
      LocalDate promisedOn, LocalDate closedOn, List<PublicStep> steps) {
  }

  private static final Map<String, String> STATE_NAMES = Map.of("COMPLETED", "已办结", "ACTIVE", "办理中",
      "WAITING", "办理中", "RETRYING", "办理中", "INCIDENT", "办理中", "CANCELED", "已撤销");

  private final CaseFiles cases;
  private final CaseProgressController progress;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, Deque<Instant>> failuresByCase = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> requestsByAddress = new ConcurrentHashMap<>();

  ApplicantProgressController(CaseFiles cases, CaseProgressController progress, Clock clock,
      @Value("${yijianshi.zone:Asia/Shanghai}") String zone) {
    this.cases = cases;
    this.progress = progress;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "申请人查询办件进度",
      description = "凭办件编号和受理时所填身份证号码后六位查询：办件状态、承诺办结日期、各环节办理情况。编号或验证信息不正确时统一答复 404；"
          + "同一办件连续失败5次或同一地址15分钟内查询超过30次时答复 429。")
  @PostMapping("/progress")
  ResponseEntity<?> query(@RequestBody(required = false) Query query, jakarta.servlet.http.HttpServletRequest request) {
    Instant now = clock.instant();
    String address = request.getRemoteAddr();
    if (count(requestsByAddress, address, now) >= REQUESTS_PER_ADDRESS) {
      return tooMany();
    }
    record(requestsByAddress, address, now);
    String number = query == null || query.caseNumber() == null ? "" : query.caseNumber().strip().toUpperCase();
    if (!number.isEmpty() && count(failuresByCase, number, now) >= FAILURES_PER_CASE) {
      return tooMany();
    }
    var found = number.matches("JX[A-Z]{2}[0-9]{14}") ? cases.findForApplicant(number, query.idTail()) : java.util.Optional.<CaseSummary>empty();
    if (found.isEmpty()) {
      if (!number.isEmpty()) {
        record(failuresByCase, number, now);
      }
      log.info("Applicant progress query refused (case number or second factor wrong)");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND",
          "message", "办件编号或身份证号码后六位不正确，请核对受理回执后重新输入"));
    }
    failuresByCase.remove(number);
    CaseSummary c = found.get();
    var full = progress.progress(c);
    // one line per step: the elements of a multi-instance step (e.g. one per source of 一键核对) are one step to the applicant
    Map<String, PublicStep> byName = new java.util.LinkedHashMap<>();
    for (var s : full.steps()) {
      String state = "COMPLETED".equals(s.state()) || "CANCELED".equals(s.state()) ? s.state() : "ACTIVE";
      PublicStep step = new PublicStep(s.name(), state, STATE_NAMES.getOrDefault(s.state(), "办理中"), day(s.startedAt()),
          day(s.endedAt()));
      byName.merge(s.name() + "|" + (state.equals("ACTIVE") ? "" : "done"), step, ApplicantProgressController::together);
    }
    List<PublicStep> steps = List.copyOf(byName.values());
    return ResponseEntity.ok(new PublicProgress(c.caseNumber(), c.type().displayName(), c.status().displayName(),
        day(c.openedAt()), day(c.dueAt()), day(c.closedAt()), steps));
  }

  /** Two occurrences of a step as one: from the first start to the last end. */
  private static PublicStep together(PublicStep a, PublicStep b) {
    LocalDate start = a.startedOn() == null || b.startedOn() != null && b.startedOn().isBefore(a.startedOn()) ? b.startedOn()
        : a.startedOn();
    LocalDate end = a.endedOn() == null || b.endedOn() != null && b.endedOn().isAfter(a.endedOn()) ? b.endedOn() : a.endedOn();
    return new PublicStep(a.name(), a.state(), a.stateName(), start, end);
  }

  private LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, zone);
  }

  private static ResponseEntity<?> tooMany() {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("error", "TOO_MANY_REQUESTS",
        "message", "查询过于频繁，请15分钟后再试；如需帮助请凭受理回执到任一综合窗口查询"));
  }

  private static int count(Map<String, Deque<Instant>> events, String key, Instant now) {
    Deque<Instant> d = events.get(key);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst().isBefore(now.minus(WINDOW))) {
        d.pollFirst();
      }
      return d.size();
    }
  }

  private static void record(Map<String, Deque<Instant>> events, String key, Instant now) {
    if (events.size() > 100_000) {
      events.clear(); // a flood of made-up keys must not fill the memory; the limits start again
    }
    Deque<Instant> d = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(now);
    }
  }
}
