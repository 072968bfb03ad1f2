package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What each step's form shows and lets the clerk change (Camunda Forms, {@code forms/<family>/*.form}):
 * the fields a step owns (it may write them), the fields it shows (it may read them — and the
 * variables its conditions look at), and for a clerk's groups the union of what the forms of the
 * steps offered to them show (what they may search their task list by). Read as the system; the
 * deployed forms do not change while the application runs, so the group unions are kept.
 */
@Component
class StepForms {

  /** FEEL words in a form's conditions that are not variables. */
  private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "null", "true", "false", "if", "then",
      "else", "in", "some", "every", "satisfies", "instance", "of", "between", "for", "return", "function");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ObjectMapper json;
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final Map<Set<String>, Set<String>> shownToGroups = new ConcurrentHashMap<>();
  /**
   * Parsed forms by definition id and step (every form is bound to its deployment, so a deployed
   * definition's forms never change): a clerk's save or completion does not read and parse the form
   * from the database each time. Only forms found are kept; a failure to read one is tried again.
   */
  private final Map<String, Fields> parsed = new ConcurrentHashMap<>();

  StepForms(ObjectMapper json, FormService forms, RepositoryService repository, TaskService tasks) {
    this.json = json;
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
  }

  /** A form's fields: those the step may edit, every field's label, and every name the form shows or tests. */
  record Fields(Set<String> editable, Map<String, String> labels, Set<String> shown) {
    String label(String name) {
      String label = labels.get(name);
      return label == null ? name : label + "（" + name + "）";
    }
  }

  /** The task's deployed form, or null when it has none (nothing known to restrict by name). */
  Fields ofTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? null : ofTask(task);
  }

  /** The task's deployed form, or null when it has none. */
  Fields ofTask(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return taskForm(task.getId()); // a task outside any process: nothing to key a cache by
    }
    String key = task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey();
    Fields fields = parsed.get(key);
    if (fields == null) {
      fields = taskForm(task.getId());
      if (fields != null) {
        parsed.put(key, fields);
      }
    }
    return fields;
  }

  private Fields taskForm(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return fields(form);
    } catch (Exception e) {
      return null;
    }
  }

  /** The start form of a definition (by key: its latest version), or null. */
  Fields ofStart(String key, String id) {
    ProcessDefinition definition = key != null
        ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      return null;
    }
    Fields cached = parsed.get(definition.getId());
    if (cached != null) {
      return cached;
    }
    try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
      Fields fields = fields(form);
      if (fields != null) {
        parsed.put(definition.getId(), fields);
      }
      return fields;
    } catch (Exception e) {
      return null;
    }
  }

  /** What the forms of the user tasks offered to any of these groups show, over every deployed definition. */
  Set<String> shownToGroups(Collection<String> groups) {
    return shownToGroups.computeIfAbsent(Set.copyOf(groups), g -> {
      Set<String> shown = new HashSet<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
        Map<String, Fields> byFormId = null;
        for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
          String candidates = task.getCamundaCandidateGroups();
          if (candidates == null || task.getCamundaFormRef() == null
              || List.of(candidates.split("\\s*,\\s*")).stream().noneMatch(g::contains)) {
            continue;
          }
          if (byFormId == null) {
            byFormId = formsOf(definition.getDeploymentId());
          }
          Fields fields = byFormId.get(task.getCamundaFormRef());
          if (fields != null) {
            shown.addAll(fields.shown());
          }
        }
      }
      return Set.copyOf(shown);
    });
  }

  private Map<String, Fields> formsOf(String deploymentId) {
    Map<String, Fields> byId = new HashMap<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
          byte[] bytes = in.readAllBytes();
          String id = json.readTree(bytes).path("id").asText(null);
          if (id != null) {
            byId.put(id, fields(new java.io.ByteArrayInputStream(bytes)));
          }
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read form " + name, e);
        }
      }
    }
    return byId;
  }

  private Fields fields(InputStream form) throws IOException {
    JsonNode root = json.readTree(form);
    Set<String> editable = new HashSet<>();
    Map<String, String> labels = new HashMap<>();
    Set<String> shown = new HashSet<>();
    collect(root, editable, labels, shown);
    return new Fields(Set.copyOf(editable), Map.copyOf(labels), Set.copyOf(shown)); // shared: kept in the cache
  }

  private static void collect(JsonNode node, Set<String> editable, Map<String, String> labels, Set<String> shown) {
    for (JsonNode c : node.path("components")) {
      if (c.hasNonNull("key")) {
        String key = c.get("key").asText();
        labels.put(key, c.path("label").asText(key));
        shown.add(key);
        if (!c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false)) {
          editable.add(key);
        }
      }
      String hide = c.path("conditional").path("hide").asText("");
      Matcher names = NAME.matcher(hide.startsWith("=") ? hide.substring(1).replaceAll("\"[^\"]*\"", "") : "");
      while (names.find()) {
        if (!FEEL_WORDS.contains(names.group())) {
          shown.add(names.group());
        }
      }
      collect(c, editable, labels, shown);
    }
  }
}
