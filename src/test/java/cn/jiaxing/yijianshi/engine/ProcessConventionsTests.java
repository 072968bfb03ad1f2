package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.identity.StaffGroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import cn.jiaxing.yijianshi.sla.SlaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The house conventions of every model in {@code processes/} (see shared/design.md): file name ==
 * process id, no generated ids, history TTL, a diagram, Chinese names; every user task with a
 * candidate group, a deployed form that exists, the decision listener and an SLA policy; every
 * service task asynchronous with the department retry cycle; every end event closing the case.
 */
class ProcessConventionsTests {

  private static final String ID = "(StartEvent|EndEvent|Task|Gateway|Flow|Boundary|Message|Error|Event|Timer"
      + "|ErrorEventDefinition|TerminateEventDefinition|TimerEventDefinition|MessageEventDefinition|Definitions"
      + "|Lane|LaneSet|Participant|Collaboration|SubProcess|CallActivity|Signal)_[A-Za-z0-9]+";
  private static final Departments CATALOGUE = Departments.read("departments.yaml");
  /** The catalogue's roles, and the front desk (补正 steps). */
  private static final Set<String> DEPARTMENT_GROUPS = Stream.concat(CATALOGUE.roles().stream().map(Department::code),
      Stream.of(StaffGroups.FRONT_DESK)).collect(Collectors.toSet());

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).toList().stream();
    }
  }

  static Stream<Path> decisions() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".dmn")).toList().stream();
    }
  }

  /** A decision table: named ids, a history time to live, and every rule says why (its legal source, where it has one). */
  @ParameterizedTest
  @MethodSource("decisions")
  void decisionTablesFollowTheHouseConventions(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      check(problems, file.getFileName().toString().equals(decision.getId() + ".dmn"),
          "file name is not the decision id " + decision.getId());
      check(problems, decision.getCamundaHistoryTimeToLiveString() != null,
          decision.getId() + " lacks camunda:historyTimeToLive");
      check(problems, decision.getName() != null && !decision.getName().isBlank(), decision.getId() + " has no name");
    }
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      check(problems, rule.getId().matches("Rule_[A-Za-z0-9]+"), rule.getId() + " is not a named id (Rule_X)");
      check(problems, rule.getDescription() != null && !rule.getDescription().getTextContent().isBlank(),
          rule.getId() + " has no annotation saying why (its legal source)");
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void followsTheHouseConventions(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    List<String> problems = new ArrayList<>();
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    String processId = process.getId();
    check(problems, file.getFileName().toString().equals(processId + ".bpmn"), "file name != process id " + processId);
    check(problems, process.getCamundaHistoryTimeToLiveString() != null, "no historyTimeToLive");
    String family = file.getParent().getFileName().toString();
    Map<String, String> slaSteps = slaPolicies(family).getOrDefault(processId, Map.of());
    // a process only ever called by another (not startable in Tasklist) is a part of its caller's case:
    // it has no start form and no case-level time limit of its own
    boolean called = !process.isCamundaStartableInTasklist();
    check(problems, called || slaSteps.containsKey("case"),
        "no case-level SLA policy (yijianshi.sla.policies." + processId + ".case)");

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      if (e.getId() != null && !e.getId().equals(processId)) {
        check(problems, e.getId().matches(ID), "id " + e.getId() + " is not a named id (Type_Name)");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      check(problems, shapes.contains(node.getId()), node.getId() + " has no diagram shape");
      boolean unnamedGateway = node.getElementType().getTypeName().endsWith("Gateway") && node.getName() == null;
      check(problems, unnamedGateway || node.getName() != null && node.getName().matches(".*\\p{IsHan}.*"),
          node.getId() + " needs a Chinese name");
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      check(problems, edges.contains(flow.getId()), flow.getId() + " has no diagram edge");
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      check(problems, DEPARTMENT_GROUPS.contains(task.getCamundaCandidateGroups()),
          id + " candidate group is not a department code: " + task.getCamundaCandidateGroups());
      check(problems, department(task) != null, id + " lacks the department property");
      checkForm(problems, id, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      check(problems, slaSteps.containsKey(id), id + " has no SLA policy (yijianshi.sla.policies." + processId + "." + id + ")");
      // the platform adds the completion rules' listener (CompletionRulesPlugin); the model does not repeat it
      check(problems, task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
              .filterByType(CamundaTaskListener.class).list().stream()
              .noneMatch(l -> "${taskDecisionValidator}".equals(l.getCamundaDelegateExpression())),
          id + " repeats the completion rules' listener: the platform adds it");
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() == process && !called) {
        checkForm(problems, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String id = task.getId();
      check(problems, task.isCamundaAsyncBefore(), id + " is not asyncBefore");
      check(problems, task.getCamundaDelegateExpression() != null, id + " has no delegateExpression");
      check(problems, CATALOGUE.systems().stream().anyMatch(d -> d.code().equals(department(task))),
          id + " department property is not a system of departments.yaml: " + department(task));
      // the platform applies the retry cycle (DepartmentStepTasks); a model names one only to differ
      check(problems, task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
              .filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty(),
          id + " repeats a retry cycle: department steps get the platform's (yijianshi.engine.department-retry-cycle)");
    }
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      // the outcome is all an end event says: the platform closes the case there (CaseLifecyclePlugin)
      check(problems, property(end, "outcome") != null, end.getId() + " lacks the outcome property");
      check(problems, end.getExtensionElements() == null || end.getExtensionElements().getElementsQuery()
              .filterByType(CamundaExecutionListener.class).list().isEmpty(),
          end.getId() + " has an execution listener: the platform closes the case at an end event with an outcome");
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      check(problems, boundary.getAttachedTo() instanceof ServiceTask || boundary.getAttachedTo() instanceof UserTask
              || boundary.getAttachedTo() instanceof org.camunda.bpm.model.bpmn.instance.ReceiveTask,
          boundary.getId() + " is attached to an unexpected element");
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  private static void checkForm(List<String> problems, String id, String formRef, String binding) {
    check(problems, formRef != null, id + " has no camunda:formRef");
    check(problems, "deployment".equals(binding), id + " formRefBinding must be deployment");
    if (formRef != null) {
      try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
        check(problems, forms.anyMatch(f -> f.getFileName().toString().equals(formRef + ".form")),
            id + " references missing form " + formRef);
      } catch (IOException e) {
        problems.add(e.toString());
      }
    }
  }

  private static String department(BaseElement element) {
    return property(element, "department");
  }

  private static String property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  /** The SLA policies of a family: its own file, src/main/resources/sla/{@code <family>}.yaml, imported by application.yaml. */
  private static Map<String, Map<String, String>> slaPolicies(String family) throws IOException {
    String file = "sla/" + family + ".yaml";
    if (!Files.readString(Path.of("src/main/resources/application.yaml")).contains("classpath:" + file)) {
      throw new AssertionError("application.yaml does not import classpath:" + file);
    }
    StandardEnvironment env = new StandardEnvironment();
    for (PropertySource<?> source : new YamlPropertySourceLoader()
        .load(family, new FileSystemResource("src/main/resources/" + file))) {
      env.getPropertySources().addLast(source);
    }
    return Binder.get(env).bind("yijianshi.sla", SlaProperties.class).map(SlaProperties::policies).orElse(Map.of());
  }
}
