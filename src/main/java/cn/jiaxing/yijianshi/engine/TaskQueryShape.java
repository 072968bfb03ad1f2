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
        if (!Objects.deepEquals(f.get(query), f.get(BLANK))) {
          return false;
        }
      }
    } catch (IllegalAccessException e) {
      return false;
    }
    return true;
  }

  /** Sorted by creation or due date alone (either direction): an index gives that order. */
  static boolean orderedByIndex(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    return ordering.size() == 1 && ordering.get(0).getRelation() == null
        && INDEXED_ORDER.contains(ordering.get(0).getQueryProperty().getName());
  }

  static boolean hasDueDates(TaskQueryImpl query) {
    return query.getDueDate() != null || query.getDueBefore() != null || query.getDueAfter() != null;
  }

  /** The tasks in the query's due-date window (as {@code Task.xml} writes it), counted up to {@code limit}. */
  static long dueWindowUpTo(Connection connection, String prefix, TaskQueryImpl query, int limit) throws SQLException {
    StringBuilder where = new StringBuilder("DUE_DATE_ is not null");
    List<Object> params = new ArrayList<>();
    if (query.getDueDate() != null) {
      where.append(" and DUE_DATE_ = ?");
      params.add(new java.sql.Timestamp(query.getDueDate().getTime()));
    }
    if (query.getDueBefore() != null) {
      where.append(" and DUE_DATE_ < ?");
      params.add(new java.sql.Timestamp(query.getDueBefore().getTime()));
    }
    if (query.getDueAfter() != null) {
      where.append(" and DUE_DATE_ > ?");
      params.add(new java.sql.Timestamp(query.getDueAfter().getTime()));
    }
    return TaskVisibility.count(connection, "select count(*) from (select 1 from " + prefix + "ACT_RU_TASK where "
        + where + " limit " + limit + ") W", params);
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
