package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.MediaType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees which task, with the task query's authorization check rewritten ({@link TaskQueryMapping}).
 * Every query a clerk's Tasklist or a REST client sends is run twice for every staff member: by our
 * engine, and by a second engine on the same database with Camunda's own mapping. The result sets
 * must be identical — nothing may appear or disappear — for each way a right can be held: a candidate
 * group (the row Camunda writes per task), the assignee, a grant to one user on one task, a grant on a
 * whole process definition, the supervisor's grant on every task, and a revoke (Camunda's own query).
 */
class TaskListAuthorizationIT extends FullStackTestSupport {

  private static final List<String> STAFF = List.of("qiantai", "minzheng", "gongan", "weijian", "jikong", "yibao",
      "renshe", "dubang", "admin");

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void everyClerkSeesExactlyTheTasksCamundaWouldShowThem() {
    TaskService tasks = engine.getTaskService();
    // cases at 民政, 卫健, 公安 and the front desk (补正), one claimed
    String marriage = startMarriage();
    String marriage2 = startMarriage();
    String birth = startBirth();
    String birthAtPolice = startBirth();
    String supplement = startMarriage();
    String confirm = awaitTask("minzheng", marriage, "Task_ConfirmMarriageRegistration");
    String confirm2 = awaitTask("minzheng", marriage2, "Task_ConfirmMarriageRegistration");
    awaitTask("weijian", birth, "Task_VerifyBirthRecord");
    assertThat(submitTask("weijian", awaitTask("weijian", birthAtPolice, "Task_VerifyBirthRecord"),
        Map.of("birthRecordConfirmed", true)).getStatusCode().value()).isEqualTo(204);
    String review = awaitTask("gongan", birthAtPolice, "Task_ReviewBirthRegistration");
    assertThat(submitTask("minzheng", awaitTask("minzheng", supplement, "Task_ConfirmMarriageRegistration"),
        Map.of("supplementRequested", true, "supplementNote", "请补交户口簿")).getStatusCode().value()).isEqualTo(204);
    String atFrontDesk = awaitTask("qiantai", supplement, "Task_SupplementMarriageMaterials");
    assertThat(post("minzheng", "/engine-rest/task/{id}/claim", Map.of("userId", "minzheng"), confirm)
        .getStatusCode().value()).isEqualTo(204);
    String[] ours = {marriage, marriage2, birth, birthAtPolice, supplement};

    // rights held in other ways than a candidate group
    List<String> extra = new ArrayList<>();
    extra.add(grant(a -> {
      a.setUserId("yibao");
      a.setResource(Resources.TASK);
      a.setResourceId(confirm);
      a.addPermission(Permissions.READ);
    }));
    extra.add(grant(a -> {
      a.setGroupId("jk");
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId("BirthHouseholdProcess");
      a.addPermission(ProcessDefinitionPermissions.READ_TASK);
    }));
    ProcessEngine stock = stockEngine();
    try {
      // the business view: each sees exactly what they should
      assertThat(visible(tasks, "minzheng", ours)).containsExactlyInAnyOrderElementsOf(
          ids(tasks.createTaskQuery().processInstanceBusinessKeyIn(ours).taskCandidateGroup("mz").includeAssignedTasks()));
      assertThat(visible(tasks, "gongan", ours)).containsExactly(review);
      assertThat(visible(tasks, "qiantai", ours)).containsExactly(atFrontDesk);
      assertThat(visible(tasks, "yibao", ours)).containsExactly(confirm);
      assertThat(visible(tasks, "jikong", ours)).containsExactlyInAnyOrderElementsOf(
          ids(tasks.createTaskQuery().processInstanceBusinessKeyIn(ours).processDefinitionKey("BirthHouseholdProcess")));
      assertThat(visible(tasks, "renshe", ours)).isEmpty();
      assertThat(visible(tasks, "dubang", ours)).hasSize(5);

      // and the same as Camunda's own query, for every query shape and every staff member, in each way
      // the query can be written
      assertThat(modes()).containsEntry("minzheng", TaskVisibility.Mode.GRANTS)
          .containsEntry("yibao", TaskVisibility.Mode.GRANTS).containsEntry("jikong", TaskVisibility.Mode.EXISTS)
          .containsEntry("dubang", TaskVisibility.Mode.UNRESTRICTED).containsEntry("admin", TaskVisibility.Mode.UNRESTRICTED);
      assertSameAsCamunda(stock, ours);

      // Tasklist's pages and windows over every open task (not only this test's), read in index order
      // for a clerk with many grants (here: any) and from the grants otherwise: both as Camunda's
      int denseFrom = TaskVisibility.denseFrom();
      try {
        TaskVisibility.denseFrom(1);
        assertThat(indexModes()).containsEntry("minzheng", TaskVisibility.Mode.BY_INDEX)
            .containsEntry("yibao", TaskVisibility.Mode.BY_INDEX)
            .containsEntry("jikong", TaskVisibility.Mode.EXISTS).containsEntry("dubang", TaskVisibility.Mode.UNRESTRICTED);
        assertSameTasklistAsCamunda(stock);
        TaskVisibility.denseFrom(Integer.MAX_VALUE);
        assertThat(indexModes()).containsEntry("minzheng", TaskVisibility.Mode.GRANTS);
        // the 部门待办 count (a query narrowed by nothing) reads the clerk's grants alone, and agrees
        assertThat(countsGrants("minzheng")).isTrue();
        assertThat(countsGrants("yibao")).isTrue();
        assertThat(countsGrants("jikong")).isFalse();
        assertSameTasklistAsCamunda(stock);
      } finally {
        TaskVisibility.denseFrom(denseFrom);
      }

      // a revoke (the user's own beats the group's grant): Camunda's own form of the query runs, and still agrees
      extra.add(grant(Authorization.AUTH_TYPE_REVOKE, a -> {
        a.setUserId("minzheng");
        a.setResource(Resources.TASK);
        a.setResourceId(confirm2);
        a.removePermission(Permissions.READ);
      }));
      assertThat(visible(tasks, "minzheng", ours)).doesNotContain(confirm2).contains(confirm);
      assertThat(modes()).containsEntry("minzheng", TaskVisibility.Mode.CAMUNDA);
      assertSameAsCamunda(stock, ours);
    } finally {
      stock.close();
      extra.forEach(engine.getAuthorizationService()::deleteAuthorization);
    }
  }

  @Test
  void theEngineReadsTheRewrittenTaskQuery() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration).isInstanceOf(TaskQueryMapping.PlatformEngineConfiguration.class);
    assertThat(configuration.getSqlSessionFactory().getConfiguration()
        .getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")
        .getResource()).contains(TaskQueryMapping.TASK_MAPPING);
    // the starter's settings and our plugins still reach the engine through the replaced configuration
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.getHistory()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
    assertThat(configuration.isEnforceSpecificVariablePermission()).isTrue();
    assertThat(configuration.isCmmnEnabled()).as("clerks' task queries start from their grants only without CMMN")
        .isFalse();
    assertThat(configuration.getCustomPostBPMNParseListeners()).isNotEmpty();
    // the indexes the index-ordered pages, the due-date windows and the grant counts read
    try (java.sql.Connection connection = dataSource.getConnection()) {
      for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
        assertThat(EngineIndexes.exists(connection, index.table(), index.name())).as(index.name()).isTrue();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(TaskVisibility.denseFrom()).as("yijianshi.engine.task-list-dense-from").isEqualTo(1000);
  }

  /** How each staff member's task query is written (see {@link TaskVisibility}). */
  private Map<String, TaskVisibility.Mode> modes() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, TaskVisibility.Mode> modes = new LinkedHashMap<>();
    for (String user : STAFF) {
      modes.put(user, as(engine, user, () -> configuration.getCommandExecutorTxRequired().execute(context -> {
        var query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
        context.getAuthorizationManager().configureTaskQuery(query);
        query.getAuthCheck().setUseLeftJoin(configuration.isCmmnEnabled()); // as TaskQueryImpl does when it runs
        return TaskVisibility.of(query.getAuthCheck()).getMode();
      })));
    }
    return modes;
  }

  /** Whether the user's count of every task they see is read from their grants alone. */
  private boolean countsGrants(String user) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return as(engine, user, () -> configuration.getCommandExecutorTxRequired().execute(context -> {
      var query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
      context.getAuthorizationManager().configureTaskQuery(query);
      context.getTenantManager().configureQuery(query);
      query.getAuthCheck().setUseLeftJoin(configuration.isCmmnEnabled());
      return TaskVisibility.forCount(query).countsGrants(query);
    }));
  }

  @org.springframework.beans.factory.annotation.Autowired OrphanTaskGrants sweeper;

  @Test
  void noGrantMayNameATaskThatIsNotOpen() {
    // the clerks' counts read their grants alone: each grant on a task must name an open one
    var refused = post("admin", "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
        "groupId", "mz", "resourceType", 7, "resourceId", "no-such-task"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("任务不存在或已办结，不能为其授权");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId("no-such-task").count()).isZero();
    // nor by changing an existing grant
    String open = awaitTask("minzheng", startMarriage(), "Task_ConfirmMarriageRegistration");
    String mz = engine.getAuthorizationService().createAuthorizationQuery().resourceType(7).resourceId(open).groupIdIn("mz")
        .singleResult().getId();
    assertThat(as("admin").put().uri("/engine-rest/authorization/{id}", mz).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("permissions", List.of("READ"), "groupId", "mz", "resourceType", 7, "resourceId", "no-such-task"))
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId("no-such-task").count()).isZero();
    // on an open task, or on every task ('*'), it is the administrator's to give
    var granted = post("admin", "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
        "userId", "renshe", "resourceType", 7, "resourceId", open));
    assertThat(granted.getStatusCode().value()).as(String.valueOf(granted.getBody())).isEqualTo(200);
    String renshe = granted.getBody().get("id").asText();
    // a change keeps the stored type (a claimed revoke changes nothing), and may not move a grant to a task that is gone
    assertThat(as("admin").put().uri("/engine-rest/authorization/{id}", renshe).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("permissions", List.of("READ", "UPDATE"), "userId", "renshe", "resourceType", 7, "resourceId", open))
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
    assertThat(as("admin").put().uri("/engine-rest/authorization/{id}", renshe).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("permissions", List.of("READ"), "userId", "renshe"))
        .retrieve().toBodilessEntity().getStatusCode().value()).as("no resource type: a 400, not Camunda's 500").isEqualTo(400);
    assertThat(as("admin").put().uri("/engine-rest/authorization/{id}", renshe).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", 2, "permissions", List.of("READ"), "userId", "renshe", "resourceType", 7, "resourceId", "no-such-task"))
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);

    // a grant that outlived its task anyway (written through the Java API, or by an engine without authorization
    // checks) is swept away, and the clerk's count agrees with Camunda's again
    String orphan = grant(a -> {
      a.setUserId("renshe");
      a.setResource(Resources.TASK);
      a.setResourceId("task-that-ended-" + System.nanoTime());
      a.addPermission(Permissions.READ);
    });
    sweeper.sweep();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationId(orphan).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationId(renshe).count()).isOne();
    engine.getAuthorizationService().deleteAuthorization(renshe);
  }

  /** How each staff member's Tasklist page (15, newest first) is written. */
  private Map<String, TaskVisibility.Mode> indexModes() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, TaskVisibility.Mode> modes = new LinkedHashMap<>();
    for (String user : STAFF) {
      modes.put(user, as(engine, user, () -> configuration.getCommandExecutorTxRequired().execute(context -> {
        var query = (org.camunda.bpm.engine.impl.TaskQueryImpl) new org.camunda.bpm.engine.impl.TaskQueryImpl()
            .orderByTaskCreateTime().desc();
        context.getAuthorizationManager().configureTaskQuery(query);
        query.getAuthCheck().setUseLeftJoin(configuration.isCmmnEnabled());
        query.setFirstResult(0);
        query.setMaxResults(15);
        return TaskVisibility.forList(query).getMode();
      })));
    }
    return modes;
  }

  /**
   * Tasklist's own requests over all open tasks, ours against Camunda's. Other tests' cases may move on
   * meanwhile, so Camunda's answer is read before and after ours, and compared only when it did not change.
   */
  private void assertSameTasklistAsCamunda(ProcessEngine stock) {
    for (String user : STAFF) {
      for (int attempt = 1; ; attempt++) {
        Map<String, Object> before = tasklist(stock, user);
        Map<String, Object> mine = tasklist(engine, user);
        Map<String, Object> after = tasklist(stock, user);
        if (before.equals(after)) {
          assertThat(mine).as(user).isEqualTo(after);
          break;
        }
        assertThat(attempt).as("open tasks kept changing while comparing " + user).isLessThan(20);
      }
    }
  }

  /**
   * What the user gets for each of Tasklist's requests. A page is compared by its sort keys (tasks created
   * in the same second tie, and the database may return tied tasks in any order) and every task on it must
   * be one the user sees.
   */
  private Map<String, Object> tasklist(ProcessEngine e, String user) {
    return as(e, user, () -> {
      TaskService t = e.getTaskService();
      FilterService filters = e.getFilterService();
      java.util.Date now = new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime());
      java.util.Date tomorrow = new java.util.Date(now.getTime() + 86_400_000L);
      Set<String> visible = ids(t.createTaskQuery());
      Set<String> paged = new TreeSet<>();
      java.util.function.Function<List<?>, List<Object>> created = page -> page.stream()
          .map(o -> (Task) o).peek(task -> paged.add(task.getId())).map(task -> (Object) task.getCreateTime()).toList();
      java.util.function.Function<List<?>, List<Object>> due = page -> page.stream()
          .map(o -> (Task) o).peek(task -> paged.add(task.getId())).map(task -> (Object) task.getDueDate()).toList();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("visible", visible);
      r.put("newest", created.apply(t.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15)));
      r.put("oldest, page 2", created.apply(t.createTaskQuery().orderByTaskCreateTime().asc().listPage(2, 2)));
      r.put("due first", due.apply(t.createTaskQuery().orderByDueDate().asc().listPage(0, 15)));
      r.put("due last", due.apply(t.createTaskQuery().orderByDueDate().desc().listPage(0, 15)));
      r.put("Tasklist's order: due, then newest", due.apply(t.createTaskQuery().orderByDueDate().asc()
          .orderByTaskCreateTime().desc().listPage(0, 15)));
      r.put("count", t.createTaskQuery().count());
      r.put("due within a day", ids(t.createTaskQuery().dueAfter(now).dueBefore(tomorrow)));
      r.put("due within a day count", t.createTaskQuery().dueAfter(now).dueBefore(tomorrow).count());
      r.put("overdue count", t.createTaskQuery().dueBefore(now).count());
      r.put("due within a year by due", due.apply(t.createTaskQuery()
          .dueBefore(new java.util.Date(now.getTime() + 366 * 86_400_000L)).orderByDueDate().asc().listPage(0, 15)));
      for (String group : new TreeSet<>(java.util.stream.Stream.concat(groups(user).stream(), java.util.stream.Stream.of("mz")).toList())) {
        r.put("candidate page " + group, due.apply(t.createTaskQuery().taskCandidateGroup(group).orderByDueDate().asc()
            .listPage(0, 15)));
        r.put("candidate count " + group, t.createTaskQuery().taskCandidateGroup(group).count());
        r.put("candidate or assigned count " + group, t.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count());
      }
      for (Filter f : filters.createTaskFilterQuery().list()) {
        r.put("filter page " + f.getName(), created.apply(
            filters.listPage(f.getId(), t.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15)));
        r.put("filter own order " + f.getName(), due.apply(filters.listPage(f.getId(), 0, 15)));
        r.put("filter count " + f.getName(), filters.count(f.getId()));
      }
      r.put("every task on a page is visible", visible.containsAll(paged));
      return r;
    });
  }

  /** The ids of this test's cases' tasks the user sees in a plain task list. */
  private Set<String> visible(TaskService tasks, String user, String[] ours) {
    return as(engine, user, () -> ids(tasks.createTaskQuery().processInstanceBusinessKeyIn(ours)));
  }

  private void assertSameAsCamunda(ProcessEngine stock, String[] ours) {
    for (String user : STAFF) {
      Map<String, Object> mine = results(engine, user, ours);
      Map<String, Object> camunda = results(stock, user, ours);
      assertThat(mine).as(user).isEqualTo(camunda);
    }
  }

  /**
   * What the user gets for each query shape: Tasklist's filters, REST's lists and counts, sorted pages —
   * each narrowed to this test's cases, so that other tests' cases moving on cannot make a difference.
   */
  private Map<String, Object> results(ProcessEngine e, String user, String[] ours) {
    return as(e, user, () -> {
      TaskService t = e.getTaskService();
      FilterService filters = e.getFilterService();
      java.util.function.Supplier<TaskQuery> q = () -> t.createTaskQuery().processInstanceBusinessKeyIn(ours);
      List<String> groups = groups(user);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("list", ids(q.get()));
      r.put("count", q.get().count());
      r.put("page by due", q.get().orderByDueDate().asc().orderByTaskId().asc().listPage(0, 3).stream()
          .map(Task::getId).toList());
      r.put("page by created", q.get().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(1, 3).stream()
          .map(Task::getId).toList());
      r.put("assigned", ids(q.get().taskAssignee(user)));
      r.put("birth", ids(q.get().processDefinitionKey("BirthHouseholdProcess")));
      for (String group : List.of("mz", "ga", "wj", "frontdesk", "jk")) {
        r.put("candidate " + group, ids(q.get().taskCandidateGroup(group)));
        r.put("candidate count " + group, q.get().taskCandidateGroup(group).includeAssignedTasks().count());
      }
      if (!groups.isEmpty()) {
        r.put("my groups", ids(q.get().taskCandidateGroupIn(groups).includeAssignedTasks()));
      }
      for (Filter f : filters.createTaskFilterQuery().list()) {
        r.put("filter " + f.getName(), filters.list(f.getId(), q.get()).stream().map(o -> ((Task) o).getId())
            .collect(Collectors.toCollection(TreeSet::new)));
        r.put("filter count " + f.getName(), filters.count(f.getId(), q.get()));
      }
      return r;
    });
  }

  private <T> T as(ProcessEngine e, String user, java.util.function.Supplier<T> work) {
    IdentityService identity = e.getIdentityService();
    identity.setAuthentication(user, groups(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groups(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private static Set<String> ids(TaskQuery query) {
    return query.list().stream().map(Task::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private String grant(java.util.function.Consumer<Authorization> setup) {
    return grant(Authorization.AUTH_TYPE_GRANT, setup);
  }

  private String grant(int type, java.util.function.Consumer<Authorization> setup) {
    Authorization a = engine.getAuthorizationService().createNewAuthorization(type);
    setup.accept(a);
    return engine.getAuthorizationService().saveAuthorization(a).getId();
  }

  /** A second engine on the same database with Camunda's own SQL mapping and the same settings. */
  private ProcessEngine stockEngine() {
    var ours = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var stock = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setJobExecutorActivate(false)
        .setHistory(ours.getHistory())
        .setProcessEngineName("camunda-stock-" + System.nanoTime());
    stock.setAuthorizationEnabled(true);
    stock.setDbMetricsReporterActivate(false);
    stock.setCmmnEnabled(ours.isCmmnEnabled());
    stock.setStandaloneTasksEnabled(ours.isStandaloneTasksEnabled());
    stock.setAuthorizationCheckRevokes(ours.getAuthorizationCheckRevokes());
    stock.setEnforceSpecificVariablePermission(ours.isEnforceSpecificVariablePermission());
    stock.setDatabaseType(ours.getDatabaseType());
    return stock.buildProcessEngine();
  }

  private String startMarriage() {
    Map<String, Object> v = new HashMap<>();
    v.put("groomName", "张伟");
    v.put("groomIdNumber", TestPeople.man(30));
    v.put("brideName", "王芳");
    v.put("brideIdNumber", TestPeople.woman(27));
    v.put("declarationSigned", true);
    v.put("bothPresent", true);
    v.put("householdMoveRequested", false);
    v.put("birthPlanningRequested", false);
    return caseNumber(submitStartForm("MarriageHouseholdProcess", v));
  }

  private String startBirth() {
    Map<String, Object> v = new HashMap<>();
    v.put("childName", "张小" + (char) ('一' + (int) (System.nanoTime() % 500)));
    v.put("childSex", "F");
    v.put("childBirthDate", TestPeople.today().minusDays(2).toString());
    v.put("birthHospital", "嘉兴市妇幼保健院");
    v.put("motherName", "王芳");
    v.put("motherIdNumber", TestPeople.woman(29));
    v.put("fatherName", "张伟");
    v.put("fatherIdNumber", TestPeople.man(31));
    v.put("householdParent", "FATHER");
    v.put("declarationSigned", true);
    return caseNumber(submitStartForm("BirthHouseholdProcess", v));
  }

  private static String caseNumber(org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> r) {
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody().get("businessKey").asText();
  }
}
