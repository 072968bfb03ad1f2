package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.departments.Departments;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front desk's page ({@code /chuangkou/}): the cases a clerk opened lately with their receipts (受理回执), and the
 * search by case number or by applicant (the name and the last four characters of the ID number).
 */
@RestController
@RequestMapping("/api/cases")
@io.swagger.v3.oas.annotations.tags.Tag(name = "综合窗口", description = "受理回执、本人受理的办件、按编号或申请人查找办件")
class FrontDeskController {

  record Row(String caseNumber, String typeName, String statusName, String applicantName, String applicantIdNumber,
      Instant openedAt, Instant dueAt) {
  }

  /** What the applicant takes home: the number, what was applied for, who acts, the promise and how to follow it. */
  record Receipt(String caseNumber, String typeName, String applicantName, String applicantIdNumber, Instant openedAt,
      LocalDate promisedOn, String promise, List<String> departments, String queryUrl, String queryHelp) {
  }

  private final CaseFiles cases;
  private final HistoryService history;
  private final RepositoryService repository;
  private final Departments departments;
  private final CasePromise promise;
  private final Clock clock;
  private final ZoneId zone;
  private final String publicUrl;
  private final Map<String, List<String>> departmentsByDefinition = new ConcurrentHashMap<>();

  FrontDeskController(CaseFiles cases, HistoryService history, RepositoryService repository,
      Departments departments, CasePromise promise, Clock clock, @Value("${yijianshi.zone:Asia/Shanghai}") String zone,
      @Value("${yijianshi.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
    this.cases = cases;
    this.history = history;
    this.repository = repository;
    this.departments = departments;
    this.promise = promise;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "查找办件",
      description = "按办件编号（caseNumber），或按申请人姓名（applicantName）加身份证号码后四位（idLastFour）查找，最多50件，新受理的在前。")
  @GetMapping
  ResponseEntity<?> search(@RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String applicantName, @RequestParam(required = false) String idLastFour) {
    if (caseNumber != null && !caseNumber.isBlank()) {
      return ResponseEntity.ok(cases.find(caseNumber.strip().toUpperCase()).filter(c -> !c.type().confidential())
          .map(c -> List.of(row(c))).orElse(List.of()));
    }
    if (applicantName == null || applicantName.isBlank() || applicantName.length() > 40
        || idLastFour == null || !idLastFour.strip().matches("[0-9]{3}[0-9Xx]")) {
      return ResponseEntity.badRequest().body(Map.of("error", "BAD_QUERY",
          "message", "请输入办件编号，或输入申请人姓名和身份证号码后四位"));
    }
    return ResponseEntity.ok(cases.search(applicantName, idLastFour).stream().map(this::row).toList());
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "本人受理的办件",
      description = "当前窗口人员最近 days 天（默认1天，最多31天）发起的办件，用于打印受理回执。")
  @GetMapping("/mine")
  List<Row> mine(@RequestParam(defaultValue = "1") int days, HttpServletRequest request) {
    int window = Math.max(1, Math.min(31, days));
    Instant since = LocalDate.now(clock.withZone(zone)).minusDays(window - 1L).atStartOfDay(zone).toInstant();
    List<String> numbers = history.createHistoricProcessInstanceQuery().startedBy(request.getRemoteUser())
        .startedAfter(Date.from(since)).rootProcessInstances().orderByProcessInstanceStartTime().desc()
        .listPage(0, 200).stream().map(HistoricProcessInstance::getBusinessKey).filter(k -> k != null).toList();
    return cases.findAll(new LinkedHashSet<>(numbers)).stream().map(this::row).toList();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "受理回执", description = "办件编号、办理事项、涉及部门、承诺办结日期和查询方式，供窗口打印交给申请人。")
  @GetMapping("/{caseNumber}/receipt")
  ResponseEntity<?> receipt(@PathVariable String caseNumber, HttpServletRequest request) {
    var found = cases.find(caseNumber.strip().toUpperCase());
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "CASE_NOT_FOUND",
          "message", "未找到办件编号为 " + caseNumber + " 的办件，请核对编号"));
    }
    CaseSummary c = found.get();
    boolean confidential = c.type().confidential();
    if (confidential && !startedBy(c, request.getRemoteUser())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "CONFIDENTIAL_CASE",
          "message", "该办件涉及未成年人保护，回执只能由受理该报告的窗口人员打印"));
    }
    String processKey = c.type().processKey();
    return ResponseEntity.ok(new Receipt(c.caseNumber(), c.type().displayName(), c.applicantName(),
        confidential ? null : c.applicantIdMasked(), c.openedAt(),
        c.dueAt() == null ? null : LocalDate.ofInstant(c.dueAt(), zone), promise.caseLimitInWords(processKey).orElse(null),
        confidential ? List.of("公安机关", "未成年人救助保护机构") : departments(c.processInstanceId()),
        confidential ? null : publicUrl + "/chaxun/index.html?n=" + c.caseNumber(),
        confidential ? "报告已受理，公安机关将依法处置；如需补充情况，请拨打110或联系受理窗口。"
            : "可凭办件编号到任一综合窗口查询，或在网上凭办件编号和申请人身份证号码后六位自助查询。"));
  }

  private boolean startedBy(CaseSummary c, String user) {
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId())
        .singleResult();
    return pi != null && user != null && user.equals(pi.getStartUserId());
  }

  private Row row(CaseSummary c) {
    return new Row(c.caseNumber(), c.type().displayName(), c.status().displayName(), c.applicantName(),
        c.applicantIdMasked(), c.openedAt(), c.dueAt());
  }

  /** The organisations whose steps the case's process (and the processes it calls) names, in model order. */
  private List<String> departments(String processInstanceId) {
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return pi == null ? List.of() : departmentsByDefinition.computeIfAbsent(pi.getProcessDefinitionId(),
        id -> List.copyOf(organisations(id, new LinkedHashSet<>(), new java.util.HashSet<>())));
  }

  private Set<String> organisations(String definitionId, Set<String> found, Set<String> seen) {
    if (!seen.add(definitionId)) {
      return found;
    }
    var model = repository.getBpmnModelInstance(definitionId);
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      if (e.getExtensionElements() != null) {
        e.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(p -> p.getCamundaProperties().stream())
            // a step's own department, and the systems a step asks on its behalf ("involves": 一键核对's sources)
            .filter(p -> "department".equals(p.getCamundaName()) || "involves".equals(p.getCamundaName()))
            .flatMap(p -> java.util.Arrays.stream(p.getCamundaValue().split(",")).map(String::strip))
            .forEach(code -> departments.find(code).ifPresent(d -> found.add(d.organisation())));
      }
      if (e instanceof CallActivity call && call.getCalledElement() != null) {
        var called = repository.createProcessDefinitionQuery().processDefinitionKey(call.getCalledElement())
            .latestVersion().singleResult();
        if (called != null) {
          organisations(called.getId(), found, seen);
        }
      }
    }
    return found;
  }
}
