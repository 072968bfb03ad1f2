package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** Which task queries {@link TaskVisibility} may read in index order: the shape only, never the result. */
class TaskQueryShapeTests {

  @Test
  void tasklistsPagesAndDueWindowsQualify() {
    TaskQueryImpl page = (TaskQueryImpl) new TaskQueryImpl().orderByTaskCreateTime().desc();
    assertThat(TaskQueryShape.onlyDueDates(page)).isTrue();
    assertThat(TaskQueryShape.orderedByIndex(page)).isTrue();
    assertThat(TaskQueryShape.hasDueDates(page)).isFalse();

    TaskQueryImpl window = (TaskQueryImpl) new TaskQueryImpl().dueAfter(new Date()).dueBefore(new Date())
        .orderByDueDate().asc();
    assertThat(TaskQueryShape.onlyDueDates(window)).isTrue();
    assertThat(TaskQueryShape.orderedByIndex(window)).isTrue();
    assertThat(TaskQueryShape.hasDueDates(window)).isTrue();
  }

  @Test
  void anyOtherCriterionOrOrderKeepsTheQueryOnTheGrants() {
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("mz"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().processInstanceBusinessKey("JX1"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().taskNameLike("%核%"))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().processVariableValueEquals("a", 1))).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().withoutDueDate())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().active())).isFalse();
    assertThat(TaskQueryShape.onlyDueDates((TaskQueryImpl) new TaskQueryImpl().or().taskName("a").endOr())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc()
        .orderByTaskId().asc())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl().orderByTaskName().asc())).isFalse();
    assertThat(TaskQueryShape.orderedByIndex((TaskQueryImpl) new TaskQueryImpl()
        .orderByProcessVariable("x", org.camunda.bpm.engine.variable.type.ValueType.STRING).asc())).isFalse();
  }
}
