package cn.jiaxing.yijianshi.engine;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * A department step committed on this node is taken by its external task's id (not by the engine's fetch query):
 * taken once, with the step's variables and the case number, and skipped where the fetch query would skip it.
 */
class DepartmentCallsProcessTests extends ProcessTestSupport {

  private ProcessInstance waitingForTheMarriageRecordsCheck() {
    Map<String, Object> v = new HashMap<>();
    v.put(GROOM_NAME, "张伟");
    v.put(GROOM_ID_NUMBER, TestPeople.man(30));
    v.put(BRIDE_NAME, "王芳");
    v.put(BRIDE_ID_NUMBER, TestPeople.woman(27));
    v.put(APPLICANT_EMAIL, "zhangwei@example.cn");
    v.put(DECLARATION_SIGNED, true);
    v.put(BOTH_PRESENT, true);
    v.put(HOUSEHOLD_MOVE_REQUESTED, false);
    v.put(BIRTH_PLANNING_REQUESTED, false);
    return runtime.startProcessInstanceByKey(PROCESS_KEY, v);
  }

  private ExternalTask step(ProcessInstance pi) {
    return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  @Test
  void aCommittedStepIsTakenOnceWithItsVariablesAndCaseNumber() {
    ProcessInstance pi = waitingForTheMarriageRecordsCheck();
    ExternalTask step = step(pi);
    assertThat(step.getActivityId()).isEqualTo("Task_CheckMarriageRecords");

    List<LockedExternalTask> taken = calls.lockCommitted(List.of(step.getId(), "no-such-task"));

    assertThat(taken).singleElement().satisfies(t -> {
      assertThat(t.getId()).isEqualTo(step.getId());
      assertThat(t.getBusinessKey()).isEqualTo(pi.getBusinessKey());
      assertThat(t.getTopicName()).isEqualTo(step.getTopicName());
      assertThat(t.getVariables()).containsKeys(GROOM_ID_NUMBER, BRIDE_ID_NUMBER);
    });
    assertThat(step(pi).getWorkerId()).isNotNull();
    assertThat(step(pi).getLockExpirationTime()).isInTheFuture();
    // taken: neither this node (a second trigger) nor the engine's fetch gets it again
    assertThat(calls.lockCommitted(List.of(step.getId()))).isEmpty();
    assertThat(engine.getExternalTaskService().fetchAndLock(10, "another-node").topic(step.getTopicName(), 60_000)
        .execute()).noneMatch(t -> t.getId().equals(step.getId()));
  }

  @Test
  void aSuspendedOrCanceledCaseIsNotTaken() {
    ProcessInstance suspended = waitingForTheMarriageRecordsCheck();
    runtime.suspendProcessInstanceById(suspended.getId());
    ProcessInstance canceled = waitingForTheMarriageRecordsCheck();
    String canceledStep = step(canceled).getId();
    runtime.deleteProcessInstance(canceled.getId(), "withdrawn");

    assertThat(calls.lockCommitted(List.of(step(suspended).getId(), canceledStep))).isEmpty();

    runtime.activateProcessInstanceById(suspended.getId());
    assertThat(calls.lockCommitted(List.of(step(suspended).getId()))).hasSize(1);
  }
}
