package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a client may write through Camunda's REST APIs ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}), checked before the engine sees the request, each refusal a 4xx
 * with a Chinese message naming the field:
 * <ul>
 *   <li>a body that is missing, {@code null}, not JSON or not an object where one is needed → 400;</li>
 *   <li>variables: only text, yes/no, numbers, dates, JSON text and null; the value must fit its
 *       type; text at most {@value #MAX_TEXT} characters → 400;</li>
 *   <li>a step owns its form's editable fields: a task's completion, form submission or variable
 *       write may set (or delete) only those — anything else, e.g. an ID number validated at intake,
 *       only if it is unchanged; a start only the start form's fields → 403;</li>
 *   <li>writes that are no step's (process-instance and execution variables, messages, signals,
 *       modification, restart) and the start options that skip checks ({@code skipCustomListeners},
 *       {@code skipIoMappings}, {@code startInstructions}) only for platform administrators → 403.</li>
 * </ul>
 * Processes without deployed forms (no owned fields known) are not restricted by name.
 *
 * <p>And what a query may ask: filtering or sorting by variable values answers yes/no questions
 * about citizens' data (an ID number rebuilt digit by digit with {@code _like_}). Only those who may
 * read the variables anyway may ask: administrators, and on task queries (and Tasklist filters) the
 * clerks whose tasks are only those offered to them. A supervisor, who sees every task and instance
 * but no citizen's data, gets a 403 — on the REST API, the webapps' API and Cockpit's own queries.
 */
@Configuration
class RestInputGuard {

  static final int MAX_TEXT = 4000;
  private static final Set<String> SCALAR_TYPES = Set.of("string", "boolean", "integer", "short", "long", "double",
      "date", "null", "json");
  private static final Set<String> OPERATOR_OPTIONS = Set.of("skipCustomListeners", "skipIoMappings",
      "startInstructions");
  private static final Pattern PREFIX = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+|/camunda/api/cockpit/plugin/[^/]+/[^/]+)(/.*)$");
  /** Query criteria on variable values, in query parameters or JSON bodies. */
  private static final Set<String> VARIABLE_CRITERIA = Set.of("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "executionVariables", "variableValues", "variableValue", "variableNamesIgnoreCase",
      "variableValuesIgnoreCase");
  /** Queries scoped to what the caller may work on: a clerk may search their own tasks by their variables. */
  private static final Pattern TASK_QUERY = Pattern.compile("^(/task(/count)?|/filter/[^/]+/(list|count|singleResult))$");
  /** Reading a task's variables: all of them, the form's, the local ones, or one by name. */
  private static final Pattern TASK_READ = Pattern.compile(
      "^/task/([^/]+)/(?:variables|form-variables|localVariables)(?:/([^/]+)(?:/data)?)?$");
  private static final Pattern TASK_WRITE = Pattern.compile(
      "^/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+)(/data)?)?$");
  /** Creating or changing an authorization (Admin's 授权 page uses the same resource). */
  private static final Pattern AUTHORIZATION_WRITE = Pattern.compile("^/authorization(/create|/[^/]+)$");
  private static final Pattern START = Pattern.compile(
      "^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)$");
  private static final Pattern OPERATOR_ONLY = Pattern.compile("^(/process-instance/[^/]+/variables.*"
      + "|/process-instance/variables-async|/execution/[^/]+/(localVariables.*|signal|messageSubscriptions/.*)"
      + "|/process-instance/[^/]+/modification.*|/modification/.*|/message.*|/signal.*|/condition.*"
      + "|/process-definition/.*/restart.*)$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> restInputGuardFilter(ObjectMapper json, IdentityService identity,
      TaskService tasks, StepForms stepForms, AuthorizationService authorizations) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(json, identity, tasks, stepForms, authorizations));
    registration.setName("rest-input-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/cockpit/*");
    registration.setOrder(15); // after authentication (10), before the rejected-input mapping (20)
    return registration;
  }

  /** A refused request: its status and the message for the clerk. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  static final class Guard extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final IdentityService identity;
    private final TaskService tasks;
    private final StepForms stepForms;
    private final AuthorizationService authorizations;

    Guard(ObjectMapper json, IdentityService identity, TaskService tasks, StepForms stepForms,
        AuthorizationService authorizations) {
      this.authorizations = authorizations;
      this.json = json;
      this.identity = identity;
      this.tasks = tasks;
      this.stepForms = stepForms;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String method = request.getMethod();
      return !("GET".equals(method) || "POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher prefix = PREFIX.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!prefix.matches()) {
        chain.doFilter(request, response);
        return;
      }
      String path = prefix.group(2);
      if ("GET".equals(request.getMethod())) {
        Authentication caller = caller(request);
        String criterion = caller == null ? null : variableCriterion(request.getParameterMap(), null);
        if (criterion != null && !mayQueryVariables(caller, path, variableNames(request.getParameterMap(), null))) {
          refuse(response, new Refused(403, "无权按办件内容（流程变量）查询或排序：" + criterion));
          return;
        }
        Matcher read = TASK_READ.matcher(path);
        if (caller != null && read.matches() && !isAdmin(caller)) {
          readThroughTheForm(request, response, chain, read.group(1), read.group(2));
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readAllBytes();
      if (emptyAllowed(request.getMethod(), path) && blank(body)) {
        body = "{}".getBytes(StandardCharsets.UTF_8); // no body (or null) is no variables, not a NullPointerException
      }
      body = jsonAsText(body);
      Authentication caller = caller(request);
      try {
        if (caller != null) {
          check(request.getMethod(), path, body, caller);
        }
      } catch (Refused refused) {
        refuse(response, refused);
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
    }

    private void refuse(HttpServletResponse response, Refused refused) throws IOException {
      response.setStatus(refused.status);
      response.setContentType("application/json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), Map.of("type", refused.status == 403 ? "AuthorizationException"
          : "InvalidRequestException", "message", refused.getMessage(), "code", 0));
    }

    /** The first criterion on variable values in query parameters or a JSON query body, or null. */
    private static String variableCriterion(Map<String, String[]> parameters, JsonNode body) {
      if (parameters != null) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
          if (VARIABLE_CRITERIA.contains(p.getKey()) && java.util.Arrays.stream(p.getValue()).anyMatch(v -> !v.isBlank())) {
            return p.getKey();
          }
          if (p.getKey().equals("sortBy") && java.util.Arrays.stream(p.getValue()).anyMatch(v -> v.contains("Variable"))) {
            return "sortBy";
          }
        }
      }
      if (body != null && body.isObject()) {
        for (String c : VARIABLE_CRITERIA) {
          JsonNode v = body.get(c);
          if (v != null && !v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
            return c;
          }
        }
        for (JsonNode sort : body.path("sorting")) {
          if (sort.path("sortBy").asText().contains("Variable")) {
            return "sorting";
          }
        }
        if (body.path("sortBy").asText().contains("Variable")) {
          return "sortBy";
        }
        for (JsonNode or : body.path("orQueries")) {
          String inner = variableCriterion(null, or);
          if (inner != null) {
            return "orQueries." + inner;
          }
        }
      }
      return null;
    }

    /**
     * Administrators; on task queries, callers who do not see every task (a clerk's tasks are theirs) and
     * only by what the forms of the steps offered to their groups show (what they could read anyway).
     */
    private boolean mayQueryVariables(Authentication caller, String path, Set<String> names) {
      if (isAdmin(caller)) {
        return true;
      }
      return TASK_QUERY.matcher(path).matches() && !authorizations.isUserAuthorized(caller.getUserId(),
          caller.getGroupIds(), Permissions.READ, Resources.TASK, "*")
          && (names == null || asSystem(() -> stepForms.shownToGroups(
              caller.getGroupIds() == null ? List.of() : caller.getGroupIds())).containsAll(names));
    }

    private static boolean isAdmin(Authentication caller) {
      return caller.getGroupIds() != null && caller.getGroupIds().contains("camunda-admin");
    }

    /**
     * The variable names a query's criteria and sorting name, or null when one cannot be told (then only
     * administrators may ask): {@code name_op_value} lists in parameters, {@code {name: …}} items in bodies.
     */
    private static Set<String> variableNames(Map<String, String[]> parameters, JsonNode body) {
      Set<String> names = new java.util.HashSet<>();
      if (parameters != null) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
          if (p.getKey().equals("sortBy") || p.getKey().equals("variableNamesIgnoreCase")
              || p.getKey().equals("variableValuesIgnoreCase")) {
            continue;
          }
          if (VARIABLE_CRITERIA.contains(p.getKey())) {
            for (String value : p.getValue()) {
              for (String criterion : value.split(",")) {
                int op = criterion.indexOf('_');
                if (criterion.isBlank()) {
                  continue;
                }
                if (op <= 0) {
                  return null;
                }
                names.add(criterion.substring(0, op));
              }
            }
          }
        }
        if (parameters.containsKey("sortBy") && java.util.Arrays.stream(parameters.get("sortBy"))
            .anyMatch(v -> v.contains("Variable"))) {
          return null;
        }
      }
      if (body != null && body.isObject()) {
        for (String c : VARIABLE_CRITERIA) {
          for (JsonNode item : body.path(c)) {
            if (!item.path("name").isTextual()) {
              return null;
            }
            names.add(item.get("name").asText());
          }
        }
        for (JsonNode sort : body.path("sorting")) {
          if (sort.path("sortBy").asText().contains("Variable")) {
            JsonNode variable = sort.path("parameters").path("variable");
            if (!variable.isTextual()) {
              return null;
            }
            names.add(variable.asText());
          }
        }
        for (JsonNode or : body.path("orQueries")) {
          Set<String> inner = variableNames(null, or);
          if (inner == null) {
            return null;
          }
          names.addAll(inner);
        }
      }
      return names;
    }

    /**
     * A clerk reads a task's variables through its form: only what the step's form shows (and tests in its
     * conditions) — the data that step needs, not every variable of the case (a clerk verifying a birth
     * record does not read the parents' ID numbers). One variable by name: 403 when the form lacks it.
     */
    private void readThroughTheForm(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
        String taskId, String name) throws IOException, ServletException {
      StepForms.Fields fields = asSystem(() -> stepForms.ofTask(taskId));
      if (fields == null) {
        chain.doFilter(request, response); // no deployed form: nothing known to restrict by
        return;
      }
      if (name != null) {
        if (!fields.shown().contains(name)) {
          refuse(response, new Refused(403, "本环节的表单不含此项，无权读取：" + name));
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      org.springframework.web.util.ContentCachingResponseWrapper captured =
          new org.springframework.web.util.ContentCachingResponseWrapper(response);
      chain.doFilter(request, captured);
      byte[] body = captured.getContentAsByteArray();
      if (captured.getStatus() == 200 && body.length > 0) {
        JsonNode root = json.readTree(body);
        if (root.isObject()) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) root).retain(fields.shown());
          captured.resetBuffer();
          body = json.writeValueAsBytes(root);
          captured.getResponse().setContentLength(body.length);
          captured.getResponse().getOutputStream().write(body);
          captured.getResponse().flushBuffer();
          return;
        }
      }
      captured.copyBodyToResponse();
    }

    /** A start or a task's completion may come without variables. */
    private static boolean emptyAllowed(String method, String path) {
      if (!"POST".equals(method)) {
        return false;
      }
      Matcher task = TASK_WRITE.matcher(path);
      return START.matcher(path).matches()
          || task.matches() && task.group(3) == null && Set.of("complete", "submit-form", "resolve").contains(task.group(2));
    }

    private static boolean blank(byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      return text.isEmpty() || text.equals("null");
    }

    private void check(String method, String path, byte[] body, Authentication caller) throws Refused {
      boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains("camunda-admin");
      Matcher task = TASK_WRITE.matcher(path);
      Matcher start = START.matcher(path);
      if (task.matches()) {
        checkTaskWrite(method, task.group(1), task.group(2), task.group(3), task.group(4) != null, body, caller, admin);
      } else if (start.matches() && "POST".equals(method)) {
        JsonNode root = object(body, true);
        for (String option : OPERATOR_OPTIONS) {
          if (root.has(option) && !root.get(option).isNull() && !admin
              && !(root.get(option).isBoolean() && !root.get(option).booleanValue())) {
            throw new Refused(403, "该选项仅限平台管理员使用：" + option);
          }
        }
        Map<String, JsonNode> variables = variables(root.get("variables"), "variables");
        if (!admin) {
          StepForms.Fields owned = asSystem(() -> stepForms.ofStart(start.group(1), start.group(2)));
          for (String name : variables.keySet()) {
            if (owned != null && !owned.editable().contains(name)) {
              throw new Refused(403, "申请表中没有此项，不能提交：" + owned.label(name));
            }
          }
        }
      } else if (AUTHORIZATION_WRITE.matcher(path).matches() && ("POST".equals(method) || "PUT".equals(method))) {
        Matcher grant = AUTHORIZATION_WRITE.matcher(path);
        grant.matches();
        checkTaskGrant(object(body, true), "/create".equals(grant.group(1)) ? null : grant.group(1).substring(1));
      } else if (OPERATOR_ONLY.matcher(path).matches() && !admin) {
        throw new Refused(403, "该操作仅限平台管理员：" + method + " " + path.replaceAll("/[0-9a-f-]{20,}", "/{id}"));
      } else if ("POST".equals(method) && !blank(body) && variableCriterion(null, objectOrNull(body)) != null
          && !mayQueryVariables(caller, path, variableNames(null, objectOrNull(body)))) {
        throw new Refused(403, "无权按办件内容（流程变量）查询或排序：" + variableCriterion(null, objectOrNull(body)));
      }
    }

    /**
     * A grant on a single task only while that task is open: Camunda deletes a task's authorizations with the
     * task, so every grant on a task names an open one — which lets a clerk's task count read the grants
     * alone ({@link TaskVisibility#countsGrants}). A hand-made grant on an id that is no open task would
     * make that count wrong; it grants nothing anyway.
     */
    private void checkTaskGrant(JsonNode authorization, String existingId) throws Refused {
      // a change (PUT) keeps the stored type, and what it leaves out stays as stored
      org.camunda.bpm.engine.authorization.Authorization stored = existingId == null ? null
          : asSystem(() -> authorizations.createAuthorizationQuery().authorizationId(existingId).singleResult());
      JsonNode resourceType = authorization.get("resourceType");
      if (existingId != null && (resourceType == null || !resourceType.canConvertToInt())) {
        throw new Refused(400, "修改授权须给出资源类型 resourceType（整数）"); // Camunda would answer 500
      }
      int type = stored != null ? stored.getAuthorizationType() : authorization.path("type").asInt(-1);
      int resource = resourceType != null && !resourceType.isNull() ? resourceType.asInt(-1)
          : stored != null ? stored.getResourceType() : -1;
      JsonNode resourceIdNode = authorization.get("resourceId");
      String id = resourceIdNode != null && !resourceIdNode.isNull() ? resourceIdNode.asText()
          : stored != null ? stored.getResourceId() : null;
      if (resource != Resources.TASK.resourceType() || type == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE
          || id == null || "*".equals(id)) {
        return;
      }
      if (asSystem(() -> tasks.createTaskQuery().taskId(id).count()) == 0) {
        throw new Refused(400, "任务不存在或已办结，不能为其授权：" + (id.length() > 64 ? id.substring(0, 64) + "…" : id));
      }
    }

    private void checkTaskWrite(String method, String taskId, String action, String variableName, boolean binary,
        byte[] body, Authentication caller, boolean admin) throws Refused {
      Map<String, JsonNode> written = new LinkedHashMap<>();
      List<String> deleted = new java.util.ArrayList<>();
      if (variableName != null) {
        if (binary) {
          if (!admin) {
            throw new Refused(403, "不能上传二进制变量：" + variableName);
          }
          return;
        }
        if ("DELETE".equals(method)) {
          deleted.add(variableName);
        } else {
          JsonNode value = object(body, true);
          written.put(variableName, value);
          typed(variableName, value, variableName);
        }
      } else if ("POST".equals(method) && (action.equals("variables") || action.equals("localVariables"))) {
        JsonNode root = object(body, true);
        written.putAll(variables(root.get("modifications"), "modifications"));
        JsonNode deletions = root.get("deletions");
        if (deletions != null && !deletions.isNull()) {
          if (!deletions.isArray()) {
            throw new Refused(400, "deletions 应为变量名的数组");
          }
          deletions.forEach(d -> deleted.add(d.asText()));
        }
      } else if ("POST".equals(method)) {
        JsonNode root = object(body, false);
        written.putAll(variables(root == null ? null : root.get("variables"), "variables"));
      } else {
        return;
      }
      if (admin || written.isEmpty() && deleted.isEmpty()) {
        return;
      }
      // the caller's own view of the task: what they cannot see, the engine refuses itself
      Task visible = withAuthentication(caller, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
      if (visible == null) {
        return;
      }
      StepForms.Fields owned = asSystem(() -> stepForms.ofTask(visible));
      if (owned == null) {
        return;
      }
      for (String name : deleted) {
        if (!owned.editable().contains(name)) {
          throw new Refused(403, "不能删除本环节之外的信息：" + owned.label(name));
        }
      }
      for (Map.Entry<String, JsonNode> w : written.entrySet()) {
        String name = w.getKey();
        if (!owned.editable().contains(name) && !unchanged(taskId, name, w.getValue())) {
          throw new Refused(403, "不能修改受理时已核验或不属于本环节的信息：" + owned.label(name));
        }
      }
    }

    /** Whether a write to a field the step does not own leaves its value as it is (forms send shown fields back). */
    private boolean unchanged(String taskId, String name, JsonNode written) {
      Object current = asSystem(() -> tasks.getVariable(taskId, name));
      JsonNode value = written.get("value");
      if (value == null || value.isNull()) {
        return current == null;
      }
      if (current instanceof Boolean b) {
        return value.isBoolean() ? value.booleanValue() == b : value.asText().equals(b.toString());
      }
      if (current instanceof Number n) {
        try {
          return new BigDecimal(value.asText()).compareTo(new BigDecimal(n.toString())) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
      return current != null && value.isTextual() && value.asText().equals(current.toString());
    }

    /** The {name: {value, type}} map of a request, each variable checked for its type and size. */
    private Map<String, JsonNode> variables(JsonNode node, String field) throws Refused {
      Map<String, JsonNode> result = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return result;
      }
      if (!node.isObject()) {
        throw new Refused(400, field + " 应为对象：{\"字段名\": {\"value\": 值, \"type\": \"String\"}}");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!f.getValue().isObject()) {
          throw new Refused(400, "字段 " + f.getKey() + " 应写成 {\"value\": 值}");
        }
        typed(f.getKey(), f.getValue(), f.getKey());
        result.put(f.getKey(), f.getValue());
      }
      return result;
    }

    private static void typed(String name, JsonNode variable, String label) throws Refused {
      JsonNode value = variable.get("value");
      String type = variable.hasNonNull("type") ? variable.get("type").asText().toLowerCase() : null;
      if (type != null && !SCALAR_TYPES.contains(type)) {
        throw new Refused(400, "字段 " + label + " 的类型 " + variable.get("type").asText()
            + " 不受支持：只能是文字、是/否、数字、日期或 JSON 文本");
      }
      if (value == null || value.isNull()) {
        return;
      }
      if (value.isContainerNode()) {
        throw new Refused(400, "字段 " + label + " 的值应为文字、数字或是/否，不能是对象或数组");
      }
      if (value.isTextual() && value.asText().length() > MAX_TEXT) {
        throw new Refused(400, "字段 " + label + " 过长：最多" + MAX_TEXT + "字，提交了" + value.asText().length() + "字");
      }
      if (type == null) {
        return;
      }
      switch (type) {
        case "boolean" -> require(value.isBoolean() || value.asText().equals("true") || value.asText().equals("false"),
            label, "应为是/否（true 或 false）");
        case "integer", "short" -> require(integral(value, 31), label, "应为整数");
        case "long" -> require(integral(value, 63), label, "应为整数");
        case "double" -> require(value.isNumber() || numeric(value.asText()), label, "应为数字");
        case "string", "date", "json" -> require(value.isTextual(), label, "应为文字");
        default -> { }
      }
    }

    private static boolean integral(JsonNode value, int bits) {
      try {
        BigDecimal d = new BigDecimal(value.asText());
        return d.stripTrailingZeros().scale() <= 0 && d.toBigInteger().bitLength() <= bits;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean numeric(String text) {
      try {
        new BigDecimal(text);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static void require(boolean ok, String label, String problem) throws Refused {
      if (!ok) {
        throw new Refused(400, "字段 " + label + " " + problem);
      }
    }

    /**
     * Tasklist sends a checklist's (or taglist's) choices as a variable of type Json holding the JSON text;
     * this engine has no Json type (no Spin) and would refuse the whole form, so such a variable is taken as
     * that text (String), which the start and completion checks read as a list of choices.
     */
    private byte[] jsonAsText(byte[] body) throws IOException {
      if (!new String(body, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT).contains("\"json\"")) {
        return body; // no variable typed Json: nothing to read twice
      }
      JsonNode root = objectOrNull(body);
      if (root == null || !root.isObject()) {
        return body;
      }
      boolean changed = asText(root); // PUT …/variables/{name}: the body is the variable
      for (String field : List.of("variables", "modifications")) {
        if (root.get(field) != null && root.get(field).isObject()) {
          for (JsonNode variable : root.get(field)) {
            changed |= asText(variable);
          }
        }
      }
      return changed ? json.writeValueAsBytes(root) : body;
    }

    private static boolean asText(JsonNode variable) {
      if (variable.isObject() && variable.path("type").asText().equalsIgnoreCase("json") && variable.path("value").isTextual()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) variable).put("type", "String");
        return true;
      }
      return false;
    }

    /** The body as JSON when it is JSON (a query's criteria), else null. */
    private JsonNode objectOrNull(byte[] body) {
      try {
        return json.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** The body as a JSON object; {@code required}: a missing or null body is refused too. */
    private JsonNode object(byte[] body, boolean required) throws Refused {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.isEmpty() || text.equals("null")) {
        if (required) {
          throw new Refused(400, "请求内容不能为空：应为 JSON 对象");
        }
        return null;
      }
      JsonNode root;
      try {
        root = json.readTree(text);
      } catch (JsonProcessingException e) {
        throw new Refused(400, "请求内容不是合法的 JSON（第" + e.getLocation().getLineNr() + "行第"
            + e.getLocation().getColumnNr() + "列）");
      }
      if (!root.isObject()) {
        throw new Refused(400, "请求内容应为 JSON 对象");
      }
      return root;
    }

    /** Who is asking: the REST API's authenticated user, or the webapp session's. */
    private Authentication caller(HttpServletRequest request) {
      Authentication current = identity.getCurrentAuthentication();
      if (current != null) {
        return current;
      }
      HttpSession session = request.getSession(false);
      if (session == null) {
        return null;
      }
      var auth = AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
          .filter(a -> a instanceof UserAuthentication).map(a -> (UserAuthentication) a).findFirst().orElse(null);
      return auth == null ? null : new Authentication(auth.getName(), auth.getGroupIds() == null ? List.of()
          : List.copyOf(auth.getGroupIds()));
    }

    private <T> T asSystem(Supplier<T> work) {
      Authentication previous = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return work.get();
      } finally {
        if (previous != null) {
          identity.setAuthentication(previous);
        }
      }
    }

    private <T> T withAuthentication(Authentication caller, Supplier<T> work) {
      Authentication previous = identity.getCurrentAuthentication();
      identity.setAuthentication(caller);
      try {
        return work.get();
      } finally {
        if (previous != null) {
          identity.setAuthentication(previous);
        } else {
          identity.clearAuthentication();
        }
      }
    }
  }

  /** The request with its body read once and replayed to the engine. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = Objects.requireNonNull(body);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    /** A request that came without a body (or a type) reads as the JSON it was replaced by. */
    @Override
    public String getContentType() {
      String type = super.getContentType();
      return type == null ? "application/json" : type;
    }

    @Override
    public String getHeader(String name) {
      if ("content-length".equalsIgnoreCase(name)) {
        return String.valueOf(body.length);
      }
      return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      return "content-type".equalsIgnoreCase(name) ? java.util.Collections.enumeration(List.of(getContentType()))
          : super.getHeaders(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaderNames() {
      List<String> names = java.util.Collections.list(super.getHeaderNames());
      if (names.stream().noneMatch("content-type"::equalsIgnoreCase)) {
        names.add("Content-Type");
      }
      return java.util.Collections.enumeration(names);
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
