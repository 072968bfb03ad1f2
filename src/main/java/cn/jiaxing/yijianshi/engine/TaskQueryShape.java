package cn.jiaxing.yijianshi.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * What a task query asks, as far as {@link TaskVisibility} needs to know to pick its SQL: whether it
 * narrows the tasks only by due date (as Tasklist's filters 部门待办, 即将超期 and 已超期 do), and
 * whether its order is one an index on the task table gives. Any other criterion keeps the query on the
 * clerk's grants. Nothing here changes what a query returns: only how the database is asked.
 */
final class TaskQueryShape {

  /** Fields that do not narrow the tasks (or are the due-date window itself). */
  private static final Set<String> NOT_CRITERIA = Set.of("dueDate", "dueBefore", "dueAfter", "queries",
      "candidateGroup", "candidateGroups", "includeAssignedTasks",
      "cachedCandidateGroups", "cachedUserGroups", "initializeFormKeys", "taskNameCaseInsensitive",
      "variableNamesIgnoreCase", "variableValuesIgnoreCase", "withCommentAttachmentInfo", "serialVersionUID");
  /** Columns of {@code ACT_RU_TASK} with an index a page can be read in: Camunda's and ours ({@link EngineIndexes}). */
  private static final Set<String> INDEXED_ORDER = Set.of("CREATE_TIME_", "DUE_DATE_");
  private static final List<Field> CRITERIA = criteria();
  private static final TaskQueryImpl BLANK = new TaskQueryImpl();

  private TaskQueryShape() {
  }

  /**
   * Whether the query narrows the tasks by nothing but its due-date window (or not at all), and perhaps
   * to candidate groups the user is in (as good as no narrowing for a clerk: their grants are those tasks).
   */
  static boolean onlyDueDates(TaskQueryImpl query, List<String> ownGroups) {
    if (query.getQueries().size() != 1 || query.isOrQueryActive()) {
      return false;
    }
    List<String> candidates = new ArrayList<>();
    if (query.getCandidateGroup() != null) {
      candidates.add(query.getCandidateGroup());
    }
    if (query.getCandidateGroupsInternal() != null) {
      candidates.addAll(query.getCandidateGroupsInternal());
    }
    if (!ownGroups.containsAll(candidates)) {
      return false;
    }
    try {
      for (Field f : CRITERIA) {
        if (!Objects.deepEquals(empty(f.get(query)), empty(f.get(BLANK)))) {
          return false;
        }
      }
    } catch (IllegalAccessException e) {
      return false;
    }
    return true;
  }

  /**
   * Sorted by creation or due date alone (either direction), or as Tasklist sorts a filter sorted by due
   * date (due date, then newest first; or both reversed): an index gives that order ({@link EngineIndexes}).
   */
  static boolean orderedByIndex(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    if (ordering.isEmpty() || ordering.size() > 2 || ordering.stream().anyMatch(o -> o.getRelation() != null)) {
      return false;
    }
    if (ordering.size() == 1) {
      return INDEXED_ORDER.contains(ordering.get(0).getQueryProperty().getName());
    }
    return "DUE_DATE_".equals(ordering.get(0).getQueryProperty().getName())
        && "CREATE_TIME_".equals(ordering.get(1).getQueryProperty().getName())
        && ordering.get(0).getDirection() != ordering.get(1).getDirection();
  }

  /** An empty array or collection narrows nothing ({@code Task.xml} tests their length), as null. */
  private static Object empty(Object value) {
    if (value instanceof Object[] array && array.length == 0
        || value instanceof java.util.Collection<?> collection && collection.isEmpty()) {
      return null;
    }
    return value;
  }

  static boolean hasDueDates(TaskQueryImpl query) {
    return query.getDueDate() != null || query.getDueBefore() != null || query.getDueAfter() != null;
  }

  /** The tasks in the query's due-date window (as {@code Task.xml} writes it), counted up to {@code limit}. */
  static long dueWindowUpTo(Connection connection, String prefix, TaskQueryImpl query, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    String where = dueWindow(query, params);
    return TaskVisibility.count(connection, "select count(*) from (select 1 from " + prefix + "ACT_RU_TASK RES"
        + (where.isEmpty() ? "" : " where " + where) + " limit " + limit + ") W", params);
  }

  /**
   * How many of the first {@code scanned} tasks in the query's order (and due-date window) the user holds a
   * grant on: a page read in index order is read only where the clerk's tasks are not all further down.
   */
  static boolean pageAmongFirst(Connection connection, String prefix, TaskQueryImpl query, String user,
      List<String> groups, int scanned) throws SQLException {
    List<Object> params = new ArrayList<>();
    String where = dueWindow(query, params);
    String order = String.join(", ", query.getOrderingProperties().stream()
        .map(o -> "RES." + o.getQueryProperty().getName() + " "
            + ("desc".equalsIgnoreCase(o.getDirection().getName()) ? "desc" : "asc")).toList());
    String sql = "select count(*), coalesce(sum(case when " + granted(prefix, groups) + " then 1 else 0 end), 0)"
        + " from (select RES.ID_ from " + prefix + "ACT_RU_TASK RES"
        + (where.isEmpty() ? "" : " where " + where) + " order by " + order + " limit " + scanned + ") S";
    List<Object> all = new ArrayList<>(groups);
    all.add(user);
    all.addAll(params);
    try (var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < all.size(); i++) {
        statement.setObject(i + 1, all.get(i));
      }
      try (var rs = statement.executeQuery()) {
        rs.next();
        long rows = rs.getLong(1);
        long granted = rs.getLong(2);
        // the page is among them, or they are all the tasks there are (then any order is cheap)
        return granted >= (long) query.getFirstResult() + query.getMaxResults() || rows < scanned;
      }
    }
  }

  /** Whether the user or one of the groups holds a grant on the task {@code S.ID_} (permissions not read). */
  private static String granted(String prefix, List<String> groups) {
    String auth = prefix + "ACT_RU_AUTHORIZATION";
    return "(" + (groups.isEmpty() ? "" : "exists (select 1 from " + auth + " A where "
        + TaskVisibility.groupsIn(groups, "A.GROUP_ID_") + " and A.TYPE_ = 1 and A.RESOURCE_TYPE_ = 7"
        + " and A.RESOURCE_ID_ = S.ID_) or ")
        + "exists (select 1 from " + auth + " U where U.USER_ID_ in (?, '*') and U.TYPE_ in (0, 1)"
        + " and U.RESOURCE_TYPE_ = 7 and U.RESOURCE_ID_ = S.ID_))";
  }

  private static String dueWindow(TaskQueryImpl query, List<Object> params) {
    if (!hasDueDates(query)) {
      return "";
    }
    StringBuilder where = new StringBuilder("RES.DUE_DATE_ is not null");
    if (query.getDueDate() != null) {
      where.append(" and RES.DUE_DATE_ = ?");
      params.add(new java.sql.Timestamp(query.getDueDate().getTime()));
    }
    if (query.getDueBefore() != null) {
      where.append(" and RES.DUE_DATE_ < ?");
      params.add(new java.sql.Timestamp(query.getDueBefore().getTime()));
    }
    if (query.getDueAfter() != null) {
      where.append(" and RES.DUE_DATE_ > ?");
      params.add(new java.sql.Timestamp(query.getDueAfter().getTime()));
    }
    return where.toString();
  }

  private static List<Field> criteria() {
    List<Field> fields = new ArrayList<>();
    for (Field f : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !NOT_CRITERIA.contains(f.getName())) {
        f.setAccessible(true);
        fields.add(f);
      }
    }
    if (fields.size() < 60 || fields.stream().noneMatch(f -> f.getName().equals("candidateUser"))) {
      throw new IllegalStateException("TaskQueryImpl's fields changed (" + Arrays.toString(fields.toArray())
          + "): check TaskQueryShape against the new engine");
    }
    return List.copyOf(fields);
  }
}
