package cn.jiaxing.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Computes the due instant of an SLA from its start instant.
 *
 * <ul>
 *   <li>{@link SlaUnit#HOURS}: start + N hours.
 *   <li>{@link SlaUnit#CALENDAR_DAYS}: 23:59:59 (in {@code zone}) of the N-th calendar day after the
 *       start's local date.
 *   <li>{@link SlaUnit#WORKING_DAYS}: 23:59:59 (in {@code zone}) of the N-th working day after the
 *       start's local date; the start day itself is not counted, so a start on a holiday counts from
 *       the next working day.
 * </ul>
 */
public final class DueDateCalculator {

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  public DueDateCalculator(WorkingDayCalendar calendar, ZoneId zone) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public Instant dueAt(Instant start, SlaDuration duration) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    LocalDate startDate = LocalDate.ofInstant(start, zone);
    return switch (duration.unit()) {
      case HOURS -> start.plus(Duration.ofHours(duration.amount()));
      case CALENDAR_DAYS -> endOfDay(startDate.plusDays(duration.amount()));
      case WORKING_DAYS -> endOfDay(calendar.addWorkingDays(startDate, toIntDays(duration)));
    };
  }

  /**
   * When a step started at {@code start} under {@code policy} becomes due soon (即将超期): at the start
   * (00:00) of its last {@code warn} working/calendar days — by default its last day — or, for an
   * hour limit, {@code warn} hours (by default a quarter of the limit) before it is due.
   */
  public Instant warnAt(Instant start, SlaPolicy policy) {
    SlaDuration limit = policy.limit();
    if (limit.unit() == SlaUnit.HOURS) {
      long warnMinutes = policy.warnBefore() != null ? policy.warnBefore().amount() * 60 : limit.amount() * 15;
      return dueAt(start, limit).minus(Duration.ofMinutes(warnMinutes));
    }
    long before = policy.warnBefore() != null ? policy.warnBefore().amount() : 1;
    int firstWarnDay = (int) (limit.amount() - before + 1);
    LocalDate startDate = LocalDate.ofInstant(start, zone);
    LocalDate day = limit.unit() == SlaUnit.WORKING_DAYS
        ? calendar.addWorkingDays(startDate, firstWarnDay)
        : startDate.plusDays(firstWarnDay);
    Instant warn = day.atStartOfDay(zone).toInstant();
    return warn.isBefore(start) ? start : warn;
  }

  /**
   * Moves a due (or warning) instant by the time a clock was stopped (时限中止) between
   * {@code pausedFrom} and {@code resumedAt}: whole working days, calendar days or the exact hours,
   * per the unit of the limit. Days are counted after the pause day up to and including the resume day.
   */
  public Instant shift(Instant instant, SlaUnit unit, Instant pausedFrom, Instant resumedAt) {
    if (!resumedAt.isAfter(pausedFrom)) {
      return instant;
    }
    LocalDate from = LocalDate.ofInstant(pausedFrom, zone);
    LocalDate to = LocalDate.ofInstant(resumedAt, zone);
    return switch (unit) {
      case HOURS -> instant.plus(Duration.between(pausedFrom, resumedAt));
      case CALENDAR_DAYS -> instant.plus(Duration.ofDays(Math.max(0, to.toEpochDay() - from.toEpochDay())));
      case WORKING_DAYS -> {
        int days = calendar.workingDaysBetween(from, to);
        var local = instant.atZone(zone);
        yield days == 0 ? instant
            : calendar.addWorkingDays(local.toLocalDate(), days).atTime(local.toLocalTime()).atZone(zone).toInstant();
      }
    };
  }

  /**
   * The first year without the State Council's notice that a working-day limit from {@code start} to
   * {@code due} was counted across ({@link WorkingDayCalendar#firstUncoveredYear}), or {@code null} when
   * the due instant is final: hour and calendar-day limits never are provisional.
   */
  public Integer provisionalFrom(SlaPolicy policy, Instant start, Instant due) {
    return policy.limit().unit() != SlaUnit.WORKING_DAYS ? null
        : calendar.firstUncoveredYear(LocalDate.ofInstant(start, zone), LocalDate.ofInstant(due, zone));
  }

  /**
   * Moves an instant counted in working days from {@code start} on the calendar as it was
   * ({@code before}) to the same count on this calculator's calendar, keeping its time of day: the
   * due or warning instant of a provisional record once its year's notice is in the calendar.
   */
  public Instant recount(Instant instant, Instant start, WorkingDayCalendar before) {
    LocalDate from = LocalDate.ofInstant(start, zone);
    var local = instant.atZone(zone);
    int days = before.workingDaysBetween(from, local.toLocalDate());
    return days < 1 ? instant
        : calendar.addWorkingDays(from, days).atTime(local.toLocalTime()).atZone(zone).toInstant();
  }

  /** 23:59:59 of {@code day} in the zone: the start of the following day minus one second. */
  private Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
  }

  private static int toIntDays(SlaDuration duration) {
    if (duration.amount() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Too many working days: " + duration);
    }
    return (int) duration.amount();
  }
}
