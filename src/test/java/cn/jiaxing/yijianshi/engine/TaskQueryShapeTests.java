package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** Which task queries {@link TaskVisibility} may read in index order: the shape only, never the result. */
class TaskQueryShapeTests {

  @Test
  void tasklistsPagesAndDueWindowsQualify() {
    TaskQueryImpl page = (TaskQueryImpl) new TaskQueryImpl().orderByTaskCreateTime().desc();
    assertThat(TaskQueryShape.onlyDueDates(page, List.of())).isTrue();
    assertThat(TaskQueryShape.orderedByIndex(page)).isTrue();
    assertThat(TaskQueryShape.hasDueDates(page)).isFalse();
    // Tasklist's own sorting added to the 部门待办 filter's (due date first, then newest), and reversed
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc()
        .orderByTaskCreateTime().desc())).isTrue();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().desc()
        .orderByTaskCreateTime().asc())).isTrue();

    TaskQueryImpl window = (TaskQueryImpl) new TaskQueryImpl().dueAfter(new Date()).dueBefore(new Date())
        .orderByDueDate().asc();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("mz")
        .includeAssignedTasks(), List.of("mz"))).as("the clerk's own group").isTrue();
    assertThat(TaskQueryShape.onlyDueDates(window, List.of())).isTrue();
    assertThat(TaskQueryShape.orderedByIndex(window)).isTrue();
    assertThat(TaskQueryShape.hasDueDates(window)).isTrue();
    // Tasklist's REST query sets empty lists, which narrow nothing
    TaskQueryImpl fromRest = (TaskQueryImpl) new TaskQueryImpl().processInstanceIdIn().orderByTaskCreateTime().desc();
    assertThat(TaskQueryShape.onlyDueDates(fromRest, List.of())).isTrue();
  }

  @Test
  void anyOtherCriterionOrOrderKeepsTheQueryOnTheGrants() {
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("mz"), List.of("ga"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskCandidateUser("minzheng"), List.of("mz"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupLike("m%"), List.of("mz"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskInvolvedUser("minzheng"), List.of("mz"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().processInstanceBusinessKey("JX1"), List.of())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskNameLike("%核%"), List.of())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().processVariableValueEquals("a", 1), List.of())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().withoutDueDate(), List.of())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().active(), List.of())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().or().taskName("a").endOr(), List.of())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc()
        .orderByTaskId().asc())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc()
        .orderByTaskCreateTime().asc())).as("both ascending: not the index's order").isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByTaskCreateTime().desc()
        .orderByDueDate().asc())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByTaskName().asc())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl()
        .orderByProcessVariable("x", org.camunda.bpm.engine.variable.type.ValueType.STRING).asc())).isFalse();
  }
}
