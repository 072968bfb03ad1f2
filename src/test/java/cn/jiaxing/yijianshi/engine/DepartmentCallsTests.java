package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
