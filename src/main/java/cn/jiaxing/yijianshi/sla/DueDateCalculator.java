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
