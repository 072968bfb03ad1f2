package cn.jiaxing.yijianshi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * How one task query checks the user's right to see each task, decided when the query runs (called
 * from our {@code Task.xml}, see {@link TaskQueryMapping}). Camunda's rule: a task is visible with a
 * TASK grant on it (or on {@code *}) or a PROCESS_DEFINITION grant with READ_TASK on its definition
 * (or on {@code *}), held by the user, by everyone ({@code *}) or by one of the user's groups.
 *
 * <ul>
 *   <li>{@link Mode#UNRESTRICTED}: the user holds such a grant on {@code *} (supervisors, admins): every
 *       task is visible, no check in the SQL.</li>
 *   <li>{@link Mode#GRANTS}: only grants on single tasks (a department clerk: Camunda writes one per task
 *       for its candidate group): the query starts from those grants, read through the unique indexes on
 *       (group | user, type, resource type), and joins the tasks by primary key. Its cost grows with the
 *       clerk's own tasks, not with all open tasks.</li>
 *   <li>{@link Mode#BY_INDEX}: the same rights as {@link Mode#GRANTS}, for a query that an index on the
 *       task table answers better than the grants: a page sorted by creation or due date (Tasklist's
 *       lists), read in index order until the page is full, or a due-date window smaller than the
 *       clerk's grants (the 即将超期 and 已超期 filters); each task is checked with one look-up in the
 *       unique index of the grants. Chosen only for a clerk with at least {@link #denseFrom} grants
 *       (fewer: a page in index order could read far more tasks than the clerk holds).</li>
 *   <li>{@link Mode#EXISTS}: grants on process definitions too: one correlated EXISTS per resource id.</li>
 *   <li>{@link Mode#CAMUNDA}: revoke authorizations exist (or no check is wanted): Camunda's own SQL.</li>
 * </ul>
 * The result set is the same in every mode ({@code TaskListAuthorizationIT} compares each with Camunda's).
 */
public final class TaskVisibility {

  public enum Mode { CAMUNDA, EXISTS, UNRESTRICTED, GRANTS, BY_INDEX }

  /** A page read in index order is at most this deep (firstResult + maxResults). */
  static final int INDEX_PAGE_DEPTH = 1000;
  /** A page is read in index order when the clerk holds enough of the first this many tasks in that order. */
  static final int INDEX_PAGE_SCAN = 2000;

  private static volatile int denseFrom = 1000;

  /**
   * From how many grants on single tasks a clerk's pages are read in index order ({@link Mode#BY_INDEX});
   * {@code yijianshi.engine.task-list-dense-from}, set at engine start ({@link EngineIndexes}).
   */
  static void denseFrom(int grants) {
    denseFrom = grants;
  }

  static int denseFrom() {
    return denseFrom;
  }

  private static final String TASK_ID = "RES.ID_";
  private static final String DEFINITION_KEY = "D.KEY_";

  private final Mode mode;
  private final int taskPerms;
  private final String join;

  private TaskVisibility(Mode mode, int taskPerms, String join) {
    this.mode = mode;
    this.taskPerms = taskPerms;
    this.join = join;
  }

  /** For a page or list of tasks ({@code selectTaskByQueryCriteria}). */
  public static TaskVisibility forList(TaskQueryImpl query) {
    return of(query, true);
  }

  /** For a count of tasks ({@code selectTaskCountByQueryCriteria}). */
  public static TaskVisibility forCount(TaskQueryImpl query) {
    return of(query, false);
  }

  static TaskVisibility of(TaskQueryImpl query, boolean list) {
    TaskVisibility visibility = of(query.getAuthCheck());
    List<String> groups = query.getAuthCheck().getAuthGroupIds() == null ? List.of()
        : query.getAuthCheck().getAuthGroupIds();
    if (!visibility.isGrants() || !TaskQueryShape.onlyDueDates(query, groups)) {
      return visibility;
    }
    boolean indexOrdered = list && TaskQueryShape.orderedByIndex(query)
        && (long) query.getFirstResult() + query.getMaxResults() <= INDEX_PAGE_DEPTH;
    boolean dueWindow = TaskQueryShape.hasDueDates(query);
    if (!indexOrdered && !dueWindow) {
      return visibility;
    }
    AuthorizationCheck check = query.getAuthCheck();
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try {
      // at most this many of the clerk's grants and of the tasks in the due-date window are counted
      int enough = (int) Math.min(Integer.MAX_VALUE, Math.max(denseFrom, 1) * 10L);
      long grants = grantsUpTo(connection, prefix, check.getAuthUserId(), groups, enough);
      if (grants < denseFrom) {
        return visibility;
      }
      if (indexOrdered) {
        // the clerk's tasks may all sort after everyone else's (a department whose tasks are due last):
        // read in index order only when the page is found among the first tasks in that order
        if (!TaskQueryShape.pageAmongFirst(connection, prefix, query, check.getAuthUserId(), groups, INDEX_PAGE_SCAN)) {
          return visibility;
        }
      } else {
        // the window is read through the due-date index, the grants through theirs: the smaller wins
        long window = TaskQueryShape.dueWindowUpTo(connection, prefix, query, enough);
        if (window >= grants) {
          return visibility;
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not count the grants for the task query", e);
    }
    return new TaskVisibility(Mode.BY_INDEX, visibility.taskPerms, null);
  }

  /** The user's and their groups' grants on single tasks, counted up to {@code limit} (index only). */
  private static long grantsUpTo(Connection connection, String prefix, String user, List<String> groups, int limit)
      throws SQLException {
    String table = prefix + "ACT_RU_AUTHORIZATION";
    int task = Resources.TASK.resourceType();
    long grants = count(connection, "select count(*) from (select 1 from " + table + " where USER_ID_ in (?, '*')"
        + " and TYPE_ < 2 and RESOURCE_TYPE_ = ? limit " + limit + ") G", params(user, task));
    if (!groups.isEmpty() && grants < limit) {
      grants += count(connection, "select count(*) from (select 1 from " + table + " where " + groupsIn(groups, "GROUP_ID_")
          + " and TYPE_ = 1 and RESOURCE_TYPE_ = ? limit " + limit + ") G", params(groups, task));
    }
    return grants;
  }

  static long count(Connection connection, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Decides for the query about to run; reads the user's grants on {@code *} and on process definitions. */
  public static TaskVisibility of(AuthorizationCheck check) {
    if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
        || check.isRevokeAuthorizationCheckEnabled()) {
      return new TaskVisibility(Mode.CAMUNDA, 0, null);
    }
    PermissionCheck task = atomic(check, Resources.TASK.resourceType(), TASK_ID);
    PermissionCheck definition = atomic(check, Resources.PROCESS_DEFINITION.resourceType(), DEFINITION_KEY);
    CompositePermissionCheck checks = check.getPermissionChecks();
    if (check.isUseLeftJoin() || task == null || definition == null || !checks.isDisjunctive()
        || !checks.getCompositeChecks().isEmpty() || checks.getAtomicChecks().size() != 2) {
      return new TaskVisibility(Mode.EXISTS, 0, null);
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    try {
      if (grants(connection, "select RESOURCE_TYPE_, PERMS_ from " + table + " where RESOURCE_ID_ = '*' and TYPE_ < 2"
          + " and RESOURCE_TYPE_ in (?, ?) and (USER_ID_ in (?, '*')" + groupsIn(groups, " or GROUP_ID_") + ")",
          params(task.getResource().resourceType(), definition.getResource().resourceType(), check.getAuthUserId(), groups),
          task, definition)) {
        return new TaskVisibility(Mode.UNRESTRICTED, 0, null);
      }
      // grants on single process definitions: by the user (or everyone), then by the groups (unique indexes)
      boolean onDefinitions = grants(connection, "select RESOURCE_TYPE_, PERMS_ from " + table
              + " where USER_ID_ in (?, '*') and TYPE_ < 2 and RESOURCE_TYPE_ = ?",
          params(check.getAuthUserId(), definition.getResource().resourceType()), task, definition)
          || !groups.isEmpty() && grants(connection, "select RESOURCE_TYPE_, PERMS_ from " + table + " where "
              + groupsIn(groups, "GROUP_ID_") + " and TYPE_ = 1 and RESOURCE_TYPE_ = ?",
          params(groups, definition.getResource().resourceType()), task, definition);
      if (onDefinitions) {
        return new TaskVisibility(Mode.EXISTS, 0, null);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not read the authorizations for the task query", e);
    }
    String database = configuration.getDatabaseType();
    // MySQL and MariaDB would otherwise start from the task table and probe each task
    String join = "mysql".equals(database) || "mariadb".equals(database) ? "straight_join" : "inner join";
    return new TaskVisibility(Mode.GRANTS, task.getPerms(), join);
  }

  /**
   * Whether this count is the number of the clerk's grants (Tasklist's 部门待办 count, the filter list's
   * counts): {@link Mode#GRANTS}, a query that narrows by nothing, over every kind of task, and no task
   * belongs to a tenant. Then each grant names one open task and no task is missed — Camunda deletes a
   * task's authorizations with the task, {@code RestInputGuard} takes no hand-made grant on a task that is
   * not open, and the grants are read de-duplicated (the same set the list joins with the tasks) — so the
   * join with the task table (~50,000 primary-key look-ups for a big department) adds nothing but time.
   */
  public boolean countsGrants(TaskQueryImpl query) {
    if (mode != Mode.GRANTS || query.isQueryForProcessTasksOnly() || TaskQueryShape.hasDueDates(query)
        || query.getCandidateGroup() != null
        || query.getCandidateGroupsInternal() != null && !query.getCandidateGroupsInternal().isEmpty()) {
      return false;
    }
    List<String> groups = query.getAuthCheck().getAuthGroupIds() == null ? List.of() : query.getAuthCheck().getAuthGroupIds();
    if (!TaskQueryShape.onlyDueDates(query, groups)) {
      return false;
    }
    if (query.getTenantCheck() != null && query.getTenantCheck().isTenantCheckEnabled()) {
      String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try {
        // a task of a tenant the clerk is not in would be hidden by the tenant check (index ACT_IDX_TASK_TENANT_ID)
        return count(connection, "select count(*) from (select 1 from " + prefix + "ACT_RU_TASK where TENANT_ID_ is not null"
            + " limit 1) T", List.of()) == 0;
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not look for tasks of tenants", e);
      }
    }
    return true;
  }

  /**
   * Whether the query's joins give each task at most one row, so that its page needs no DISTINCT (which
   * makes MySQL and MariaDB copy every matching row, all columns, into a temporary table before sorting).
   * Only the identity-link join and sorting by a related table can repeat a task: the authorization check
   * of every mode is a sub-query or a set of distinct task ids, and the other joins are many-to-one.
   * Decided exactly as {@code Task.xml} decides to join the identity links.
   */
  public boolean uniqueRows(TaskQueryImpl query) {
    boolean candidatesAsExists = candidatesAsExists(query);
    for (TaskQueryImpl q : query.getQueries()) {
      if (q != null && !candidatesAsExists && (q.getCandidateUser() != null || q.getCandidateGroups() != null
          || q.getCandidateGroupLike() != null || q.getInvolvedUser() != null
          || Boolean.TRUE.equals(q.isWithCandidateGroups()) || Boolean.TRUE.equals(q.isWithCandidateUsers()))) {
        return false;
      }
    }
    return query.getOrderingProperties().stream().allMatch(p -> p.getRelation() == null);
  }

  /**
   * Whether the query's candidate criteria are checked with an EXISTS on the identity links rather than
   * Camunda's join: for a page read in index order (the DISTINCT the join needs would sort every row
   * first), without OR parts and without an involved user (whose criterion also accepts the assignee or
   * owner, so it needs the join). "Some identity link of the task matches" is what the join with DISTINCT
   * meant. Counted from the grants, the join is cheaper (MariaDB reads every identity link for the EXISTS).
   */
  public boolean candidatesAsExists(TaskQueryImpl query) {
    return mode == Mode.BY_INDEX && query.getQueries().size() == 1 && !query.isOrQueryActive()
        && query.getInvolvedUser() == null;
  }

  private static PermissionCheck atomic(AuthorizationCheck check, int resourceType, String resourceIdParam) {
    if (check.getPermissionChecks() == null) {
      return null;
    }
    return check.getPermissionChecks().getAtomicChecks().stream()
        .filter(c -> c.getResource() != null && c.getResource().resourceType() == resourceType
            && resourceIdParam.equals(c.getResourceIdQueryParam()) && c.getResourceId() == null)
        .findFirst().orElse(null);
  }

  private static boolean grants(Connection connection, String sql, List<Object> params, PermissionCheck task,
      PermissionCheck definition) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          PermissionCheck wanted = rs.getInt(1) == task.getResource().resourceType() ? task : definition;
          if ((rs.getInt(2) & wanted.getPerms()) == wanted.getPerms()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static String groupsIn(List<String> groups, String column) {
    return groups.isEmpty() ? "" : column + " in (" + String.join(", ", groups.stream().map(g -> "?").toList()) + ")";
  }

  static List<Object> params(Object... values) {
    List<Object> list = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof List<?> l) {
        list.addAll(l);
      } else {
        list.add(v);
      }
    }
    return list;
  }

  public Mode getMode() {
    return mode;
  }

  public boolean isGrants() {
    return mode == Mode.GRANTS;
  }

  /** Tasks read in index order (or through the due-date window), each checked against the grants. */
  public boolean isByIndex() {
    return mode == Mode.BY_INDEX;
  }

  public boolean isExists() {
    return mode == Mode.EXISTS;
  }

  public boolean isUnrestricted() {
    return mode == Mode.UNRESTRICTED;
  }

  /** The permission bits a TASK grant must hold (READ). */
  public int getTaskPerms() {
    return taskPerms;
  }

  /** How the grants are joined to the tasks: grants first. */
  public String getJoin() {
    return join;
  }
}
