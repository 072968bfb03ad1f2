package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected dates were checked against java.time weekdays and the State Council notices
 * (国办发明电〔2024〕12号 for 2025; notice of 2025-11-04 for 2026).
 */
class WorkingDayCalendarTests {

  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.loadDefault();

  /** 2025 and 2026 only, so the fallback tests keep working once the real 2027 block is added. */
  private static final String FIXTURE_2025_2026 = """
      [2025] fixture
      off  2025-01-01
      off  2025-01-28..2025-02-04
      off  2025-04-04..2025-04-06
      off  2025-05-01..2025-05-05
      off  2025-05-31..2025-06-02
      off  2025-10-01..2025-10-08
      work 2025-01-26
      work 2025-02-08
      work 2025-04-27
      work 2025-09-28
      work 2025-10-11
      [2026] fixture
      off  2026-01-01..2026-01-03
      off  2026-02-15..2026-02-23
      off  2026-04-04..2026-04-06
      off  2026-05-01..2026-05-05
      off  2026-06-19..2026-06-21
      off  2026-09-25..2026-09-27
      off  2026-10-01..2026-10-07
      work 2026-01-04
      work 2026-02-14
      work 2026-02-28
      work 2026-05-09
      work 2026-09-20
      work 2026-10-10
      """;

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @Nested
  class DefaultData {

    @Test
    void coversTheYearsOfTheBundledFile() {
      assertThat(CALENDAR.coveredYears()).contains(2025, 2026);
    }

    @Test
    void theFixtureMatchesTheBundledFileForTwentyFiveAndTwentySix() {
      WorkingDayCalendar fixture = WorkingDayCalendar.parse(new StringReader(FIXTURE_2025_2026));
      for (LocalDate day = d("2025-01-01"); day.getYear() < 2027; day = day.plusDays(1)) {
        assertThat(fixture.isWorkingDay(day)).as(day.toString()).isEqualTo(CALENDAR.isWorkingDay(day));
      }
    }

    @ParameterizedTest(name = "{0}: {1}..{2} off, {3} is a working day")
    @CsvSource({
        "元旦 2025,        2025-01-01, 2025-01-01, 2025-01-02",
        "春节 2025,        2025-01-28, 2025-02-04, 2025-02-05",
        "清明 2025,        2025-04-04, 2025-04-06, 2025-04-07",
        "劳动节 2025,      2025-05-01, 2025-05-05, 2025-05-06",
        "端午 2025,        2025-05-31, 2025-06-02, 2025-06-03",
        "国庆中秋 2025,    2025-10-01, 2025-10-08, 2025-10-09",
        "元旦 2026,        2026-01-01, 2026-01-03, 2026-01-04",
        "春节 2026,        2026-02-15, 2026-02-23, 2026-02-24",
        "清明 2026,        2026-04-04, 2026-04-06, 2026-04-07",
        "劳动节 2026,      2026-05-01, 2026-05-05, 2026-05-06",
        "端午 2026,        2026-06-19, 2026-06-21, 2026-06-22",
        "中秋 2026,        2026-09-25, 2026-09-27, 2026-09-28",
        "国庆 2026,        2026-10-01, 2026-10-07, 2026-10-08",
    })
    void everyDayOfAHolidayBlockIsOffAndTheDayAfterIsWorking(
        String holiday, LocalDate firstOff, LocalDate lastOff, LocalDate dayAfter) {
      assertThat(CALENDAR.isWorkingDay(firstOff)).as("first day off %s", firstOff).isFalse();
      assertThat(CALENDAR.isWorkingDay(lastOff)).as("last day off %s", lastOff).isFalse();
      for (LocalDate day = firstOff; !day.isAfter(lastOff); day = day.plusDays(1)) {
        assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
      }
      // None of these "day after" dates is an ordinary weekend: they are weekdays, except
      // 2026-01-04 which is a Sunday make-up working day.
      assertThat(CALENDAR.isWorkingDay(dayAfter)).as("day after %s", dayAfter).isTrue();
      // the day before each block is a working day or a weekend, never part of the block
      assertThat(CALENDAR.isWorkingDay(firstOff.minusDays(1)) || isWeekend(firstOff.minusDays(1)))
          .as("day before %s", firstOff).isTrue();
    }

    @ParameterizedTest(name = "make-up working day {0}")
    @ValueSource(strings = {
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void everyMakeUpDayIsAWeekendWorkingDay(LocalDate day) {
      assertThat(isWeekend(day)).isTrue();
      assertThat(CALENDAR.isWorkingDay(day)).isTrue();
    }

    @ParameterizedTest(name = "ordinary weekend {0}")
    @ValueSource(strings = {
        "2025-03-08", "2025-03-09", "2025-12-27", "2025-12-28",
        "2026-03-07", "2026-03-08", "2026-11-28", "2026-11-29"})
    void anOrdinaryWeekendIsNotAWorkingDay(LocalDate day) {
      assertThat(isWeekend(day)).isTrue();
      assertThat(CALENDAR.isWorkingDay(day)).isFalse();
    }

    @ParameterizedTest(name = "ordinary weekday {0}")
    @ValueSource(strings = {"2025-03-10", "2025-12-31", "2026-03-11", "2026-12-31"})
    void anOrdinaryWeekdayIsAWorkingDay(LocalDate day) {
      assertThat(CALENDAR.isWorkingDay(day)).isTrue();
    }

    @ParameterizedTest(name = "{0} has 248 working days")
    @ValueSource(ints = {2025, 2026})
    void eachYearHas248WorkingDays(int year) {
      // 261 weekdays - weekday holidays + make-up days; 13 statutory holidays since 2025
      assertThat(CALENDAR.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
          .isEqualTo(248);
    }
  }

  @Nested
  class AddWorkingDays {

    @ParameterizedTest(name = "{0} + {1}WD = {2}")
    @CsvSource({
        // Spring Festival 2026: Feb 13 is a Friday, Feb 14 a Saturday make-up day, Feb 15-23 off
        "2026-02-13,  1, 2026-02-14",
        "2026-02-14,  1, 2026-02-24",
        "2026-02-02, 20, 2026-03-06",
        // National Day 2026: Oct 1-7 off, Oct 10 a Saturday make-up day
        "2026-09-30,  1, 2026-10-08",
        "2026-09-30,  3, 2026-10-10",
        "2026-09-18, 10, 2026-10-09",
        // a start on a holiday: counting starts from the next working day
        "2026-10-03,  1, 2026-10-08",
        // National Day 2025: Oct 1-8 off
        "2025-09-30,  1, 2025-10-09",
        // year boundary: 2026-01-01..03 off, Sunday 2026-01-04 is a make-up working day
        "2025-12-31,  1, 2026-01-04",
        // make-up Sundays before Spring Festival / Labour Day 2025
        "2025-01-24,  1, 2025-01-26",
        "2025-01-24,  2, 2025-01-27",
        "2025-04-25,  1, 2025-04-27",
        // Labour Day 2026, make-up Saturday May 9
        "2026-04-30,  1, 2026-05-06",
        "2026-04-30,  4, 2026-05-09",
        // Dragon Boat / Mid-Autumn 2026 end on a Sunday
        "2026-06-18,  1, 2026-06-22",
        "2026-09-24,  1, 2026-09-28",
        // ordinary weeks
        "2026-03-06,  1, 2026-03-09",
        "2026-03-02,  5, 2026-03-09",
        "2025-01-01,  1, 2025-01-02",
    })
    void countsWorkingDaysAfterTheStart(LocalDate start, int days, LocalDate expected) {
      assertThat(CALENDAR.addWorkingDays(start, days)).isEqualTo(expected);
      assertThat(CALENDAR.workingDaysBetween(start, expected)).isEqualTo(days);
    }

    @ParameterizedTest(name = "days = {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsLessThanOneDay(int days) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CALENDAR.addWorkingDays(d("2026-03-02"), days))
          .withMessageContaining(">= 1");
    }
  }

  @Nested
  class WorkingDaysBetween {

    @ParameterizedTest(name = "({0}, {1}] has {2} working days")
    @CsvSource({
        "2026-09-30, 2026-10-07,  0",
        "2026-09-30, 2026-10-08,  1",
        "2026-09-30, 2026-10-10,  3",
        "2026-09-30, 2026-10-11,  3",
        "2026-09-18, 2026-10-12, 12",
        "2026-02-13, 2026-02-28,  6",
        "2026-03-02, 2026-03-02,  0",
        "2026-03-09, 2026-03-02,  0",
    })
    void countsFromExclusiveToInclusive(LocalDate from, LocalDate to, int expected) {
      assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
    }
  }

  @Nested
  class NextWorkingDayOnOrAfter {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-03-10, 2026-03-10",
        "2026-03-07, 2026-03-09",
        "2026-10-01, 2026-10-08",
        "2026-02-15, 2026-02-24",
        "2026-02-14, 2026-02-14",
        "2025-01-28, 2025-02-05",
        "2025-05-31, 2025-06-03",
    })
    void returnsTheDayItselfOrTheNextWorkingDay(LocalDate day, LocalDate expected) {
      assertThat(CALENDAR.nextWorkingDayOnOrAfter(day)).isEqualTo(expected);
    }
  }

  @Nested
  class MissingYear {

    private final List<Integer> reported = new CopyOnWriteArrayList<>();
    private final WorkingDayCalendar calendar =
        WorkingDayCalendar.parse(new StringReader(FIXTURE_2025_2026), reported::add);

    @Test
    void countsTheStatutoryDaysOfTheLawProvisionallyAndReportsTheYearOnce() {
      assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
      assertThat(calendar.covers(2027)).isFalse();
      for (int i = 0; i < 5; i++) {
        // 2027-01-01 is a Friday: 元旦, a statutory day off even without the year's notice
        assertThat(calendar.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2027-01-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2027-01-04"))).isTrue();
      }
      // 春节 2027: 除夕 5 Feb (Fri) to 初三 8 Feb (Mon); 清明 5 Apr; 端午 9 Jun; 中秋 15 Sep; 国庆 1-3 Oct
      for (String off : List.of("2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01")) {
        assertThat(calendar.isWorkingDay(d(off))).as(off).isFalse();
      }
      assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
      // 260 weekdays after 1 Jan, less the six statutory days that fall on weekdays (no 调休 yet)
      assertThat(calendar.workingDaysBetween(d("2027-01-01"), d("2027-12-31"))).isEqualTo(254);

      assertThat(reported).containsExactly(2027);
    }

    @Test
    void theComputedStatutoryDaysAreThoseOfThePublishedYears() {
      // every day the law fixes is a day off in the State Council's notices for 2025 and 2026
      for (int year : List.of(2025, 2026)) {
        for (LocalDate day : StatutoryHolidays.of(year)) {
          assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(StatutoryHolidays.of(year)).hasSize(13);
      }
      assertThat(StatutoryHolidays.lunar(2026, 1, 1)).isEqualTo(d("2026-02-17"));
      assertThat(StatutoryHolidays.qingming(2026)).isEqualTo(d("2026-04-05"));
      // published dates a near-midnight new moon or a leap month can get wrong (ICU4J: 7 Feb 2027, no 中秋 2028)
      assertThat(StatutoryHolidays.lunar(2027, 1, 1)).isEqualTo(d("2027-02-06"));
      assertThat(StatutoryHolidays.lunar(2028, 8, 15)).isEqualTo(d("2028-10-03"));
      assertThat(StatutoryHolidays.lunar(2028, 5, 5)).isEqualTo(d("2028-05-28"));
    }

    @Test
    void doesNotThrowWhenCountingIntoAYearWithoutData() {
      assertThatCode(() -> calendar.addWorkingDays(d("2026-12-31"), 1)).doesNotThrowAnyException();
      assertThat(calendar.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-04"));
      assertThat(calendar.addWorkingDays(d("2026-12-31"), 2)).isEqualTo(d("2027-01-05"));
      assertThat(calendar.nextWorkingDayOnOrAfter(d("2027-01-01"))).isEqualTo(d("2027-01-04"));
      assertThat(reported).containsExactly(2027);
    }

    @Test
    void reportsEachMissingYearSeparately() {
      calendar.isWorkingDay(d("2027-06-01"));
      calendar.isWorkingDay(d("2024-06-03"));
      calendar.isWorkingDay(d("2027-06-02"));
      calendar.isWorkingDay(d("2024-06-04"));
      calendar.isWorkingDay(d("2026-06-01"));

      assertThat(reported).containsExactly(2027, 2024);
    }

    @Test
    void reportsExactlyOnceUnderConcurrency() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          tasks.add(() -> calendar.isWorkingDay(d("2027-03-01")));
        }
        for (Future<Boolean> result : pool.invokeAll(tasks)) {
          assertThat(result.get()).isTrue();
        }
      } finally {
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(reported).containsExactly(2027);
    }

    @Test
    void aFailingListenerDoesNotBreakTheCalendar() {
      WorkingDayCalendar withBrokenListener = WorkingDayCalendar.parse(
          new StringReader(FIXTURE_2025_2026), year -> {
            throw new IllegalStateException("metrics down");
          });

      assertThat(withBrokenListener.isWorkingDay(d("2027-01-04"))).isTrue();
    }

    @Test
    void theDefaultOverloadIsANoOpListener() {
      WorkingDayCalendar plain = WorkingDayCalendar.parse(new StringReader(FIXTURE_2025_2026));

      assertThat(plain.isWorkingDay(d("2099-01-05"))).isTrue();
      assertThat(plain.isWorkingDay(d("2099-01-04"))).isFalse();
    }
  }

  @Nested
  class Parsing {

    @Test
    void ignoresBlankLinesCommentsAndABom() {
      WorkingDayCalendar calendar = WorkingDayCalendar.parse(new StringReader("""
          \uFEFF# header comment

             # indented comment
          [2030] 来源 with spaces
          off  2030-01-01   # trailing comment

          [2031]
          """));

      assertThat(calendar.coveredYears()).containsExactly(2030, 2031);
      assertThat(calendar.isWorkingDay(d("2030-01-01"))).isFalse();
      assertThat(calendar.isWorkingDay(d("2030-01-02"))).isTrue();
      // an empty block still counts as covered: plain Mon-Fri
      assertThat(calendar.isWorkingDay(d("2031-01-01"))).isTrue();
    }

    @Test
    void acceptsAMakeUpRangeOfWeekendDays() {
      WorkingDayCalendar calendar = WorkingDayCalendar.parse(new StringReader("""
          [2030]
          work 2030-01-05..2030-01-06
          """));

      assertThat(calendar.isWorkingDay(d("2030-01-05"))).isTrue();
      assertThat(calendar.isWorkingDay(d("2030-01-06"))).isTrue();
    }

    @Test
    void coveredYearsCannotBeModified() {
      assertThatCode(() -> CALENDAR.coveredYears().add(1999)).doesNotThrowAnyException();
      assertThat(CALENDAR.coveredYears()).doesNotContain(1999);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
        [2025]\\noff 2025-01-01\\nholiday 2025-01-02              | 3 | expected '[YYYY] source'
        [2025]\\noff 2025-01-01\\n\\n# comment\\nwork 2025-01-27  | 5 | is a MONDAY, not a Saturday/Sunday
        [2025]\\noff 2026-01-01                                   | 2 | outside the block year 2025
        [2025]\\noff 2025-12-31..2026-01-01                       | 2 | outside the block year 2025
        [2025]\\noff 2025-01-26\\nwork 2025-01-26                 | 3 | already a day off (line 2)
        [2025]\\nwork 2025-01-26\\noff 2025-01-25..2025-01-27     | 3 | already a make-up working day (line 2)
        off 2025-01-01                                            | 1 | before the first '[YYYY]' block header
        [2025]\\n[2025]                                           | 2 | duplicate block for year 2025
        [2025]\\noff 2025-02-30                                   | 2 | invalid date 2025-02-30
        [2025]\\noff 2025-02-04..2025-01-28                       | 2 | is before its start
        [25]                                                      | 1 | expected '[YYYY] source'
        [2025]\\noff 2025-1-1                                     | 2 | expected '[YYYY] source'
        [2025]\\noff  2025-01-01 2025-01-02                       | 2 | expected '[YYYY] source'
        """)
    void rejectsMalformedDataNamingTheLine(String escapedContent, int line, String problem) {
      String content = escapedContent.replace("\\n", "\n");
      String offendingLine = content.split("\n")[line - 1].strip();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> WorkingDayCalendar.parse(new StringReader(content)))
          .withMessageContaining("line " + line + " ")
          .withMessageContaining("'" + offendingLine + "'")
          .withMessageContaining(problem);
    }
  }
}
