package cn.jiaxing.yijianshi.identity;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.shared.TaskListColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, authorizations and the Tasklist filter, created at start-up when missing (every
 * profile), and the demo users (only when {@code yijianshi.demo.enabled}, i.e. the embedded default).
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  static final String TASK_FILTER_NAME = "部门待办";
  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityProperties properties;
  private final Departments departments;
  private final boolean demo;
  private final String demoPassword;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  /** What the current setup run found: read once at its start, added to as it creates. */
  private Set<String> existingGroups = Set.of();
  private Map<String, List<Authorization>> existingGrants = Map.of();

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, IdentityProperties properties, Departments departments,
      @Value("${yijianshi.demo.enabled:false}") boolean demo,
      @Value("${yijianshi.demo.password:demo}") String demoPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
    this.departments = departments;
    this.demo = demo;
    this.demoPassword = demoPassword;
  }

  /**
   * Starts the setup as soon as the engine is built, on a thread of its own: it overlaps the deployment of the
   * process application and the web server's start (≈ 1 s off the start on a fresh database).
   */
  @Override
  public void afterSingletonsInstantiated() {
    Thread thread = new Thread(() -> {
      try {
        setUp();
        done.complete(null);
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
      }
    }, "identity-setup");
    thread.setDaemon(true);
    thread.start();
  }

  /** The node is ready (health UP, the job executor starts) only once the setup is done; its failure fails the start. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void awaitSetUp() {
    try {
      done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  void setUp() {
    // two nodes starting together on a fresh database may race to create the same row: try again
    for (int attempt = 1; ; attempt++) {
      try {
        createMissing();
        return;
      } catch (ProcessEngineException e) {
        if (attempt == 3) {
          throw e;
        }
        log.warn("Identity setup attempt {} failed ({}); trying again", attempt, e.getMessage());
      }
    }
  }

  private void createMissing() {
    long started = System.nanoTime();
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(StaffGroups.FRONT_DESK, "综合受理窗口");
    groups.put(StaffGroups.SUPERVISOR, "督办（监督）");
    for (Department d : departments.roles()) {
      groups.put(d.code(), d.displayName());
    }
    List<String> allGroups = new ArrayList<>(groups.keySet());
    allGroups.add(StaffGroups.ADMIN);
    // what exists is read once (a few queries, not one per group and grant: this runs before the node is ready)
    existingGroups = identity.createGroupQuery().groupIdIn(allGroups.toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    existingGrants = new HashMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery()
        .groupIdIn(allGroups.toArray(String[]::new)).list()) {
      existingGrants.computeIfAbsent(grantKey(a.getGroupId(), a.getResourceType(), a.getResourceId()),
          k -> new ArrayList<>()).add(a);
    }
    groups.forEach((id, name) -> group(id, name, "WORKFLOW"));
    group(StaffGroups.ADMIN, "平台管理员", "SYSTEM");
    for (Resources resource : Resources.values()) {
      grant(StaffGroups.ADMIN, resource, "*", Permissions.ALL);
    }

    for (String process : properties.startableProcesses()) {
      grant(StaffGroups.FRONT_DESK, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      // task variables are read per task (see below), not for every task of a process
      revoke(StaffGroups.FRONT_DESK, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    }
    grant(StaffGroups.FRONT_DESK, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    grant(StaffGroups.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(StaffGroups.SUPERVISOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(StaffGroups.SUPERVISOR, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    grant(StaffGroups.SUPERVISOR, Resources.TASK, "*", TaskPermissions.READ);
    grant(StaffGroups.SUPERVISOR, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(StaffGroups.SUPERVISOR, Resources.DECISION_DEFINITION, "*", Permissions.READ);

    List<String> filterIds = List.of(
        taskFilter(TASK_FILTER_NAME, "本部门可办理的任务，按到期时间排序", -10,
            tasks.createTaskQuery().orderByDueDate().asc()),
        taskFilter("即将超期", "24小时内到期的任务", -9,
            tasks.createTaskQuery().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(1).toDate()}").orderByDueDate().asc()),
        taskFilter("已超期", "已过到期时间仍未办结的任务（超期督办）", -8,
            tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()));
    for (String group : groups.keySet()) {
      if (!group.equals(StaffGroups.SUPERVISOR)) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      }
      for (String filterId : filterIds) {
        grant(group, Resources.FILTER, filterId, Permissions.READ);
      }
    }
    for (Department d : departments.roles()) {
      // department clerks see process names and deployed forms; a task and its variables are granted by
      // Camunda to the group it is offered to (READ, TASK_WORK and, with enforce-specific-variable-permission,
      // READ_VARIABLE on that task) — not READ_TASK_VARIABLE on the definition, which would open the
      // variables of every task of the process to every department (an earlier version granted it)
      grant(d.code(), Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
      revoke(d.code(), Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    }
    if (demo) {
      demoUsers();
    }
    log.info("Groups, authorizations and filters checked in {} ms ({} groups)",
        (System.nanoTime() - started) / 1_000_000, allGroups.size());
  }

  private void demoUsers() {
    user("qiantai", "综合窗口", "前台", StaffGroups.FRONT_DESK);
    for (Department d : departments.roles()) {
      departments.demoUser(d.code()).ifPresent(u -> user(u.id(), u.lastName(), u.firstName(), d.code()));
    }
    user("dubang", "督办", "督查员", StaffGroups.SUPERVISOR);
    user("admin", "平台", "管理员", StaffGroups.ADMIN);
    log.info("Demo users present (password from yijianshi.demo.password)");
  }

  private void group(String id, String name, String type) {
    if (!existingGroups.contains(id)) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  private void user(String id, String lastName, String firstName, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(firstName);
      u.setLastName(lastName);
      u.setPassword(demoPassword);
      u.setEmail(id + "@yijianshi.jiaxing.local");
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
  }

  /** Grants the permissions, adding any that an existing grant of an earlier version lacks. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = existing(group, resource, resourceId).stream()
        .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).findFirst()
        .orElse(null);
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
      for (Permission p : permissions) {
        a.addPermission(p);
      }
      existingGrants.computeIfAbsent(grantKey(group, resource.resourceType(), resourceId), k -> new ArrayList<>())
          .add(authorizations.saveAuthorization(a));
      return;
    } else if (java.util.Arrays.stream(permissions).allMatch(a::isPermissionGranted)) {
      return;
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  /** Takes permissions back from a group's existing grant (one an earlier version made). */
  private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    for (Authorization a : existing(group, resource, resourceId)) {
      if (a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
          && java.util.Arrays.stream(permissions).anyMatch(a::isPermissionGranted)) {
        for (Permission p : permissions) {
          a.removePermission(p);
        }
        authorizations.saveAuthorization(a);
      }
    }
  }

  private List<Authorization> existing(String group, Resource resource, String resourceId) {
    return existingGrants.getOrDefault(grantKey(group, resource.resourceType(), resourceId), List.of());
  }

  private static String grantKey(String group, int resourceType, String resourceId) {
    return group + "|" + resourceType + "|" + resourceId;
  }

  /** A shared Tasklist filter; each user sees only the tasks their authorizations allow. */
  private String taskFilter(String name, String description, int priority, TaskQuery query) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", TaskListColumns.FILTER_VARIABLES);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // a filter made by an earlier version gets the listed variables; the rest stays as the admin may have left it
      Map<String, Object> old = existing.getProperties() == null ? Map.of() : existing.getProperties();
      if (!old.containsKey("variables")) {
        Map<String, Object> updated = new LinkedHashMap<>(old);
        updated.put("variables", TaskListColumns.FILTER_VARIABLES);
        existing.setProperties(updated);
        filters.saveFilter(existing);
      }
      return existing.getId();
    }
    Filter f = filters.newTaskFilter(name);
    f.setOwner(StaffGroups.ADMIN);
    f.setQuery(query);
    f.setProperties(properties);
    return filters.saveFilter(f).getId();
  }
}
