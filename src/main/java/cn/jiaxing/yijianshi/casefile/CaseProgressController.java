package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.departments.Department;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}}: the front desk's progress query — the case and each
 * department step so far, with its state, timestamps and due date, and the case's history entries
 * from other modules (clock stops, reminders, 督办).
 */
@RestController
@RequestMapping("/api/cases")
class CaseProgressController {

  private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask", "sendTask");

  private final CaseFiles cases;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final List<CaseHistory> caseHistories;
  private final Map<String, Map<String, String>> departmentsByDefinition = new ConcurrentHashMap<>();

  CaseProgressController(CaseFiles cases, HistoryService history, RuntimeService runtime,
      RepositoryService repository, List<CaseHistory> caseHistories) {
    this.cases = cases;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
    this.caseHistories = caseHistories;
  }

  record Step(String stepId, String name, String department, String departmentName, String state,
      Instant startedAt, Instant endedAt, Instant dueAt) {
  }

  record Progress(String caseNumber, CaseType type, String typeName, CaseStatus status, String statusName,
      String applicantName, String applicantIdNumber, Instant openedAt, Instant dueAt, Instant closedAt,
      String outcomeReason, List<Step> steps, List<CaseHistory.Entry> history) {
  }

  @GetMapping("/{caseNumber}")
  ResponseEntity<?> progress(@PathVariable String caseNumber) {
    return cases.find(caseNumber)
        .<ResponseEntity<?>>map(c -> ResponseEntity.ok(progress(c)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of(
            "error", "CASE_NOT_FOUND", "message", "未找到办件编号为 " + caseNumber + " 的办件，请核对编号")));
  }

  private Progress progress(CaseSummary c) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(c.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list();
    Map<String, Date> dueByTask = history.createHistoricTaskInstanceQuery().processInstanceId(c.processInstanceId())
        .list().stream().filter(t -> t.getDueDate() != null)
        .collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getDueDate));
    Set<String> failing = runtime.createIncidentQuery().processInstanceId(c.processInstanceId()).list().stream()
        .map(Incident::getActivityId).collect(Collectors.toSet());
    List<Step> steps = activities.stream()
        .filter(a -> STEP_TYPES.contains(a.getActivityType()))
        .map(a -> {
          String dept = departmentOf(a.getProcessDefinitionId(), a.getActivityId());
          String state = a.getEndTime() == null
              ? (failing.contains(a.getActivityId()) ? "INCIDENT" : "ACTIVE")
              : (a.isCanceled() ? "CANCELED" : "COMPLETED");
          Date due = a.getTaskId() == null ? null : dueByTask.get(a.getTaskId());
          return new Step(a.getActivityId(), a.getActivityName(), dept,
              Department.fromCode(dept).map(Department::displayName).orElse(null), state,
              toInstant(a.getStartTime()), toInstant(a.getEndTime()), toInstant(due));
        })
        .toList();
    return new Progress(c.caseNumber(), c.type(), c.type().displayName(), c.status(), c.status().displayName(),
        c.applicantName(), c.applicantIdMasked(), c.openedAt(), c.dueAt(), c.closedAt(), c.outcomeReason(), steps,
        caseHistories.stream().flatMap(h -> h.entries(c.processInstanceId()).stream())
            .sorted(java.util.Comparator.comparing(CaseHistory.Entry::at)).toList());
  }

  /** The {@code department} extension property of a step, read once per process definition. */
  private String departmentOf(String processDefinitionId, String activityId) {
    return departmentsByDefinition.computeIfAbsent(processDefinitionId, id ->
        repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class).stream()
            .flatMap(e -> e.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                .flatMap(x -> x.getElementsQuery().filterByType(
                    org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream())
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "department".equals(p.getCamundaName()))
                .map(p -> Map.entry(e.getId(), p.getCamundaValue())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)))
        .get(activityId);
  }

  private static Instant toInstant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
