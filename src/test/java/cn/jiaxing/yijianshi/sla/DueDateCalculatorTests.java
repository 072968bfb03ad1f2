package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueDateCalculatorTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.loadDefault();
  private final DueDateCalculator calculator = new DueDateCalculator(CALENDAR, SHANGHAI);

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
      // National Day 2026: start on Wednesday 2026-09-30 afternoon
      "2026-09-30T15:30:00+08:00, 1WD, 2026-10-08T23:59:59+08:00",
      "2026-09-30T15:30:00+08:00, 3WD, 2026-10-10T23:59:59+08:00",
      // start on a holiday: counting starts from the next working day
      "2026-10-03T10:00:00+08:00, 1WD, 2026-10-08T23:59:59+08:00",
      // a start just after midnight still counts the whole start day as day 0
      "2026-10-07T23:59:59+08:00, 1WD, 2026-10-08T23:59:59+08:00",
      "2026-10-08T00:00:00+08:00, 1WD, 2026-10-09T23:59:59+08:00",
      // Spring Festival 2026
      "2026-02-13T09:00:00+08:00, 1WD, 2026-02-14T23:59:59+08:00",
      "2026-02-14T09:00:00+08:00, 1WD, 2026-02-24T23:59:59+08:00",
      "2025-09-30T16:00:00+08:00, 1WD, 2025-10-09T23:59:59+08:00",
      "2025-12-31T16:00:00+08:00, 1WD, 2026-01-04T23:59:59+08:00",
      "2026-03-02T09:00:00+08:00, 5WD, 2026-03-09T23:59:59+08:00",
      // calendar days ignore holidays
      "2026-09-30T15:30:00+08:00, 1CD, 2026-10-01T23:59:59+08:00",
      "2026-09-30T15:30:00+08:00, 7CD, 2026-10-07T23:59:59+08:00",
      "2026-03-10T23:30:00+08:00, 1CD, 2026-03-11T23:59:59+08:00",
      "2025-12-31T00:00:00+08:00, 1CD, 2026-01-01T23:59:59+08:00",
      "2026-02-27T10:00:00+08:00, 2CD, 2026-03-01T23:59:59+08:00",
      // hours: plain elapsed time, holidays included
      "2026-09-30T15:30:00+08:00, 24H, 2026-10-01T15:30:00+08:00",
      "2026-09-30T15:30:00+08:00, 72H, 2026-10-03T15:30:00+08:00",
      "2026-03-10T15:30:12+08:00, 1H,  2026-03-10T16:30:12+08:00",
  })
  void computesTheDueInstant(String start, String duration, String expected) {
    assertThat(calculator.dueAt(at(start), SlaDuration.parse(duration))).isEqualTo(at(expected));
  }

  @Test
  void theStartDateIsTheLocalDateInTheConfiguredZone() {
    // 2026-02-13T17:00Z is Friday 17:00 in UTC but Saturday 2026-02-14 01:00 in Shanghai
    Instant start = Instant.parse("2026-02-13T17:00:00Z");

    assertThat(calculator.dueAt(start, SlaDuration.parse("1WD")))
        .isEqualTo(at("2026-02-24T23:59:59+08:00"));
    assertThat(new DueDateCalculator(CALENDAR, ZoneOffset.UTC).dueAt(start, SlaDuration.parse("1WD")))
        .isEqualTo(Instant.parse("2026-02-14T23:59:59Z"));
    assertThat(calculator.dueAt(start, SlaDuration.parse("1CD")))
        .isEqualTo(at("2026-02-15T23:59:59+08:00"));
  }

  @Test
  void theDueInstantIsOneSecondBeforeTheNextLocalMidnight() {
    Instant due = calculator.dueAt(at("2026-09-30T15:30:00+08:00"), SlaDuration.parse("1WD"));

    assertThat(due.plusSeconds(1).atZone(SHANGHAI).toLocalTime()).hasToString("00:00");
    assertThat(due).isEqualTo(Instant.parse("2026-10-08T15:59:59Z"));
  }

  @Test
  void endOfDayFollowsTheZoneAcrossADaylightSavingChange() {
    // Europe/Berlin switched to summer time on 2026-03-29: that day has only 23 hours
    DueDateCalculator berlin = new DueDateCalculator(CALENDAR, ZoneId.of("Europe/Berlin"));

    assertThat(berlin.dueAt(at("2026-03-28T12:00:00+01:00"), SlaDuration.parse("1CD")))
        .isEqualTo(at("2026-03-29T23:59:59+02:00"));
  }

  @Test
  void rejectsAWorkingDayCountBeyondInt() {
    assertThatIllegalArgumentException().isThrownBy(() -> calculator.dueAt(
        at("2026-03-02T09:00:00+08:00"), new SlaDuration(Integer.MAX_VALUE + 1L, SlaUnit.WORKING_DAYS)));
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException().isThrownBy(() -> new DueDateCalculator(null, SHANGHAI));
    assertThatNullPointerException().isThrownBy(() -> new DueDateCalculator(CALENDAR, null));
    assertThatNullPointerException().isThrownBy(() -> calculator.dueAt(null, SlaDuration.parse("1WD")));
    assertThatNullPointerException().isThrownBy(() -> calculator.dueAt(Instant.now(), null));
  }
}
