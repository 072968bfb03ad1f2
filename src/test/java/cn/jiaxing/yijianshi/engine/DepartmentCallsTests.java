package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.Mockito.mock;

import cn.jiaxing.yijianshi.departments.DepartmentProperties;
import cn.jiaxing.yijianshi.departments.Departments;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/** The retry cycle of a failed department call, read as the job executor reads a job's. */
class DepartmentCallsTests {

  @Test
  void aRepeatedCycleGivesThatManyAttemptsTheSameIntervalApart() {
    // the first failure starts the count: R3 is three attempts, the third failure leaves none (an incident)
    assertThat(DepartmentCalls.retry("R3/PT1M", null)).isEqualTo(new DepartmentCalls.Retry(2, Duration.ofMinutes(1)));
    assertThat(DepartmentCalls.retry("R3/PT1M", 2)).isEqualTo(new DepartmentCalls.Retry(1, Duration.ofMinutes(1)));
    assertThat(DepartmentCalls.retry("R3/PT1M", 1)).isEqualTo(new DepartmentCalls.Retry(0, Duration.ofMinutes(1)));
  }

  @Test
  void aListedCycleSpacesTheAttemptsAsListed() {
    assertThat(DepartmentCalls.retry("PT1M, PT5M,PT30M", null)).isEqualTo(new DepartmentCalls.Retry(2, Duration.ofMinutes(1)));
    assertThat(DepartmentCalls.retry("PT1M,PT5M,PT30M", 2)).isEqualTo(new DepartmentCalls.Retry(1, Duration.ofMinutes(5)));
    assertThat(DepartmentCalls.retry("PT1M,PT5M,PT30M", 1)).isEqualTo(new DepartmentCalls.Retry(0, Duration.ofMinutes(30)));
  }

  @Test
  void thePollLooksForEveryStepOnce() {
    DepartmentCalls calls = new DepartmentCalls(mock(ProcessEngine.class),
        Map.of("registerMarriageDelegate", mock(DepartmentStep.class), "moveHouseholdDelegate", mock(DepartmentStep.class),
            "checkMarriageRecordsDelegate", mock(DepartmentStep.class)),
        null, new DepartmentCallSettings(true, 4, Duration.ofMinutes(1), Duration.ofSeconds(1)),
        Departments.read("departments.yaml"), new DepartmentProperties(Duration.ofSeconds(10), "http://unused", null,
            null, Map.of()));

    assertThat(calls.takeWanted()).isEmpty(); // a step committed here is taken by its id (DepartmentCallsIT)
    calls.trigger();
    calls.trigger(); // the poll (or a caller freed after saturation): every step, once
    assertThat(calls.takeWanted()).containsExactlyInAnyOrder("registerMarriageDelegate", "moveHouseholdDelegate",
        "checkMarriageRecordsDelegate");
    assertThat(calls.takeWanted()).isEmpty();
  }
}
