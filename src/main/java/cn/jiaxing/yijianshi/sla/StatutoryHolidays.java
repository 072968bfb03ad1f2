package cn.jiaxing.yijianshi.sla;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statutory days off of a year as 《全国年节及纪念日放假办法》 (2024 revision, art. 2) fixes them,
 * for a year whose State Council notice is not in the calendar file yet: 元旦 1 day (1 Jan), 春节 4 days
 * (除夕 and the first three days of the first lunar month), 清明 1 day (the day of the solar term),
 * 劳动节 2 days (1–2 May), 端午 1 day (5th of the 5th lunar month), 中秋 1 day (15th of the 8th lunar
 * month), 国庆 3 days (1–3 Oct). No 调休: the notice decides which weekends become working days. Lunar
 * dates and the solar term from the {@code cn.6tail:lunar} calendar (China Standard Time).
 */
final class StatutoryHolidays {

  private StatutoryHolidays() {
  }

  static Set<LocalDate> of(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    LocalDate newYear = lunar(year, 1, 1);
    days.add(newYear.minusDays(1)); // 除夕
    days.add(newYear);
    days.add(newYear.plusDays(1));
    days.add(newYear.plusDays(2));
    days.add(qingming(year));
    days.add(LocalDate.of(year, Month.MAY, 1));
    days.add(LocalDate.of(year, Month.MAY, 2));
    days.add(lunar(year, 5, 5)); // 端午
    days.add(lunar(year, 8, 15)); // 中秋
    days.add(LocalDate.of(year, Month.OCTOBER, 1));
    days.add(LocalDate.of(year, Month.OCTOBER, 2));
    days.add(LocalDate.of(year, Month.OCTOBER, 3));
    return days;
  }

  /** The Gregorian date of a (non-leap) month and day of the lunar year that begins in {@code year}. */
  static LocalDate lunar(int year, int month, int day) {
    return toLocalDate(Lunar.fromYmd(year, month, day).getSolar());
  }

  /** 清明: the day the sun reaches 15° ecliptic longitude (China Standard Time). */
  static LocalDate qingming(int year) {
    return toLocalDate(Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明"));
  }

  private static LocalDate toLocalDate(Solar solar) {
    return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
  }
}
