package cn.jiaxing.yijianshi.shared;

import java.util.List;
import java.util.Map;

/**
 * What Tasklist's list shows of each task besides its name: task-local variables that casefile's TaskCaseLabels
 * writes when a task is created and identity's shared filters list (their {@code variables} property).
 */
public final class TaskListColumns {

  /** The task's case number (办件编号). */
  public static final String CASE_NUMBER = "taskCaseNumber";
  /** The applicant's masked name (申请人). */
  public static final String APPLICANT = "taskApplicant";

  /** As a Tasklist filter lists them: variable name and column title. */
  public static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", CASE_NUMBER, "label", "办件编号"),
      Map.of("name", APPLICANT, "label", "申请人"));

  private TaskListColumns() {
  }
}
