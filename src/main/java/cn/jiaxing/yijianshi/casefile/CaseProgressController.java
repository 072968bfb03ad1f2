package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}}: the front desk's progress query — the case and each
 * department step so far (those of the processes the case called included), with its state,
 * timestamps and due date, and the case's history entries
 * from other modules (clock stops, reminders, 督办).
 */
@RestController
@RequestMapping("/api/cases")
@io.swagger.v3.oas.annotations.tags.Tag(name = "办件进度", description = "综合窗口查询办件：状态、各环节及其办理部门、时限、卡在何处、撤销请求与办理记录（身份证号已脱敏）")
class CaseProgressController {

  private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask", "sendTask", "callActivity");

  private final CaseFiles cases;
  private final HistoryService history;
  private final ExternalTaskService externalTasks;
  private final Departments departments;
  private final RepositoryService repository;
  private final List<CaseHistory> caseHistories;
  private final DepartmentVoids voids;
  private final Map<String, Map<String, String>> departmentsByDefinition = new ConcurrentHashMap<>();

  private final org.camunda.bpm.engine.IdentityService identity;

  CaseProgressController(CaseFiles cases, HistoryService history, ExternalTaskService externalTasks, Departments departments,
      RepositoryService repository, List<CaseHistory> caseHistories, DepartmentVoids voids,
      org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.voids = voids;
    this.cases = cases;
    this.history = history;
    this.externalTasks = externalTasks;
    this.departments = departments;
    this.repository = repository;
    this.caseHistories = caseHistories;
  }

  /**
   * A step of the case. {@code state}: ACTIVE, COMPLETED, CANCELED; a department step not yet
   * answered: WAITING (its call is queued), RETRYING (the department failed; retried automatically)
   * or INCIDENT (retries used up: an operator must act), with {@code problem}, the department's last
   * error in Chinese (ID numbers masked).
   */
  record Step(String stepId, String name, String department, String departmentName, String state,
      Instant startedAt, Instant endedAt, Instant dueAt, String problem) {
  }

  record Progress(String caseNumber, CaseType type, String typeName, CaseStatus status, String statusName,
      String applicantName, String applicantIdNumber, Instant openedAt, Instant dueAt, Instant closedAt,
      String outcomeReason, List<Step> steps, List<DepartmentVoid> voids, List<CaseHistory.Entry> history) {
  }

  /**
   * A refused or cancelled case's request to a department to void its work: {@code status} PENDING
   * (等待部门答复), UNDONE (已撤销), STANDS (依规定无法撤销; {@code outcome} says why), NOTHING (无需撤销).
   */
  record DepartmentVoid(String department, String departmentName, String requestKey, String status, String statusName,
      String outcome, int attempts) {
  }

  private static final Map<String, String> VOID_STATUS_NAMES = Map.of("PENDING", "等待部门答复", "UNDONE", "已撤销",
      "STANDS", "依规定无法撤销", "NOTHING", "无需撤销");

  @io.swagger.v3.oas.annotations.Operation(summary = "按办件编号查询办件进度",
      description = "综合窗口、督办与管理员可用。找不到办件时返回 404 及中文说明。")
  @GetMapping("/{caseNumber}")
  ResponseEntity<?> progress(@PathVariable String caseNumber, jakarta.servlet.http.HttpServletRequest request) {
    return cases.find(caseNumber)
        .<ResponseEntity<?>>map(c -> mayRead(c.type(), request.getRemoteUser()) ? ResponseEntity.ok(progress(c))
            : ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "CONFIDENTIAL_CASE",
                "message", "该办件涉及未成年人保护，仅承办部门、督办和管理员可以查阅；报告已受理，如需补充情况请联系承办公安机关")))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of(
            "error", "CASE_NOT_FOUND", "message", "未找到办件编号为 " + caseNumber + " 的办件，请核对编号")));
  }

  /** A confidential case (children's data) is looked up only by its readers and the overseers. */
  private boolean mayRead(CaseType type, String user) {
    if (!type.confidential()) {
      return true;
    }
    return user != null && identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
        .anyMatch(g -> type.readers().contains(g) || CaseType.OVERSEERS.contains(g));
  }

  Progress progress(CaseSummary c) {
    // the case's root instance and the processes it called (at any depth)
    List<String> instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(c.processInstanceId())
        .list().stream().map(HistoricProcessInstance::getId).toList();
    if (instances.isEmpty()) {
      instances = List.of(c.processInstanceId());
    }
    Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();
    Map<String, Date> dueByTask = new HashMap<>();
    Map<String, ExternalTask> calls = new HashMap<>();
    for (String instance : instances) {
      activities.put(instance, history.createHistoricActivityInstanceQuery().processInstanceId(instance)
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
      history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
          .filter(t -> t.getDueDate() != null).forEach(t -> dueByTask.put(t.getId(), t.getDueDate()));
      // department steps not yet answered: their calls (queued, failing, or an incident)
      externalTasks.createExternalTaskQuery().processInstanceId(instance).list()
          .forEach(t -> calls.put(t.getActivityInstanceId(), t));
    }
    List<Step> steps = new ArrayList<>();
    addSteps(c.processInstanceId(), activities, dueByTask, calls, steps);
    return new Progress(c.caseNumber(), c.type(), c.type().displayName(), c.status(), c.status().displayName(),
        c.applicantName(), c.applicantIdMasked(), c.openedAt(), c.dueAt(), c.closedAt(), c.outcomeReason(), steps,
        voids.ofCase(c.caseNumber()).stream().map(v -> new DepartmentVoid(v.department(),
            departments.find(v.department()).map(d -> d.organisation()).orElse(v.department()), v.requestKey(),
            v.status(), VOID_STATUS_NAMES.get(v.status()), v.outcome(), v.attempts())).toList(),
        caseHistories.stream().flatMap(h -> h.entries(c.processInstanceId()).stream())
            .sorted(java.util.Comparator.comparing(CaseHistory.Entry::at)).toList());
  }

  /** The instance's steps in order, each call activity followed by the steps of the process it called. */
  private void addSteps(String instance, Map<String, List<HistoricActivityInstance>> activities,
      Map<String, Date> dueByTask, Map<String, ExternalTask> calls, List<Step> steps) {
    for (HistoricActivityInstance a : activities.getOrDefault(instance, List.of())) {
      if (STEP_TYPES.contains(a.getActivityType())) {
        String state = a.getEndTime() == null ? "ACTIVE" : (a.isCanceled() ? "CANCELED" : "COMPLETED");
        Date due = a.getTaskId() == null ? null : dueByTask.get(a.getTaskId());
        Step shown = step(a.getProcessDefinitionId(), a.getActivityId(), a.getActivityName(), state, a.getStartTime(),
            a.getEndTime(), due);
        ExternalTask call = a.getEndTime() == null ? calls.get(a.getId()) : null;
        if (call != null && shown.department() != null) {
          String waiting = call.getRetries() != null && call.getRetries() == 0 ? "INCIDENT"
              : call.getErrorMessage() != null ? "RETRYING" : "WAITING";
          shown = new Step(shown.stepId(), shown.name(), shown.department(), shown.departmentName(), waiting,
              shown.startedAt(), null, null, ResidentIdNumber.maskAll(call.getErrorMessage()));
        }
        steps.add(shown);
      }
      if (a.getCalledProcessInstanceId() != null) {
        addSteps(a.getCalledProcessInstanceId(), activities, dueByTask, calls, steps);
      }
    }
  }

  private Step step(String processDefinitionId, String activityId, String name, String state, Date startedAt,
      Date endedAt, Date dueAt) {
    String dept = departmentOf(processDefinitionId, activityId);
    return new Step(activityId, name, dept, departments.find(dept).map(Department::displayName).orElse(null),
        state, toInstant(startedAt), toInstant(endedAt), toInstant(dueAt), null);
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
